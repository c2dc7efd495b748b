import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_CUSTOMER_KEY } from "../prisma/demo-data.ts";
import { freshSerial, freshUpsTrackingNumber } from "./dock-support";
import { DEMO, signIn, sql } from "./support";

/**
 * The console at scale, on jobs this spec makes through the Job API (the demo customer's key):
 * search everywhere (Ctrl+K), the jobs list's sorts, filters and CSV, the time-zone setting.
 */

const AUTH = { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` };
const RUN = Date.now().toString(36);

async function createJob(
  request: APIRequestContext,
  name: string,
  jobType: "Import" | "Export",
  serial: string,
  trackingNumber: string,
) {
  const put = await request.put(`/api/v1/jobs/${name}`, {
    headers: AUTH,
    data: {
      properties: {
        jobType,
        storageAccountId: "e2eliststore",
        driveList: [{ driveId: serial }],
        deliveryPackage: { carrierName: "UPS", trackingNumber },
      },
    },
  });
  expect(put.status(), await put.text()).toBe(201);
}

async function openPalette(page: Page) {
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Search everything" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("Ctrl+K finds a drive serial and a tracking number, and Escape gives the focus back", async ({
  page,
  request,
}) => {
  const serial = await freshSerial();
  const tracking = await freshUpsTrackingNumber();
  const name = `e2e-search-${RUN}`;
  await createJob(request, name, "Import", serial, tracking);
  const [job] = await sql<{ id: string }>(`SELECT id FROM "Job" WHERE name = $1`, [name]);

  await signIn(page, DEMO.operator);
  const trigger = page.getByRole("button", { name: /^Search/ });
  await trigger.focus();
  let dialog = await openPalette(page);
  const box = dialog.getByRole("combobox", { name: /Search drives/ });
  await expect(box).toBeFocused();
  await box.fill(serial.toLowerCase());
  const option = dialog.getByRole("option").filter({ hasText: serial });
  await expect(option.first()).toBeVisible();
  await expect(dialog.getByRole("option").first()).toContainText(serial);
  expect((await new AxeBuilder({ page }).include("dialog").analyze()).violations).toEqual([]);
  // Arrow down chooses it (aria-activedescendant), Enter opens its job.
  await box.press("ArrowDown");
  await expect(dialog.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/jobs/${job!.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  // A tracking number typed off the label, in groups.
  dialog = await openPalette(page);
  await dialog.getByRole("combobox").fill(tracking.match(/.{1,4}/g)!.join(" "));
  await expect(dialog.getByRole("option").first()).toContainText(tracking);
  await expect(dialog.getByRole("option").first()).toContainText(`delivery package of job ${name}`);
  // Focus stays inside while open; Escape closes and returns it.
  for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The full results page says the same.
  await page.goto(`/search?q=${encodeURIComponent(serial)}`);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem").first()).toContainText(serial);
  await expect(results.getByRole("listitem").first()).toContainText("exact");
});

test("the jobs list sorts, filters in the address and downloads what it shows as CSV", async ({
  page,
  request,
}) => {
  const names = [`e2e-list-${RUN}-b`, `e2e-list-${RUN}-a`, `e2e-list-${RUN}-c`];
  for (const name of names)
    await createJob(request, name, "Import", await freshSerial(), await freshUpsTrackingNumber());

  await signIn(page, DEMO.supervisor);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }),
  ).toHaveAttribute("aria-current", "page");
  const filters = page.getByRole("form", { name: "Filter jobs" });
  await filters.getByLabel("Search").fill(`e2e-list-${RUN}`);
  await filters.getByRole("combobox", { name: "Type", exact: true }).selectOption("Import");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]type=Import/);
  const table = page.getByRole("table", { name: "Jobs" });
  const rowNames = () => table.getByRole("row").locator("th[scope=row]").allInnerTexts();
  await expect(table.getByRole("row")).toHaveCount(4); // the header and three imports

  // Sort by name: a header link; again: the other way. aria-sort says which.
  await table.getByRole("link", { name: /^Job/ }).click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(table.getByRole("columnheader", { name: /^Job/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  expect(await rowNames()).toEqual([names[1], names[0], names[2]]);
  await table.getByRole("link", { name: /^Job/ }).click();
  await expect(table.getByRole("columnheader", { name: /^Job/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  expect(await rowNames()).toEqual([names[2], names[0], names[1]]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The CSV holds the same filtered list, in the same order.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dockside-jobs-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await new Response(
    (await download.createReadStream()) as unknown as ReadableStream,
  ).text();
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Job,Customer,Type,State/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([names[2], names[0], names[1]]);
  expect(lines[1]).toContain(",Import,Creating,");

  // A bad parameter is said, never a 500; the rest of the address still applies.
  const response = await page.goto(`/jobs?q=e2e-list-${RUN}&from=2026-02-30&sort=sideways`);
  expect(response?.status()).toBe(200);
  const said = page.getByRole("alert").filter({ hasText: "could not be used" });
  await expect(said).toContainText("“from” is a day written YYYY-MM-DD");
  await expect(said).toContainText("“sort” is one of");
  await expect(table.getByRole("row")).toHaveCount(4);
});

test("each user picks a time zone; times follow it with UTC on hover", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }),
  ).not.toHaveAttribute("aria-current", "page");
  const form = page.getByRole("form", { name: "Time zone" });
  await form.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Times are shown in Asia/Tokyo.");

  await page.goto("/admin/users");
  const time = page.getByRole("table").locator("time").first();
  await expect(time).toHaveText(/GMT\+9$/);
  await expect(time).toHaveAttribute("title", /UTC$/);
  const iso = (await time.getAttribute("datetime"))!;
  const tokyo = new Intl.DateTimeFormat("en-GB", {
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
  await expect(time).toContainText(tokyo);

  // Back to the browser's zone (UTC on this machine's Chromium).
  await page.goto("/settings");
  await form.getByLabel("Time zone").selectOption("browser");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Times follow this browser's time zone.");
  await page.goto("/admin/users");
  await expect(page.getByRole("table").locator("time").first()).not.toHaveText(/GMT\+9$/);
});
