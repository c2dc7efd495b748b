import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_CUSTOMER_KEY } from "../prisma/demo-data.ts";
import { freshDhlTrackingNumber, freshSerial, one, openPackageId, scanField } from "./dock-support";
import { DEMO, sql } from "./support";

// The dock floor's second version (issue 13), keyboard only at scanner speed: every character 5 ms
// apart, then Enter. No scan may change what the operator did not mean to change: a scan always
// reaches the scan field (whatever has focus), a typo asks first, and the next label closes a
// complete package. Every test makes its own jobs through the Job API (the demo customer's key).

const JOBS =
  "/subscriptions/5a1f07b2-3c9d-4e8f-a6b1-0c2d3e4f5a6b/resourceGroups/e2e-dock/providers/Microsoft.ImportExport/jobs";
const VERSION = "api-version=2021-01-01";
const AUTH = { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` };

type ApiJob = { id: string; name: string; trackingNumber: string; serials: string[] };

/** An import job in Shipping with `count` fresh drives, made as a customer's program makes one. */
async function shippingJob(request: APIRequestContext, count: number): Promise<ApiJob> {
  const name = `e2e-floor-${Date.now().toString(36)}-${randomInt(1e6)}`;
  const serials: string[] = [];
  for (let i = 0; i < count; i++) serials.push(await freshSerial());
  const trackingNumber = await freshDhlTrackingNumber();
  const put = await request.put(`${JOBS}/${name}?${VERSION}`, {
    headers: AUTH,
    data: {
      properties: {
        jobType: "Import",
        storageAccountId: "contosostore",
        returnAddress: {
          recipientName: "Ana Bowman",
          streetAddress1: "1 Contoso Way",
          city: "Redmond",
          postalCode: "98052",
          countryOrRegion: "US",
          phone: "+1 425 555 0100",
        },
        returnShipping: { carrierName: "FedEx", carrierAccountNumber: "989ffff" },
        driveList: serials.map((driveId) => ({ driveId })),
      },
    },
  });
  expect(put.status(), await put.text()).toBe(201);
  const delivery = await request.patch(`${JOBS}/${name}?${VERSION}`, {
    headers: AUTH,
    data: {
      properties: {
        deliveryPackage: { carrierName: "DHL", trackingNumber, driveCount: count },
      },
    },
  });
  expect(delivery.status(), await delivery.text()).toBe(200);
  const shipping = await request.patch(`${JOBS}/${name}?${VERSION}`, {
    headers: AUTH,
    data: { properties: { state: "Shipping" } },
  });
  expect(shipping.status(), await shipping.text()).toBe(200);
  const { id } = await one<{ id: string }>(`SELECT id FROM "Job" WHERE name = $1`, [name]);
  return { id, name, trackingNumber, serials };
}

const timings: number[] = [];

/** A keyboard-wedge scanner: each character 5 ms apart, then Enter; logs Enter-to-outcome time. */
async function scanAtSpeed(page: Page, code: string, expectedTitle: string | RegExp) {
  await page.keyboard.type(code, { delay: 5 });
  const started = Date.now();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status", { name: "Last scan" })).toContainText(expectedTitle);
  const ms = Date.now() - started;
  timings.push(ms);
  console.log(`Enter to outcome: ${ms} ms (${code})`);
}

/** Signed in straight to the dock (whatever start page a role has), the label field focused. */
async function openDock(page: Page) {
  await page.goto("/dock");
  await page.getByLabel("Email").fill(DEMO.operator.email);
  await page.getByLabel("Password").fill(DEMO.operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(scanField(page, "Scan the package label")).toBeFocused({ timeout: 20_000 });
}

async function openPackage(page: Page, job: ApiJob) {
  await scanAtSpeed(page, job.trackingNumber, `DHL ${job.trackingNumber} open`);
  await expect(scanField(page, "Scan a drive")).toBeFocused();
  return openPackageId(page);
}

const packageClosed = async (id: string) =>
  (
    await one<{ closed: boolean }>(
      `SELECT "closedAt" IS NOT NULL AS closed FROM "Package" WHERE id = $1`,
      [id],
    )
  ).closed;
const driveStates = async (jobId: string) =>
  (
    await sql<{ serial: string; state: string }>(
      `SELECT serial, state FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
      [jobId],
    )
  ).map((d) => `${d.serial}:${d.state}`);
const jobFacts = async (jobId: string) =>
  one<{ drives: number; events: number; incidents: number }>(
    `SELECT (SELECT count(*)::int FROM "Drive" WHERE "jobId" = $1) AS drives,
            (SELECT count(*)::int FROM "Event" WHERE "jobId" = $1) AS events,
            (SELECT count(*)::int FROM "Incident" WHERE "jobId" = $1) AS incidents`,
    [jobId],
  );

