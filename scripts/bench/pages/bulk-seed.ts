/**
 * The page benchmark's dataset, written by PostgreSQL itself (generate_series): 10,000 jobs in a
 * second or two, a million in minutes. Every job, drive, incident and event is a row the app's
 * commands could have written, at a moment before `now`, and nothing is due for the sweep at `now`
 * (the sweep benchmark then makes 1 % due on purpose). Job g gets its state from g % 100:
 *
 *   0–7 Creating · 8–22 Shipping (22: package overdue, drives NeverReceived, R-E2 incident open)
 *   23–27 Received · 28–34 Transferring · 35–39 Packaging · 40–84 Completed · 85–97 Closed
 *   98–99 Faulted
 *
 * Two listed drives per job; `drive.finishCopy` events for copied drives; one R-E1 incident per
 * 500 jobs; 50 customers.
 */
import type pg from "pg";

export const BENCH_CUSTOMERS = 50;

export async function bulkSeed(client: pg.Client, jobs: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await client.query(
    `INSERT INTO "Customer" ("id", "name", "contactName", "contactEmail")
     SELECT 'bench-c-' || g, 'Bench Customer ' || g, 'Contact ' || g, 'contact' || g || '@bench.test'
     FROM generate_series(1, $1::int) g`,
    [BENCH_CUSTOMERS],
  );
  await client.query(
    `INSERT INTO "Job" ("id", "customerId", "name", "type", "state", "faultedFrom", "faultReason",
       "hadErrors", "storageAccount", "deliveryCarrier", "deliveryTrackingNumber", "returnAddress",
       "creatingTimerStartedAt", "shippingInfoAt", "stateChangedAt", "createdAt", "updatedAt",
       "percentComplete")
     SELECT 'bench-j-' || lpad(g::text, 8, '0'),
       'bench-c-' || (1 + g % $2::int),
       'bench-job-' || g,
       (CASE WHEN g % 10 = 3 THEN 'Export' ELSE 'Import' END)::"JobType",
       s.state::"JobState",
       (CASE WHEN s.state = 'Faulted' THEN 'Transferring' END)::"JobState",
       CASE WHEN s.state = 'Faulted' THEN 'Disk corrupted: bench' END,
       s.state = 'Closed',
       'benchstore',
       CASE WHEN s.state <> 'Creating' THEN 'DHL' END,
       CASE WHEN s.state <> 'Creating' THEN 'BENCH' || lpad(g::text, 8, '0') END,
       '{"recipientName":"Bench","streetAddress1":"1 Bench Road","city":"Springfield","postalCode":"12345","countryOrRegion":"USA","phone":"5550100"}'::jsonb,
       CASE WHEN s.state = 'Creating' THEN s.changed END,
       CASE WHEN s.state <> 'Creating' THEN s.changed - interval '1 day' * (CASE WHEN s.state = 'Shipping' THEN 0 ELSE 3 END) END,
       s.changed,
       s.changed - interval '5 days',
       s.changed,
       CASE WHEN s.state IN ('Packaging', 'Completed') THEN 100 ELSE 0 END
     FROM generate_series(1, $1::int) g,
     LATERAL (SELECT
       CASE WHEN g % 100 < 8 THEN 'Creating' WHEN g % 100 < 23 THEN 'Shipping'
            WHEN g % 100 < 28 THEN 'Received' WHEN g % 100 < 35 THEN 'Transferring'
            WHEN g % 100 < 40 THEN 'Packaging' WHEN g % 100 < 85 THEN 'Completed'
            WHEN g % 100 < 98 THEN 'Closed' ELSE 'Faulted' END AS state,
       -- Days ago: under 13 for the timers that run 14 days, 20 for the overdue packages, under
       -- 80 for the ended jobs (purged after 90), plus up to 20 hours.
       $3::timestamp(3) - interval '1 hour' * (1 + g % 20) - interval '1 day' * (CASE
         WHEN g % 100 = 22 THEN 20
         WHEN g % 100 < 23 THEN g % 13
         WHEN g % 100 < 85 AND g % 100 >= 40 THEN g % 80
         WHEN g % 100 >= 85 AND g % 100 < 98 THEN g % 80
         ELSE g % 13 END) AS changed) s`,
    [jobs, BENCH_CUSTOMERS, at],
  );
  await client.query(
    `INSERT INTO "Drive" ("id", "jobId", "serial", "state", "extra", "receivedAt", "shippedBackAt",
       "bytesTransferred", "percentComplete", "stateChangedAt", "updatedAt")
     SELECT j."id" || '-d' || k, j."id", 'BSN' || substr(j."id", 9) || 'D' || k,
       (CASE
         WHEN j."state" = 'Creating' THEN 'Specified'
         WHEN j."state" = 'Shipping' AND j."shippingInfoAt" < $1::timestamp(3) - interval '14 days' THEN 'NeverReceived'
         WHEN j."state" = 'Shipping' THEN 'Specified'
         WHEN j."state" = 'Received' THEN 'Received'
         WHEN j."state" = 'Transferring' THEN 'Transferring'
         WHEN j."state" = 'Packaging' THEN 'Completed'
         WHEN j."state" = 'Faulted' AND k = 0 THEN 'Faulted'
         WHEN j."state" = 'Faulted' THEN 'Received'
         ELSE 'ShippedBack' END)::"DriveState",
       false,
       CASE WHEN j."state" NOT IN ('Creating', 'Shipping') THEN j."shippingInfoAt" + interval '2 days' END,
       CASE WHEN j."state" IN ('Completed', 'Closed') THEN j."stateChangedAt" END,
       CASE WHEN j."state" IN ('Packaging', 'Completed', 'Closed') THEN 4000000000000 ELSE 0 END,
       CASE WHEN j."state" IN ('Packaging', 'Completed', 'Closed') THEN 100 ELSE 0 END,
       j."stateChangedAt", j."stateChangedAt"
     FROM "Job" j, generate_series(0, 1) k`,
    [at],
  );
  await client.query(
    `INSERT INTO "Event" ("at", "actorType", "actorId", "actorLabel", "kind", "jobId", "driveId",
       "fromState", "toState", "data")
     SELECT d."receivedAt" + interval '1 day', 'station', 'cs-bench', 'Copy station', 'drive.finishCopy',
       d."jobId", d."id", 'Transferring', 'Completed', '{"rule":"R-D7"}'::jsonb
     FROM "Drive" d WHERE d."bytesTransferred" > 0`,
  );
  await client.query(
    `INSERT INTO "Incident" ("id", "kind", "status", "jobId", "summary", "openedAt", "answerDeadline")
     SELECT 'bench-i-' || j."id", 'PackageOverdue', 'Open', j."id",
       'Package of job ' || j."name" || ' not received 14 days after shipping (R-E2).',
       j."shippingInfoAt" + interval '14 days', j."shippingInfoAt" + interval '44 days'
     FROM "Job" j WHERE j."state" = 'Shipping' AND j."shippingInfoAt" < $1::timestamp(3) - interval '14 days'`,
    [at],
  );
  await client.query(
    `INSERT INTO "Incident" ("id", "kind", "status", "summary", "openedAt", "contactDeadline", "destructionDeadline")
     SELECT 'bench-e1-' || g, 'JobNotShipping', 'Open', 'Drive BENCHX' || g || ' of no known job',
       $2::timestamp(3) - interval '1 hour' * (g % 200), $2::timestamp(3) - interval '1 hour' * (g % 200) + interval '14 days',
       $2::timestamp(3) - interval '1 hour' * (g % 200) + interval '90 days'
     FROM generate_series(1, GREATEST(1, $1::int / 500)) g`,
    [jobs, at],
  );
  await client.query("ANALYZE");
}

/** Makes `count` Creating jobs due for R-J2 at `now` (their 14 days over): the sweep's 1 % case. */
export async function makeCreatingDue(client: pg.Client, count: number, now: Date) {
  const { rowCount } = await client.query(
    `UPDATE "Job" SET "creatingTimerStartedAt" = $2::timestamp(3) - interval '15 days'
     WHERE "id" IN (SELECT "id" FROM "Job" WHERE "state" = 'Creating'
                    AND "creatingTimerStartedAt" > $2::timestamp(3) - interval '14 days'
                    ORDER BY "id" LIMIT $1)`,
    [count, now.toISOString()],
  );
  return rowCount ?? 0;
}
