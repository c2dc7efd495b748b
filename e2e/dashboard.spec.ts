import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_CUSTOMER_KEY } from "../prisma/demo-data.ts";
import { DEMO, sql } from "./support";

/**
 * The supervisors' dashboard (issue 14) and the start page of each role: operators land on the
 * dock, supervisors and admins on the dashboard, unless the sign-in link asked for a page.
 */

async function signInFromForm(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("start page by role", () => {
  for (const [role, who, path, heading] of [
    ["operator", DEMO.operator, "/dock", /dock/i],
    ["supervisor", DEMO.supervisor, "/dashboard", "Dashboard"],
    ["admin", DEMO.admin, "/dashboard", "Dashboard"],
  ] as const) {
    test(`the ${role} lands on ${path} after signing in, and / leads there too`, async ({
      page,
    }) => {
      await signInFromForm(page, who);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    });
  }

  test("an operator cannot open the dashboard", async ({ page }) => {
    await signInFromForm(page, DEMO.operator);
    await expect(page).toHaveURL(/\/dock$/);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  });
});

test("a supervisor's dashboard: tables with the numbers, and a figure leads to its filtered list", async ({
  page,
  request,
}, testInfo) => {
  test.slow();
  // A Creating job of this spec's own, through the customer's Job API.
  const name = `e2e-dash-${Date.now().toString(36)}`;
  const put = await request.put(`/api/v1/jobs/${name}`, {
    headers: { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` },
    data: {
      properties: {
        jobType: "import",
        storageAccountId: "contosostore",
        driveList: [{ driveId: `E2EDASH${Date.now().toString(36).toUpperCase()}` }],
      },
    },
  });
  expect(put.status()).toBeLessThan(300);

  await signInFromForm(page, DEMO.supervisor);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toContainText([
    "Dashboard",
  ]);

  // The backlog table says what the database holds, state by state.
  const counts = await sql<{ state: string; count: number }>(
    `SELECT "state"::text AS state, count(*)::int AS count FROM "Job" GROUP BY 1`,
  );
  const backlog = page.getByRole("table", { name: "Jobs by state" });
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
    const count = counts.find((c) => c.state === state)?.count ?? 0;
    await expect(backlog.getByRole("row", { name: new RegExp(`^${state} `) })).toHaveText(
      `${state}${count}`,
    );
  }
  // Each chart has its numbers as a table: 14 days and a header row.
  for (const caption of [/Drives received per day/, /Drives shipped back per day/, /terabytes/]) {
    await expect(page.getByRole("table", { name: caption }).getByRole("row")).toHaveCount(15);
  }
  await expect(page.getByRole("table", { name: /Past the deadline/ }).getByRole("row")).toHaveCount(
    5,
  );
  await expect(page.getByRole("table", { name: /by age/ }).getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("img", { name: /Backlog by job state/ })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("dashboard-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("dashboard-360.png"), fullPage: true });
  // The figures fit a phone's width (the header's navigation is the layout's own business).
  const width = await page.evaluate(() => document.getElementById("main")?.scrollWidth ?? 0);
  expect(width).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The Creating count leads to the jobs list filtered to Creating, where this spec's job is.
  const creating = counts.find((c) => c.state === "Creating")?.count ?? 0;
  await backlog.getByRole("link", { name: `${creating} jobs in Creating` }).click();
  await expect(page).toHaveURL(/\/jobs\?state=Creating$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(name);
});