// A busy machine (shared CI) makes the first pages slow: time enough, the timings are only logged.
test.beforeEach(() => test.slow());

test.afterAll(() => {
  if (timings.length === 0) return;
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `Enter to outcome over ${sorted.length} scans: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`,
  );
});

test.describe("scanner hazards, keyboard only at scanner speed", () => {
  test("a scan while the close dialog is open reaches the field and closes nothing, even with focus on Close package", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 3);
    await openDock(page);
    const packageId = await openPackage(page, job);
    await scanAtSpeed(page, job.serials[0]!, `Received: ${job.serials[0]}`);

    await page.keyboard.press("Alt+c");
    const dialog = page.getByRole("dialog", { name: "Close this package?" });
    await expect(dialog).toBeVisible();
    // The dialog opens on its safe choice.
    await expect(dialog.getByRole("button", { name: "Keep it open" })).toBeFocused();
    await scanAtSpeed(page, job.serials[1]!, `Received: ${job.serials[1]}`);
    await expect(dialog).toBeHidden();
    await expect(scanField(page, "Scan a drive")).toBeFocused();

    // Again, with the focus moved onto the dangerous button: still only the scan happens.
    await page.keyboard.press("Alt+c");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close package" })).toBeFocused();
    await scanAtSpeed(page, job.serials[2]!, `Received: ${job.serials[2]}`);
    await expect(dialog).toBeHidden();

    expect(await packageClosed(packageId)).toBe(false);
    expect(await driveStates(job.id)).toEqual(job.serials.map((s) => `${s}:Received`).sort());
    expect(
      (
        await sql(`SELECT 1 FROM "Event" WHERE "packageId" = $1 AND kind = 'package.closed'`, [
          packageId,
        ])
      ).length,
    ).toBe(0);
  });

  test("a scan with focus on Undo last scan is recorded and undoes nothing", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 2);
    await openDock(page);
    const packageId = await openPackage(page, job);
    await scanAtSpeed(page, job.serials[0]!, `Received: ${job.serials[0]}`);
    await page.getByRole("button", { name: "Undo last scan" }).focus();
    await scanAtSpeed(page, job.serials[1]!, `Received: ${job.serials[1]}`);
    expect(await driveStates(job.id)).toEqual(job.serials.map((s) => `${s}:Received`).sort());
    expect(
      (
        await sql(`SELECT 1 FROM "Event" WHERE "packageId" = $1 AND kind = 'scan.undone'`, [
          packageId,
        ])
      ).length,
    ).toBe(0);
  });

  test("a click on an empty part of the page, then a scan at 5 ms a character: recorded, never lost", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 2);
    await openDock(page);
    await openPackage(page, job);
    // Far right, below everything: empty page.
    const size = page.viewportSize()!;
    await page.mouse.click(size.width - 10, size.height - 10);
    await expect(scanField(page, "Scan a drive")).not.toBeFocused();
    await scanAtSpeed(page, job.serials[0]!, `Received: ${job.serials[0]}`);
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    // And from the mode buttons, where an Enter would switch modes.
    await page.getByRole("button", { name: "Ship back" }).focus();
    await scanAtSpeed(page, job.serials[1]!, `Received: ${job.serials[1]}`);
    await expect(page).not.toHaveURL(/mode=ship/);
    expect(await driveStates(job.id)).toEqual(job.serials.map((s) => `${s}:Received`).sort());
  });

  test("a one-character typo asks 'did you mean' and changes nothing until it is scanned again (R-E5)", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 2);
    await openDock(page);
    await openPackage(page, job);
    const meant = job.serials[0]!;
    const last = meant.at(-1) === "7" ? "8" : "7";
    const typo = `${meant.slice(0, -1)}${last}`;
    const before = await jobFacts(job.id);

    await scanAtSpeed(page, typo, `Did you mean ${meant}?`);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText(
      `${typo} is not on this package`,
    );
    expect(await jobFacts(job.id)).toEqual(before);
    expect(await sql(`SELECT 1 FROM "Drive" WHERE serial = $1`, [typo])).toHaveLength(0);

    // The same serial scanned again right away confirms it: recorded as an extra drive (R-E5).
    await scanAtSpeed(page, typo, `Extra drive: ${typo}`);
    // The drive it was one character off is still expected, and is received as usual.
    await scanAtSpeed(page, meant, `Received: ${meant}`);
    const extra = await one<{ extra: boolean; incidents: number }>(
      `SELECT d.extra, (SELECT count(*)::int FROM "Incident" i WHERE i."driveId" = d.id AND i.kind = 'ExtraDrive') AS incidents
         FROM "Drive" d WHERE d.serial = $1`,
      [typo],
    );
    expect(extra).toEqual({ extra: true, incidents: 1 });
  });

  test("a mistyped tracking number says it is one, with or without a package open", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 1);
    // A 12-digit FedEx Express number with its check digit off by one.
    const body = `7${String(randomInt(1e10)).padStart(10, "0")}`;
    const weights = [1, 3, 7];
    const check =
      ([...body].reverse().reduce((sum, c, i) => sum + Number(c) * weights[i % 3]!, 0) % 11) % 10;
    const mistyped = `${body}${(check + 1) % 10}`;
    await openDock(page);
    await scanAtSpeed(page, mistyped, `Not done: ${mistyped}`);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText(
      "That FedEx number's check digit does not match",
    );
    await openPackage(page, job);
    const before = await jobFacts(job.id);
    await scanAtSpeed(page, mistyped, `Mistyped label? ${mistyped}`);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText(
      "That FedEx number's check digit does not match",
    );
    expect(await jobFacts(job.id)).toEqual(before);
  });
});

