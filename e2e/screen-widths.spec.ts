import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, sql } from "./support";
import {
  LONG_STORAGE_ACCOUNT,
  receiveAtDock,
  shippingJobThroughApi,
  signInTo,
  type MadeJob,
} from "./worklist-support";

/**
 * A phone at the dock (360 px) and a control-room monitor (1920 px): on every page here nothing
 * serious or critical for axe, the page itself never scrolls sideways, and a wide table shows all
 * its columns at 1920 px or scrolls inside its own labelled region.
 */
const WIDTHS = [360, 1920] as const;

async function expectFits(page: Page, what: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${what}: ${serious.map((v) => v.id).join(", ")}`).toEqual([]);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** A table's region shows every column: nothing hidden to scroll to. */
async function expectWholeTable(page: Page, region: string) {
  const box = page.getByRole("region", { name: region });
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, `${region}: every column in view`).toBeLessThanOrEqual(clientWidth);
}

let job: MadeJob;
let extraDriveId: string;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(120_000);
  job = await shippingJobThroughApi(request, "wid", 1);
  const page = await browser.newPage();
  await signInTo(page, "/dock/expected", DEMO.operator, "Expected packages");
  const extra = `WIDE-${Date.now().toString(36).toUpperCase()}-7`;
  await receiveAtDock(page, job, extra);
  await page.close();
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Drive" WHERE serial = $1`, [extra]);
  extraDriveId = row!.id;
});

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("a supervisor's job page, worklists, label and 404", async ({ page }) => {
      // Seven pages, each checked by axe: minutes on a busy shared machine.
      test.setTimeout(300_000);
      await signInTo(page, `/jobs/${job.id}`, DEMO.supervisor, job.name);
      // The storage account id is one long word: it wraps instead of widening the page.
      await expect(page.getByText(LONG_STORAGE_ACCOUNT)).toBeVisible();
      await expectFits(page, "job page");
      if (width === 1920) {
        await expectWholeTable(page, "Drives of this job");
      }
      for (const [path, heading] of [
        ["/dock/expected", "Expected packages"],
        ["/dock/ship-back", "To ship back"],
        [`/labels/drives/${extraDriveId}`, "Extra drive: do not process"],
        ["/no-such-page", "Page not found"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        await expectFits(page, path);
      }
      // The 404 page has the site's landmarks: a banner with the main navigation, and main.
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText("There is nothing at this address");
    });

    test("an admin's users and API keys pages, with a new key on screen", async ({ page }) => {
      test.setTimeout(180_000);
      await signInTo(page, "/admin/users", DEMO.admin, "Users");
      await expectFits(page, "users");
      if (width === 1920) await expectWholeTable(page, "Users");

      await page.goto("/admin/api-keys");
      const form = page.getByRole("form", { name: "Issue a key" });
      await form.getByRole("radio", { name: "Copy station" }).check();
      const keyName = `Width check ${width} ${Date.now().toString(36)}`;
      await form.getByLabel("Key name").fill(keyName);
      await form.getByRole("button", { name: "Issue key" }).click();
      await expect(page.getByRole("region", { name: `New key for ${keyName}` })).toBeVisible();
      await expectFits(page, "API keys with a new key shown");
    });
  });
}
