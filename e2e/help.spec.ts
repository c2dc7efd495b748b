import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

/** The row of a transition table that leads from one state to another by a rule. */
function transition(page: Page, table: string, from: string, to: string, rule: string) {
  return page
    .getByRole("table", { name: table })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: from, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: to, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: rule, exact: true }) });
}

test("the operator opens Help and reads both life cycles, as pictures and as tables", async ({
  page,
}) => {
  await signIn(page, DEMO.operator);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" }).click();
  await expect(
    page.getByRole("heading", { name: "How jobs and drives move", level: 1 }),
  ).toBeVisible();

  await expect(page.getByRole("heading", { name: "Job life cycle", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Drive life cycle", level: 2 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Job life cycle" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Drive life cycle" })).toBeVisible();

  // R-J7 and R-D3, read from the domain's own tables.
  await expect(
    transition(page, "Job life cycle: every transition", "Shipping", "Received", "R-J7"),
  ).toHaveCount(1);
  await expect(
    transition(page, "Drive life cycle: every transition", "Specified", "Received", "R-D3"),
  ).toHaveCount(1);
  await expect(
    page.getByText("A job can be cancelled while it is Creating, Shipping or Received"),
  ).toBeVisible();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole("img", { name: "Drive life cycle" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