test.describe("the floor's flow", () => {
  test("the next label closes a complete package, opens the next, and the summary stays until the next scan", async ({
    page,
    request,
  }) => {
    const first = await shippingJob(request, 2);
    const second = await shippingJob(request, 2);
    await openDock(page);
    const firstId = await openPackage(page, first);
    for (const s of first.serials) await scanAtSpeed(page, s, `Received: ${s}`);

    await scanAtSpeed(page, second.trackingNumber, `DHL ${second.trackingNumber} open`);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText(
      `DHL ${first.trackingNumber} closed: every expected drive is in.`,
    );
    const summary = page.getByRole("list", { name: "Drives of the closed package" });
    await expect(summary.getByRole("listitem")).toHaveCount(2);
    for (const s of first.serials) await expect(summary).toContainText(`${s}received`);
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    await expect(page.getByRole("list", { name: `Drives of ${second.name}` })).toBeVisible();
    expect(await packageClosed(firstId)).toBe(true);
    const secondId = await openPackageId(page);
    expect(secondId).not.toBe(firstId);
    expect(await packageClosed(secondId)).toBe(false);

    await scanAtSpeed(page, second.serials[0]!, `Received: ${second.serials[0]}`);
    await expect(summary).toBeHidden();

    // Now a drive is still missing: the next label closes nothing and says what to do.
    const third = await shippingJob(request, 1);
    await scanAtSpeed(page, third.trackingNumber, `Not done: ${third.trackingNumber}`);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText(second.serials[1]!);
    await expect(page.getByRole("status", { name: "Last scan" })).toContainText("Alt+C");
    expect(await packageClosed(secondId)).toBe(false);
    expect(
      await sql(`SELECT 1 FROM "Package" WHERE "trackingNumber" = $1`, [third.trackingNumber]),
    ).toHaveLength(0);
  });

  test("? shows the shortcuts; a scan closes the sheet and is recorded; the sound's mute persists", async ({
    page,
    request,
  }) => {
    const job = await shippingJob(request, 1);
    await openDock(page);
    await openPackage(page, job);
    await page.keyboard.press("?");
    const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText("Alt+C");
    await expect(sheet).toContainText("Alt+U");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await scanAtSpeed(page, job.serials[0]!, `Received: ${job.serials[0]}`);
    await expect(sheet).toBeHidden();

    const mute = page.getByRole("button", { name: /^Sound (on|off)/ });
    await expect(mute).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("Alt+m");
    await expect(mute).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(page.getByRole("button", { name: /^Sound off/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.press("Alt+m");
    await expect(page.getByRole("button", { name: /^Sound on/ })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
  });

  for (const width of [1280, 360]) {
    test(`the dock at ${width} px, with a closed package's summary: axe finds nothing (screenshot)`, async ({
      page,
      request,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      const first = await shippingJob(request, 2);
      const second = await shippingJob(request, 3);
      await openDock(page);
      await openPackage(page, first);
      for (const s of first.serials) await scanAtSpeed(page, s, `Received: ${s}`);
      await scanAtSpeed(page, second.trackingNumber, `DHL ${second.trackingNumber} open`);
      await expect(page.getByRole("list", { name: "Drives of the closed package" })).toBeVisible();
      await page.screenshot({ path: `test-results/dock-summary-${width}.png`, fullPage: true });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await scanAtSpeed(
        page,
        `${second.serials[0]!.slice(0, -1)}#`.replace(
          "#",
          second.serials[0]!.at(-1) === "Q" ? "R" : "Q",
        ),
        "Did you mean",
      );
      await page.screenshot({ path: `test-results/dock-near-match-${width}.png`, fullPage: true });
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
    });
  }
});
