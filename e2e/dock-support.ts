import { randomInt } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { sql } from "./support";

export async function one<T>(text: string, values: unknown[] = []): Promise<T> {
  const rows = await sql<T>(text, values);
  expect(rows, `exactly one row for: ${text}`).toHaveLength(1);
  return rows[0]!;
}

export type SeededJob = {
  id: string;
  name: string;
  carrier: string;
  trackingNumber: string;
  state: string;
  /** The job's listed drives, by serial. */
  serials: string[];
};

/**
 * A seeded import job in Shipping that no one has touched yet: every listed drive Specified, no
 * extra drive, no package opened under its tracking number, which no other job shares, and no
 * drive serial shared with another job. A test that takes one opens its package at once, so the
 * next test never gets the same job. Throws when the seed has no such job left.
 */
export async function untouchedShippingJob(
  what: string,
  opts: { minDrives?: number; maxDrives?: number; fewestDrives?: boolean } = {},
): Promise<SeededJob> {
  const rows = await sql<SeededJob>(
    `SELECT j.id, j.name, j.state, j."deliveryCarrier" AS carrier,
            j."deliveryTrackingNumber" AS "trackingNumber",
            array_agg(d.serial ORDER BY d.serial) AS serials
       FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state = 'Shipping' AND j.type = 'Import' AND NOT j."cancelRequested"
        AND j."deliveryTrackingNumber" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Job" o
                         WHERE o."deliveryTrackingNumber" = j."deliveryTrackingNumber" AND o.id <> j.id)
        AND NOT EXISTS (SELECT 1 FROM "Package" p WHERE p."trackingNumber" = j."deliveryTrackingNumber")
        -- Jobs with an open incident belong to the incident journeys (e2e/incidents, e2e/overdue).
        AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i."jobId" = j.id AND i.status = 'Open')
        AND NOT EXISTS (SELECT 1 FROM "Drive" mine JOIN "Drive" other
                                   ON other.serial = mine.serial AND other.id <> mine.id
                         WHERE mine."jobId" = j.id)
      GROUP BY j.id
     HAVING bool_and(d.state = 'Specified' AND NOT d.extra)
        AND count(*) BETWEEN $1 AND $2
      ORDER BY ${opts.fewestDrives ? "count(*) ASC, " : ""}j.name
      LIMIT 1`,
    [opts.minDrives ?? 1, opts.maxDrives ?? 1000],
  );
  const job = rows[0];
  if (!job)
    throw new Error(
      `The seed has no untouched import job in Shipping left for ${what} (${JSON.stringify(opts)}).`,
    );
  return job;
}

/**
 * A seeded job in Packaging whose drives can all go back now: every listed drive done copying, no
 * extra drive, no open incident, nothing shipped back yet. Those that will end Completed come
 * first; `ends` is what R-J10/R-J12 say it becomes once every drive is shipped back.
 */
export async function packagingJobReadyToShip(): Promise<
  SeededJob & { ends: "Completed" | "Closed" }
> {
  const rows = await sql<SeededJob & { ends: "Completed" | "Closed" }>(
    `SELECT j.id, j.name, j.state, j."deliveryCarrier" AS carrier,
            j."deliveryTrackingNumber" AS "trackingNumber",
            array_agg(d.serial ORDER BY d.serial) AS serials,
            CASE WHEN j."hadErrors" OR j."cancelRequested"
                      OR bool_or(d.state IN ('CompletedMoreInfo', 'NeverReceived'))
                 THEN 'Closed' ELSE 'Completed' END AS ends
       FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state = 'Packaging'
        AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i."jobId" = j.id AND i.status <> 'Resolved')
        AND NOT EXISTS (SELECT 1 FROM "Drive" mine JOIN "Drive" other
                                   ON other.serial = mine.serial AND other.id <> mine.id
                         WHERE mine."jobId" = j.id)
      GROUP BY j.id
     HAVING bool_and(d.state IN ('Completed', 'CompletedMoreInfo') AND NOT d.extra
                     AND d."returnPackageId" IS NULL)
      ORDER BY ends DESC, j.name
      LIMIT 1`,
  );
  const job = rows[0];
  if (!job) throw new Error("The seed has no job in Packaging whose drives can all go back.");
  return job;
}

/**
 * R-E1: a job still in Creating whose package has already come to the dock (an open
 * JobNotShipping incident), none of its drives scanned yet.
 */
