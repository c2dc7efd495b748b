import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  asTypedByHand,
  creatingJobWhosePackageArrived,
  driveLine,
  expectOutcome,
  freshDhlTrackingNumber,
  freshSerial,
  freshUpsTrackingNumber,
  jobWithNeverReceivedDrive,
  one,
  openPackageId,
  packagingJobReadyToShip,
  saysNotYetReceived,
  saysReceived,
  saysShippedBack,
  scan,
  scanField,
  untouchedShippingJob,
  type SeededJob,
} from "./dock-support";
import { DEMO, signIn, sql } from "./support";

// Keyboard only, as at the dock: the scan field has focus from the first paint, a scanner types the
// code and presses Enter; Alt+U undoes the last scan, Alt+C closes the package. Each test takes
// its own seeded job(s) from the database, untouched by any other test.

/** Sign in as the operator and open the dock: the package label field has focus. */
async function openDock(page: Page) {
  await signIn(page, DEMO.operator);
  await page.goto("/dock");
  await expect(page.getByRole("heading", { name: "Receiving dock", level: 1 })).toBeAttached();
  await expect(scanField(page, "Scan the package label")).toBeFocused();
}

/** Scan (or type) a job's package label; the package opens for that job and the field waits for drives. */
async function openJobPackage(page: Page, job: SeededJob, typed = job.trackingNumber) {
  await scan(page, typed);
  await expectOutcome(
    page,
    `${job.carrier} ${job.trackingNumber} open`,
    `For job ${job.name}. Scan its drives.`,
  );
  await expect(page).toHaveURL(/\/dock\?package=[0-9a-f-]{36}$/);
  await expect(scanField(page, "Scan a drive")).toBeFocused();
  await expect(
    page.getByRole("list", { name: `Drives of ${job.name}` }).getByRole("listitem"),
  ).toHaveCount(job.serials.length);
  return await openPackageId(page);
}

/** Scan one drive of a job in and wait until the expected list checks it. */
async function receive(page: Page, job: SeededJob, serial: string, detail?: string) {
  await scan(page, serial);
  await expectOutcome(page, `Received: ${serial}`, detail);
  await expect(driveLine(page, job.name, serial)).toHaveText(saysReceived(serial));
  await expect(scanField(page, "Scan a drive")).toBeFocused();
}

const jobState = async (id: string) =>
  (await one<{ state: string }>(`SELECT state FROM "Job" WHERE id = $1`, [id])).state;

