import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

/** The list's own count of the jobs it holds ("52 jobs"). */
async function jobCount(page: Page): Promise<number> {
  const said = page.getByText(/^\d+ jobs$/).first();
  await expect(said).toBeVisible();
  return Number((await said.innerText()).split(" ")[0]);
}

test.describe("the built app on the embedded database", () => {
  test.beforeEach(async ({ page }, info) => {
    if (!info.title.includes("landing")) await signIn(page, DEMO.operator);
  });

  test("the landing page leads to sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Drive import and export");
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  });

  test("the jobs page lists the seeded jobs with their states, progress and drives", async ({
    page,
  }) => {
    await page.goto("/jobs");
    const table = page.getByRole("table", { name: /jobs/i });
    await expect(table).toBeVisible();
    // The demo data has 47 jobs; other specs add their own, so the first page shows up to 50.
    const total = await jobCount(page);
    expect(total).toBeGreaterThanOrEqual(47);
    await expect(table.getByRole("row")).toHaveCount(Math.min(total, 50) + 1);
    for (const state of [
      "Creating",
      "Shipping",
      "Received",
      "Transferring",
      "Packaging",
      "Completed",
      "Closed",
      "Faulted",
    ]) {
      await expect(
        page.getByRole("link", { name: new RegExp(`^${state} \\(\\d+\\)$`) }),
      ).toBeVisible();
    }
    await expect(table.getByRole("progressbar").first()).toBeVisible();
  });

  test("filtering by state shows only that state's jobs", async ({ page }) => {
    await page.goto("/jobs");
    await page.getByRole("link", { name: /^Faulted \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/state=Faulted/);
    const rows = page.getByRole("table", { name: /jobs/i }).getByRole("row");
    await expect(rows).toHaveCount(3); // header + the two faulted demo jobs
    await expect(
      page.getByRole("table", { name: /jobs/i }).getByText("Faulted", { exact: true }),
    ).toHaveCount(2);
  });

  test("searching by customer narrows the list", async ({ page }) => {
    await page.goto("/jobs");
    const filters = page.getByRole("form", { name: "Filter jobs" });
    await filters.getByLabel("Search").fill("Fabrikam");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=Fabrikam/);
    const cells = page
      .getByRole("table", { name: /jobs/i })
      .getByRole("cell", { name: "Fabrikam Inc" });
    await expect(cells.first()).toBeVisible();
    await expect(
      page.getByRole("table", { name: /jobs/i }).getByRole("cell", { name: "Contoso Ltd" }),
    ).toHaveCount(0);
  });
});

test.describe("on a small dock screen (360 px)", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test.beforeEach(async ({ page }) => signIn(page, DEMO.supervisor));

  test("jobs show as a list of cards with state, progress and drives", async ({ page }) => {
    await page.goto("/jobs");
    const list = page.getByRole("list", { name: "Jobs" });
    await expect(list.getByRole("listitem")).toHaveCount(Math.min(await jobCount(page), 50));
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(list.getByRole("progressbar").first()).toBeVisible();
    // Searching is at hand without scrolling: the search palette's button is in the header.
    await expect(page.getByRole("button", { name: /^Search/ })).toBeInViewport();
  });
});
