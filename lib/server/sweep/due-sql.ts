import "server-only";
import {
  CREATING_TIMEOUT_DAYS,
  DAY_MS,
  NEVER_RECEIVED_DAYS,
  RETENTION_DAYS,
  SHIPPING_NOTIFY_DAYS,
} from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { sqlRead } from "@/lib/server/sql/read.ts";
import { sqlTime } from "@/lib/server/sql/transaction.ts";

/** How many due jobs or incidents one batch of the sweep selects and applies. */
export const SWEEP_BATCH_SIZE = 200;

const before = (now: Date, days: number) => sqlTime(new Date(now.getTime() - days * DAY_MS));

/** contactFacts' `waitRequestedUntil`: the end of the latest UTC day a customer asked us to wait. */
const waitUntil = (contactTable: string, incident: string) => `(
  SELECT max(date_trunc('day', c."waitUntil") + interval '1 day' - interval '1 millisecond')
  FROM ${contactTable} c
  WHERE c."incidentId" = ${incident} AND c."result" = 'askedToWait' AND c."waitUntil" IS NOT NULL)`;

/**
 * The next batch of jobs that `due` (lib/domain/timers.ts) has work for at `now`, with ids after
 * `after`, in id order. It is `due` written in SQL, so that a sweep with nothing to do reads
 * nothing but the index entries of the jobs whose clock has run out and finds each of them done:
 *
 * - R-J2: Creating, its 14 days counted from the timer (or, for old rows, entering the state);
 * - R-J11/R-J13: Completed or Closed for 90 days;
 * - R-D5: Shipping for 14 days with a listed drive still Specified;
 * - R-J6/R-E2: Shipping for 14 days, a drive still awaited, no package-overdue incident open, and
 *   the wait after the last resolved one (the customer's date, else 14 days) over.
 *
 * The domain still decides for each job it returns (a job may have moved on meanwhile); this only
 * has to return every job that is due, and (the integration tests hold it to that) no other.
 */
export async function dueJobBatch(
  db: Db,
  now: Date,
  after: string,
  limit = SWEEP_BATCH_SIZE,
): Promise<string[]> {
  const { rows, t } = sqlRead(db);
  // MATERIALIZED: each branch runs on its own state-and-timer index and only the few due ids are
  // sorted. Without it the planner answered ORDER BY id LIMIT by walking the primary key through
  // every job, testing each (EXPLAIN ANALYZE: 4.2 s at 100,000 jobs with nothing due).
  // The Shipping branch counts each candidate's drives and blocking incidents in LATERAL
  // aggregates, one index lookup per job past its 14 days: written as EXISTS under OR, PostgreSQL
  // hashed every Specified drive of the database for each batch (130 ms at 100,000 jobs, growing
  // with all the jobs in Shipping rather than with the few past their deadline).
  const text = `
    WITH due AS MATERIALIZED (
      SELECT j."id" FROM ${t("Job")} j
      WHERE j."state" = 'Creating' AND j."id" > $1
        AND (j."creatingTimerStartedAt" <= $2::timestamp(3)
             OR (j."creatingTimerStartedAt" IS NULL AND j."stateChangedAt" <= $2::timestamp(3)))
      UNION ALL
      SELECT j."id" FROM ${t("Job")} j
      WHERE j."state" IN ('Completed', 'Closed') AND j."id" > $1
        AND j."stateChangedAt" <= $3::timestamp(3)
      UNION ALL
      SELECT j."id" FROM ${t("Job")} j
      CROSS JOIN LATERAL (
        SELECT count(*) AS listed,
               count(*) FILTER (WHERE d."state" = 'Specified') AS specified,
               count(*) FILTER (WHERE d."state" IN ('Specified', 'NeverReceived')) AS awaited
        FROM ${t("Drive")} d WHERE d."jobId" = j."id" AND d."extra" = false) dc
      CROSS JOIN LATERAL (
        SELECT count(*) AS blocking FROM ${t("Incident")} i
        WHERE i."jobId" = j."id" AND i."kind" = 'PackageOverdue'
          AND (i."resolvedAt" IS NULL
               OR COALESCE(${waitUntil(t("ContactAttempt"), 'i."id"')},
                           i."resolvedAt" + interval '${SHIPPING_NOTIFY_DAYS} days') > $6::timestamp(3))) ib
      WHERE j."state" = 'Shipping' AND j."id" > $1
        AND (j."shippingInfoAt" <= GREATEST($4::timestamp(3), $5::timestamp(3))
             OR (j."shippingInfoAt" IS NULL AND j."stateChangedAt" <= GREATEST($4::timestamp(3), $5::timestamp(3))))
        AND (
          (COALESCE(j."shippingInfoAt", j."stateChangedAt") <= $4::timestamp(3) AND dc.specified > 0)
          OR (COALESCE(j."shippingInfoAt", j."stateChangedAt") <= $5::timestamp(3)
            AND (dc.listed = 0 OR dc.awaited > 0
                 OR (j."type" = 'Export' AND dc.listed < COALESCE(j."deliveryDriveCount", 0)))
            AND ib.blocking = 0)
        )
    )
    SELECT id FROM due
    ORDER BY id
    LIMIT $7`;
  const result = await rows<{ id: string }>(text, [
    after,
    before(now, CREATING_TIMEOUT_DAYS),
    before(now, RETENTION_DAYS),
    before(now, NEVER_RECEIVED_DAYS),
    before(now, SHIPPING_NOTIFY_DAYS),
    sqlTime(now),
    limit,
  ]);
  return result.map((r) => r.id);
}