export async function creatingJobWhosePackageArrived(): Promise<SeededJob> {
  const rows = await sql<SeededJob>(
    `SELECT j.id, j.name, j.state, j."deliveryCarrier" AS carrier,
            j."deliveryTrackingNumber" AS "trackingNumber",
            array_agg(d.serial ORDER BY d.serial) AS serials
       FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state = 'Creating' AND j."deliveryTrackingNumber" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "Incident" i
                     WHERE i."jobId" = j.id AND i.kind = 'JobNotShipping' AND i.status = 'Open')
        AND NOT EXISTS (SELECT 1 FROM "Job" o
                         WHERE o."deliveryTrackingNumber" = j."deliveryTrackingNumber" AND o.id <> j.id)
        AND NOT EXISTS (SELECT 1 FROM "Drive" mine JOIN "Drive" other
                                   ON other.serial = mine.serial AND other.id <> mine.id
                         WHERE mine."jobId" = j.id)
      GROUP BY j.id
     HAVING bool_and(d.state = 'Specified' AND NOT d.extra AND d."inboundPackageId" IS NULL)
      ORDER BY j.name
      LIMIT 1`,
  );
  const job = rows[0];
  if (!job) throw new Error("The seed has no Creating job whose package already arrived.");
  return job;
}

/** R-D4 then R-D10: a Received job with a listed drive marked NeverReceived, and that drive. */
export async function jobWithNeverReceivedDrive(): Promise<{
  id: string;
  name: string;
  serial: string;
}> {
  const rows = await sql<{ id: string; name: string; serial: string }>(
    `SELECT j.id, j.name, d.serial
       FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state = 'Received' AND d.state = 'NeverReceived' AND NOT d.extra
        AND NOT EXISTS (SELECT 1 FROM "Drive" o WHERE o.serial = d.serial AND o.id <> d.id)
      ORDER BY j.name, d.serial
      LIMIT 1`,
  );
  const found = rows[0];
  if (!found) throw new Error("The seed has no Received job with a drive never received.");
  return found;
}

const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
const chars = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");

/** UPS 1Z with a valid check digit, computed as prisma/demo-data.ts upsTrackingNumber does. */
function upsNumber(): string {
  const body = `${chars(ALNUM, 6)}${["01", "02", "03", "12", "13", "42"][randomInt(6)]}${chars("0123456789", 7)}`;
  let sum = 0;
  [...body].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  });
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
}

/** DHL Express 10 digits: the check digit is the first nine digits mod 7. */
function dhlNumber(): string {
  const body = `${1 + randomInt(9)}${chars("0123456789", 8)}`;
  return `${body}${Number(body) % 7}`;
}

async function unusedTracking(make: () => string): Promise<string> {
  for (;;) {
    const n = make();
    const used = await sql(
      `SELECT 1 FROM "Job" WHERE "deliveryTrackingNumber" = $1
        UNION ALL SELECT 1 FROM "Package" WHERE "trackingNumber" = $1`,
      [n],
    );
    if (used.length === 0) return n;
  }
}

/** A valid UPS tracking number that no job and no package has. */
export const freshUpsTrackingNumber = () => unusedTracking(upsNumber);
/** A valid DHL Express tracking number that no job and no package has. */
export const freshDhlTrackingNumber = () => unusedTracking(dhlNumber);

/** A Western Digital style serial that no drive on record has. */
export async function freshSerial(): Promise<string> {
  for (;;) {
    const serial = `WD-WCC4E${chars(ALNUM, 7)}`;
    if ((await sql(`SELECT 1 FROM "Drive" WHERE serial = $1`, [serial])).length === 0)
      return serial;
  }
}

/** A tracking number as a person types it off a label: lowercase, in groups, spaces and dashes. */
export function asTypedByHand(trackingNumber: string): string {
  const groups = trackingNumber.toLowerCase().match(/.{1,4}/g) ?? [];
  return groups.map((g, i) => (i === 0 ? g : `${i % 2 ? " " : "-"}${g}`)).join("");
}

/** Type a code into the focused scan field and press Enter, as a keyboard-wedge scanner does. */
export async function scan(page: Page, code: string) {
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

/** The scan field, by the label it has at this step ("Scan a drive", ...). */
export const scanField = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The last scan's outcome, read as the operator reads it: its title, and its detail. */
export async function expectOutcome(page: Page, title: string, detail?: string | RegExp) {
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  if (detail !== undefined)
    await expect(
      typeof detail === "string" ? page.getByText(detail, { exact: true }) : page.getByText(detail),
    ).toBeVisible();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A drive's line in a job's expected list, and what a screen reader says about it. */
export function driveLine(page: Page, jobName: string, serial: string) {
  return page
    .getByRole("list", { name: `Drives of ${jobName}` })
    .getByRole("listitem")
    .filter({ hasText: serial });
}
/** "<serial> received" (not "not yet received"), then the drive state badge. */
export const saysReceived = (serial: string) => new RegExp(`${escape(serial)}received`);
export const saysNotYetReceived = (serial: string) =>
  new RegExp(`${escape(serial)}not yet received`);
export const saysShippedBack = (serial: string) => new RegExp(`${escape(serial)}shipped back`);

/** The id of the package open on the dock page, from its URL. */
/** The open package's id, once the URL has caught up with the page (it follows the page's state). */
export async function openPackageId(page: Page): Promise<string> {
  await page.waitForURL(/[?&]package=[0-9a-f-]{36}/);
  const id = new URL(page.url()).searchParams.get("package");
  expect(id, "a package is open").toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}