test.describe("the receiving dock, keyboard only", () => {
  test("a drive serial or a misread label in the package field gets a clear error and opens nothing", async ({
    page,
  }) => {
    const { serial } = await one<{ serial: string }>(
      `SELECT d.serial FROM "Drive" d JOIN "Job" j ON j.id = d."jobId"
        WHERE j.state = 'Transferring' AND NOT d.extra ORDER BY d.serial LIMIT 1`,
    );
    const packagesBefore = await sql(`SELECT id FROM "Package"`);
    await openDock(page);

    await scan(page, serial);
    await expectOutcome(
      page,
      `Not done: ${serial}`,
      "That is a drive serial: scan the package label (its tracking number) first.",
    );
    await expect(page).toHaveURL(/\/dock$/);
    await expect(scanField(page, "Scan the package label")).toBeFocused();
    await expect(scanField(page, "Scan the package label")).toHaveValue("");

    // A UPS label read with one wrong digit: the check digit catches it.
    const good = await freshUpsTrackingNumber();
    const misread = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    await scan(page, misread);
    await expectOutcome(
      page,
      `Not done: ${misread}`,
      "That UPS number's check digit does not match: rescan the label or retype the number.",
    );
    await expect(page).toHaveURL(/\/dock$/);
    await expect(scanField(page, "Scan the package label")).toBeFocused();

    expect(await sql(`SELECT id FROM "Package"`)).toHaveLength(packagesBefore.length);
    expect(
      await sql(
        `SELECT id FROM "Event" WHERE kind LIKE 'package.%' AND data->>'trackingNumber' IN ($1, $2)`,
        [serial, misread],
      ),
    ).toHaveLength(0);
  });

  test("a full package: opened by its tracking number typed with spaces and dashes, every drive scanned in, the job Received", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("a full package", { minDrives: 2, maxDrives: 6 });
    await openDock(page);
    const packageId = await openJobPackage(page, job, asTypedByHand(job.trackingNumber));

    for (const serial of job.serials)
      await expect(driveLine(page, job.name, serial)).toHaveText(saysNotYetReceived(serial));
    for (const [i, serial] of job.serials.entries()) {
      const last = i === job.serials.length - 1;
      await receive(
        page,
        job,
        serial,
        last
          ? `Job ${job.name}. All of the job's drives are in: the job is Received.`
          : `Job ${job.name}.`,
      );
    }
    const n = job.serials.length;
    const section = page.getByRole("region", { name: new RegExp(`^${job.name} `) });
    await expect(section).toContainText(`${n}/${n} in`);

    const drives = await sql<{ serial: string; state: string; inboundPackageId: string }>(
      `SELECT serial, state, "inboundPackageId" FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
      [job.id],
    );
    expect(drives).toEqual(
      job.serials.map((serial) => ({ serial, state: "Received", inboundPackageId: packageId })),
    );
    expect(await jobState(job.id)).toBe("Received");
    const receipts = await sql<{ serial: string; n: number; actor: string }>(
      `SELECT d.serial, count(e.id)::int AS n, min(e."actorLabel") AS actor
         FROM "Drive" d LEFT JOIN "Event" e ON e."driveId" = d.id AND e.kind = 'drive.receive'
        WHERE d."jobId" = $1 GROUP BY d.serial ORDER BY d.serial`,
      [job.id],
    );
    expect(receipts).toEqual(job.serials.map((serial) => ({ serial, n: 1, actor: "Ana Ruiz" })));
  });

  test("a package with a drive missing: closed with Alt+C and Enter, the drive NeverReceived, the job Received (R-D4, R-J7)", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("a package with a missing drive", { minDrives: 2 });
    const missing = job.serials.at(-1)!;
    const present = job.serials.slice(0, -1);
    await openDock(page);
    const packageId = await openJobPackage(page, job);
    for (const serial of present) await receive(page, job, serial);
    await expect(driveLine(page, job.name, missing)).toHaveText(saysNotYetReceived(missing));

    await page.keyboard.press("Alt+C");
    const dialog = page.getByRole("dialog", { name: "Close this package?" });
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByRole("list", { name: "Drives to mark never received" }).getByRole("listitem"),
    ).toHaveText([missing]);
    // The dialog opens on its safe choice; Tab moves to "Close package" (issue 13).
    await expect(dialog.getByRole("button", { name: "Keep it open" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close package" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expectOutcome(page, "Package closed", `Marked never received (R-D4): ${missing}.`);
    await expect(page).toHaveURL(/\/dock$/);
    await expect(scanField(page, "Scan the package label")).toBeFocused();

    const drives = await sql<{ serial: string; state: string }>(
      `SELECT serial, state FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
      [job.id],
    );
    expect(drives).toEqual(
      job.serials.map((serial) => ({
        serial,
        state: serial === missing ? "NeverReceived" : "Received",
      })),
    );
    // R-J7: every drive is accounted for once the missing one is NeverReceived.
    expect(await jobState(job.id)).toBe("Received");
    const pkg = await one<{ closed: boolean }>(
      `SELECT "closedAt" IS NOT NULL AS closed FROM "Package" WHERE id = $1`,
      [packageId],
    );
    expect(pkg.closed).toBe(true);
    const marks = await sql(
      `SELECT e.id FROM "Event" e JOIN "Drive" d ON d.id = e."driveId"
        WHERE e.kind = 'drive.markNeverReceived' AND d."jobId" = $1 AND d.serial = $2`,
      [job.id, missing],
    );
    expect(marks).toHaveLength(1);
  });

  test("an unknown drive in a package of no job is held: an R-E1 incident, the drive recorded with no job", async ({
    page,
  }) => {
    const tracking = await freshDhlTrackingNumber();
    const serial = await freshSerial();
    await openDock(page);
    await scan(page, tracking);
    await expectOutcome(
      page,
      `DHL ${tracking} open`,
      "No job has this tracking number: scan the drives, each is held (R-E1).",
    );
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    const packageId = await openPackageId(page);
    await expect(
      page.getByText(
        "No job has this tracking number. Scan the drives anyway: each one is held and an incident is opened (R-E1).",
      ),
    ).toBeVisible();

    await scan(page, serial);
    await expectOutcome(
      page,
      `Hold: ${serial}`,
      "No job on record has this drive: set it aside. An incident is open for operations (R-E1).",
    );
    await expect(
      page.getByRole("region", { name: "Held drives (no job on record)" }).getByRole("listitem"),
    ).toHaveText([serial]);

    const drive = await one<{ id: string; jobId: string | null; inboundPackageId: string }>(
      `SELECT id, "jobId", "inboundPackageId" FROM "Drive" WHERE serial = $1`,
      [serial],
    );
    expect(drive).toMatchObject({ jobId: null, inboundPackageId: packageId });
    const incidents = await sql(
      `SELECT kind, status, "jobId", "packageId" FROM "Incident" WHERE "driveId" = $1`,
      [drive.id],
    );
    expect(incidents).toEqual([{ kind: "JobNotShipping", status: "Open", jobId: null, packageId }]);
    expect(
      await sql(`SELECT id FROM "Event" WHERE kind = 'drive.held' AND "driveId" = $1`, [drive.id]),
    ).toHaveLength(1);
  });

  test("an extra drive in a Shipping job's package is kept with the job, flagged extra, with an R-E5 incident", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("an extra drive");
    const serial = await freshSerial();
    await openDock(page);
    await openJobPackage(page, job);
    await scan(page, serial);
    await expectOutcome(
      page,
      `Extra drive: ${serial}`,
      `Not on job ${job.name}'s drive list. Do not process it: it goes back with the job (R-E5).`,
    );
    await expect(driveLine(page, job.name, serial)).toContainText("extra");

    const drive = await one<{ id: string; jobId: string; extra: boolean }>(
      `SELECT id, "jobId", extra FROM "Drive" WHERE serial = $1`,
      [serial],
    );
    expect(drive).toMatchObject({ jobId: job.id, extra: true });
    const incidents = await sql(
      `SELECT kind, status, "jobId" FROM "Incident" WHERE "driveId" = $1`,
      [drive.id],
    );
    expect(incidents).toEqual([{ kind: "ExtraDrive", status: "Open", jobId: job.id }]);
    // The listed drives are untouched: the job still waits for them.
    expect(await jobState(job.id)).toBe("Shipping");
  });

  test("a drive scanned twice: the second scan says when and by whom, and changes nothing", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("a double scan");
    const serial = job.serials[0]!;
    await openDock(page);
    await openJobPackage(page, job);
    await receive(page, job, serial);

    const { hhmm } = await one<{ hhmm: string }>(
      `SELECT to_char(e.at, 'HH24:MI') AS hhmm FROM "Event" e JOIN "Drive" d ON d.id = e."driveId"
        WHERE e.kind = 'drive.receive' AND d."jobId" = $1 AND d.serial = $2`,
      [job.id, serial],
    );
    await scan(page, serial);
    await expectOutcome(
      page,
      `Already received: ${serial}`,
      `Already received at ${hhmm} UTC by ${DEMO.operator.name}. Nothing changed.`,
    );
    await expect(scanField(page, "Scan a drive")).toBeFocused();

    const receipts = await sql(
      `SELECT e.id FROM "Event" e JOIN "Drive" d ON d.id = e."driveId"
        WHERE e.kind = 'drive.receive' AND d."jobId" = $1 AND d.serial = $2`,
      [job.id, serial],
    );
    expect(receipts).toHaveLength(1);
    const drive = await one<{ state: string }>(
      `SELECT state FROM "Drive" WHERE "jobId" = $1 AND serial = $2`,
      [job.id, serial],
    );
    expect(drive.state).toBe("Received");
  });

  test("a job shipped back: Ship back mode, a return label, every drive scanned out, the job ends (R-J10, R-J12)", async ({
    page,
  }) => {
    const job = await packagingJobReadyToShip();
    const returnTracking = await freshUpsTrackingNumber();
    await openDock(page);

    // From the scan field, one step back is the "Ship back" mode button.
    await page.keyboard.press("Shift+Tab");
    const shipBack = page.getByRole("button", { name: "Ship back" });
    await expect(shipBack).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dock\?mode=ship$/);
    await expect(shipBack).toHaveAttribute("aria-pressed", "true");
    await expect(scanField(page, "Scan the return package label")).toBeFocused();

    await scan(page, returnTracking);
    await expectOutcome(
      page,
      `UPS ${returnTracking} open`,
      "Scan the drives going back in this package.",
    );
    await expect(scanField(page, "Scan a drive going back")).toBeFocused();
    const packageId = await openPackageId(page);

    for (const [i, serial] of job.serials.entries()) {
      const last = i === job.serials.length - 1;
      await scan(page, serial);
      await expectOutcome(
        page,
        `Shipped back: ${serial}`,
        last ? `Job ${job.name}. Every drive is back: the job is ${job.ends}.` : `Job ${job.name}.`,
      );
      await expect(driveLine(page, job.name, serial)).toHaveText(saysShippedBack(serial));
      await expect(scanField(page, "Scan a drive going back")).toBeFocused();
    }

    expect(await jobState(job.id)).toBe(job.ends);
    const drives = await sql<{ serial: string; state: string; returnPackageId: string }>(
      `SELECT serial, state, "returnPackageId" FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
      [job.id],
    );
    expect(drives).toEqual(
      job.serials.map((serial) => ({ serial, state: "ShippedBack", returnPackageId: packageId })),
    );
    const pkg = await one<{ direction: string; trackingNumber: string }>(
      `SELECT direction, "trackingNumber" FROM "Package" WHERE id = $1`,
      [packageId],
    );
    expect(pkg).toEqual({ direction: "Return", trackingNumber: returnTracking });
  });

  test("Alt+U undoes the last scan: the drive back to Specified, the undo recorded", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("undo", { fewestDrives: true });
    const before = await jobState(job.id);
    const serial = job.serials[0]!;
    await openDock(page);
    await openJobPackage(page, job);
    await receive(page, job, serial);

    await page.keyboard.press("Alt+U");
    await expectOutcome(page, `Undone: ${serial}`, "Your last scan was undone (recorded).");
    await expect(driveLine(page, job.name, serial)).toHaveText(saysNotYetReceived(serial));
    await expect(scanField(page, "Scan a drive")).toBeFocused();

    const drive = await one<{
      id: string;
      state: string;
      receivedAt: Date | null;
      inboundPackageId: string | null;
    }>(
      `SELECT id, state, "receivedAt", "inboundPackageId" FROM "Drive" WHERE "jobId" = $1 AND serial = $2`,
      [job.id, serial],
    );
    expect(drive).toMatchObject({ state: "Specified", receivedAt: null, inboundPackageId: null });
    const undone = await sql<{ actorLabel: string }>(
      `SELECT "actorLabel" FROM "Event" WHERE kind = 'scan.undone' AND "driveId" = $1`,
      [drive.id],
    );
    expect(undone).toEqual([{ actorLabel: DEMO.operator.name }]);
    // A scan that moved the job (its only drive in: Received) moves it back too.
    expect(await jobState(job.id)).toBe(before);
  });

  test("drives of a job still in Creating are held (R-E1); closing their package does not call them missing", async ({
    page,
  }) => {
    const job = await creatingJobWhosePackageArrived();
    await openDock(page);
    const packageId = await openJobPackage(page, job);
    for (const serial of job.serials) {
      await scan(page, serial);
      await expectOutcome(
        page,
        `Hold: ${serial}`,
        `Job ${job.name} is not in Shipping yet: set the drive aside. An incident is open for operations to contact the customer (R-E1).`,
      );
    }
    // Every drive of the package is here (held): none is to be marked never received.
    await expect(page.getByRole("region", { name: new RegExp(`^${job.name} `) })).toContainText(
      `${job.serials.length}/${job.serials.length} in`,
    );
    await page.keyboard.press("Alt+C");
    const dialog = page.getByRole("dialog", { name: "Close this package?" });
    await expect(dialog.getByRole("button", { name: "Keep it open" })).toBeFocused();
    await expect(dialog.getByRole("list", { name: "Drives to mark never received" })).toHaveCount(
      0,
    );
    await expect(dialog).toContainText("Every expected drive is in.");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close package" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expectOutcome(page, "Package closed", "Every expected drive was in it.");

    const drives = await sql<{ serial: string; state: string; inboundPackageId: string }>(
      `SELECT serial, state, "inboundPackageId" FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
      [job.id],
    );
    expect(drives).toEqual(
      job.serials.map((serial) => ({ serial, state: "Specified", inboundPackageId: packageId })),
    );
    expect(await jobState(job.id)).toBe("Creating");
    // The incident the seed opened when the package came stays the only one (R-E1).
    expect(
      await sql(
        `SELECT id FROM "Incident" WHERE "jobId" = $1 AND kind = 'JobNotShipping' AND status = 'Open'`,
        [job.id],
      ),
    ).toHaveLength(1);
  });

  test("a drive never received arrives in a later package (R-D10); once that package is closed, Alt+U in the next one does not undo it", async ({
    page,
  }) => {
    const late = await jobWithNeverReceivedDrive();
    const firstLabel = await freshUpsTrackingNumber();
    const nextLabel = await freshDhlTrackingNumber();
    await openDock(page);
    await scan(page, firstLabel);
    await expectOutcome(page, `UPS ${firstLabel} open`);
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    const packageId = await openPackageId(page);

    await scan(page, late.serial);
    await expectOutcome(
      page,
      `Received late: ${late.serial}`,
      `It was marked never received; now it is in (R-D10). Job ${late.name}.`,
    );
    await expect(driveLine(page, late.name, late.serial)).toHaveText(saysReceived(late.serial));
    const drive = await one<{ id: string; state: string; inboundPackageId: string }>(
      `SELECT d.id, d.state, d."inboundPackageId" FROM "Drive" d WHERE d."jobId" = $1 AND d.serial = $2`,
      [late.id, late.serial],
    );
    expect(drive).toMatchObject({ state: "Received", inboundPackageId: packageId });
    expect(await jobState(late.id)).toBe("Received");

    await page.keyboard.press("Alt+C");
    const dialog = page.getByRole("dialog", { name: "Close this package?" });
    await expect(dialog).toContainText("Every expected drive is in.");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close package" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expectOutcome(page, "Package closed", "Every expected drive was in it.");
    // The field is ready for the next label once it asks for one (see the report: not before).
    await expect(scanField(page, "Scan the package label")).toBeFocused();

    // The next package: its own undo has nothing to undo; the closed package's scan stands.
    await scan(page, nextLabel);
    await expectOutcome(page, `DHL ${nextLabel} open`);
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    await page.keyboard.press("Alt+U");
    await expect(page.getByText(/^(Not done|Undone: .*)$/)).toHaveText("Not done");

    const after = await one<{ state: string; inboundPackageId: string }>(
      `SELECT state, "inboundPackageId" FROM "Drive" WHERE id = $1`,
      [drive.id],
    );
    expect(after).toEqual({ state: "Received", inboundPackageId: packageId });
    expect(
      await sql(`SELECT id FROM "Event" WHERE kind = 'scan.undone' AND "driveId" = $1`, [drive.id]),
    ).toHaveLength(0);
  });

  test("the dock with a package open and an outcome shown has no accessibility violations", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("the accessibility check");
    await openDock(page);
    await openJobPackage(page, job);
    await receive(page, job, job.serials[0]!);
    await expect(page.getByRole("list", { name: "Recent scans" })).toContainText("received");

    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    }));
    if (summary.length) console.log(JSON.stringify(summary, null, 2));
    expect(results.violations, JSON.stringify(summary, null, 2)).toEqual([]);
  });
});

test.describe("the dock on a small screen (360 px)", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the scan field, the outcome and the expected list fit and work, with no sideways scroll", async ({
    page,
  }) => {
    const job = await untouchedShippingJob("the 360 px dock");
    const serial = job.serials[0]!;
    await openDock(page);
    await openJobPackage(page, job);
    await receive(page, job, serial);

    const field = scanField(page, "Scan a drive");
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport();
    await expect(page.getByText(`Received: ${serial}`, { exact: true })).toBeInViewport();
    const list = page.getByRole("list", { name: `Drives of ${job.name}` });
    await expect(list).toBeVisible();
    await list.scrollIntoViewIfNeeded();
    await expect(driveLine(page, job.name, serial)).toBeInViewport();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "the page does not scroll sideways").toBeLessThanOrEqual(360);
    // Each line of the list fits the screen too.
    for (const s of job.serials) {
      const box = await driveLine(page, job.name, s).boundingBox();
      expect(box && box.x + box.width, `the line of ${s} fits`).toBeLessThanOrEqual(360);
    }
  });
});