/**
 * The next batch of open incidents that `incidentDue` (lib/domain/incidents.ts) has work for at
 * `now`, with ids after `after`: nothing for a customer who was reached and will act; R-E1's
 * return after the contact deadline (or the wait asked for), R-E1's and R-E4's destruction after
 * theirs, each only until the sweep has told the operators (its event's idempotency key); R-E2's
 * close once the answer deadline and any wait asked for are over.
 */
export async function dueIncidentBatch(
  db: Db,
  now: Date,
  after: string,
  limit = SWEEP_BATCH_SIZE,
): Promise<string[]> {
  const { rows, t } = sqlRead(db);
  const told = (action: string) =>
    `NOT EXISTS (SELECT 1 FROM ${t("Event")} e WHERE e."idempotencyKey" = 'sweep:incident:' || i."id" || ':${action}')`;
  const wait = waitUntil(t("ContactAttempt"), 'i."id"');
  const text = `
    SELECT i."id" FROM ${t("Incident")} i
    WHERE i."status" = 'Open' AND i."resolvedAt" IS NULL AND i."id" > $1
      AND NOT EXISTS (SELECT 1 FROM ${t("ContactAttempt")} c
                      WHERE c."incidentId" = i."id" AND c."result" = 'reachedWillShip')
      AND (
        (i."kind" = 'JobNotShipping' AND i."returnFailedAt" IS NULL AND i."contactDeadline" IS NOT NULL
          AND GREATEST(i."contactDeadline", ${wait}) <= $2::timestamp(3) AND ${told("returnDrives")})
        OR (i."kind" IN ('JobNotShipping', 'ReturnAddressInvalid')
          AND (i."kind" = 'ReturnAddressInvalid' OR i."returnFailedAt" IS NOT NULL)
          AND i."destructionDeadline" <= $2::timestamp(3) AND ${told("destroyDrives")})
        OR (i."kind" = 'PackageOverdue' AND i."answerDeadline" IS NOT NULL
          AND GREATEST(i."answerDeadline", ${wait}) <= $2::timestamp(3))
      )
    ORDER BY i."id"
    LIMIT $3`;
  const result = await rows<{ id: string }>(text, [after, sqlTime(now), limit]);
  return result.map((r) => r.id);
}
