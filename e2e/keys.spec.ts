import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

type KeyedDrive = { jobId: string; driveId: string; serial: string; key: string };

/** A drive with a key on record, in a job no other spec works on (the last finished one by name). */
async function keyedDrive(): Promise<KeyedDrive> {
  const [row] = await sql<KeyedDrive>(
    `SELECT j.id AS "jobId", d.id AS "driveId", d.serial, d."bitLockerKey" AS key
       FROM "Drive" d JOIN "Job" j ON j.id = d."jobId"
      WHERE d."bitLockerKey" IS NOT NULL AND NOT d.extra AND j.state IN ('Completed', 'Closed')
      ORDER BY j.name DESC, d.serial LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no finished job with a BitLocker key");
  return row;
}

/**
 * A job that can still be cancelled and that nothing has touched (every drive Specified, no
 * package for its tracking number): a Shipping one if the dock journeys left any (they take the
 * first ones by name), else one still Creating (R-J14 allows both).
 */
async function untouchedShippingJob(): Promise<{ id: string; name: string }> {
  const [row] = await sql<{ id: string; name: string }>(
    `SELECT j.id, j.name FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state IN ('Shipping', 'Creating') AND NOT j."cancelRequested"
        AND NOT EXISTS (SELECT 1 FROM "Package" p WHERE p."trackingNumber" = j."deliveryTrackingNumber")
        AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i."jobId" = j.id AND i.status = 'Open')
      GROUP BY j.id
     HAVING bool_and(d.state = 'Specified')
      ORDER BY (j.state = 'Shipping') DESC, j.name DESC LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no untouched job that can be cancelled");
  return row;
}

const driveRow = (page: Page, serial: string) =>
  page
    .getByRole("table", { name: "Drives of this job" })
    .getByRole("row")
    .filter({ hasText: serial });

test("a supervisor reveals a drive's BitLocker key, and the reveal is recorded", async ({
  page,
}) => {
  const drive = await keyedDrive();
  await signIn(page, DEMO.supervisor);
  const response = await page.goto(`/jobs/${drive.jobId}`);
  // Even a supervisor's page carries no key until one is asked for.
  expect(await response!.text()).not.toContain(drive.key);
  const row = driveRow(page, drive.serial);
  await expect(row).toContainText("Hidden");
  await expect(row).not.toContainText(drive.key);

  await row.getByRole("button", { name: `Reveal key of drive ${drive.serial}` }).click();
  await expect(row.locator("code")).toHaveText(drive.key);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const events = await sql<{ actorLabel: string; jobId: string; data: unknown }>(
    `SELECT "actorLabel", "jobId", data FROM "Event" WHERE kind = 'drive.keyRevealed' AND "driveId" = $1`,
    [drive.driveId],
  );
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ actorLabel: DEMO.supervisor.name, jobId: drive.jobId });
  expect(JSON.stringify(events[0]?.data)).not.toContain(drive.key);

  // Hide forgets it: the cell is back to "Hidden".
  await row.getByRole("button", { name: `Hide the key of drive ${drive.serial}` }).click();
  await expect(row.locator("code")).toHaveCount(0);
  await expect(row).toContainText("Hidden");
});

test("an operator sees the key Hidden, with no way to reveal it", async ({ page }) => {
  const drive = await keyedDrive();
  await signIn(page, DEMO.operator);
  await page.goto(`/jobs/${drive.jobId}`);
  const row = driveRow(page, drive.serial);
  await expect(row.getByRole("cell", { name: "Hidden" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Reveal key/ })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(drive.key);
});

test("an operator sees no cancel form on a job a supervisor could cancel", async ({ page }) => {
  const job = await untouchedShippingJob();
  await signIn(page, DEMO.operator);
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
  await expect(page.getByRole("form", { name: "Cancel this job" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
});

test("a supervisor cancels a job with a reason (R-J14)", async ({ page }) => {
  const job = await untouchedShippingJob();
  await signIn(page, DEMO.supervisor);
  await page.goto(`/jobs/${job.id}`);
  const form = page.getByRole("form", { name: "Cancel this job" });
  await form.getByLabel("Reason for cancelling").fill("Customer withdrew the order, e2e");
  await form.getByRole("button", { name: "Cancel job" }).click();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await form.getByRole("button", { name: "Yes, cancel the job" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await expect(form).toHaveCount(0);
  const [row] = await sql<{ cancelRequested: boolean }>(
    `SELECT "cancelRequested" FROM "Job" WHERE id = $1`,
    [job.id],
  );
  expect(row?.cancelRequested).toBe(true);
  const events = await sql<{ actorLabel: string; reason: string }>(
    `SELECT "actorLabel", reason FROM "Event" WHERE kind = 'job.cancel' AND "jobId" = $1`,
    [job.id],
  );
  expect(events).toEqual([
    { actorLabel: DEMO.supervisor.name, reason: "Customer withdrew the order, e2e" },
  ]);
});

test("on a Transferring job the supervisor is told why it cannot be cancelled (R-J14)", async ({
  page,
}) => {
  const [job] = await sql<{ id: string; name: string }>(
    `SELECT id, name FROM "Job" WHERE state = 'Transferring' ORDER BY name LIMIT 1`,
  );
  if (!job) throw new Error("the seed has no Transferring job");
  await signIn(page, DEMO.supervisor);
  await page.goto(`/jobs/${job.id}`);
  const section = page.getByRole("region", { name: "Cancel this job" });
  await expect(section).toContainText(
    "Cancelling is not possible now. The job can no longer be cancelled: its copy has begun.",
  );
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  // The job page's facts: what came in, and whether it had errors, come from the domain.
  await expect(page.getByText(/^Arrivals:/)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
