import "server-only";
import {
  CREATING_TIMEOUT_DAYS,
  DAY_MS,
  JOB_STATES,
  SHIPPING_NOTIFY_DAYS,
  type JobState,
} from "@/lib/domain/index.ts";
import { db, type Db } from "@/lib/server/db.ts";
import { sharedRead } from "@/lib/server/cache/shared-read.ts";
import { sqlRead, type SqlRead } from "@/lib/server/sql/read.ts";
import { sqlTime } from "@/lib/server/sql/transaction.ts";
import {
  AGE_BUCKETS,
  type AgeBucket,
  type AgeRow,
  type AgingRow,
  type Dashboard,
  type DayCount,
  type StateCount,
  type ThroughputDay,
} from "@/lib/views/dashboard.ts";
import { dayWindow, fillDays } from "./days.ts";

/** "Due soon" on the dashboard: within the next 48 hours. */
export const DUE_SOON_MS = 48 * 60 * 60 * 1000;

const ago = (now: Date, days: number) => sqlTime(new Date(now.getTime() - days * DAY_MS));
const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

/** Drives by the UTC day a timestamp column of theirs falls on (receivedAt, shippedBackAt). */
async function drivesPerDay(
  sql: SqlRead,
  column: "receivedAt" | "shippedBackAt",
  now: Date,
): Promise<DayCount[]> {
  const { start, end, labels } = dayWindow(now);
  const rows = await sql.rows<{ day: string; count: number }>(
    `SELECT to_char(date_trunc('day', "${column}"), 'YYYY-MM-DD') AS day, count(*)::int AS count
     FROM ${sql.t("Drive")}
     WHERE "${column}" >= $1::timestamp(3) AND "${column}" < $2::timestamp(3)
     GROUP BY 1`,
    [sqlTime(start), sqlTime(end)],
  );
  return fillDays(labels, rows, (day) => ({ day, count: 0 }));
}

/** Drives whose copy finished each day (their `drive.finishCopy` events) and the bytes copied. */
async function throughputPerDay(sql: SqlRead, now: Date): Promise<ThroughputDay[]> {
  const { start, end, labels } = dayWindow(now);
  const rows = await sql.rows<{ day: string; drives: number; bytes: string }>(
    // The drive's bytes by primary key, per event of the window: the join planned as a hash join
    // read every drive of every job (EXPLAIN ANALYZE at 10,000 jobs: a sequential scan of all
    // 20,000 drives), a cost that grows with the whole history rather than with the 14 days.
    `SELECT to_char(date_trunc('day', e."at"), 'YYYY-MM-DD') AS day, count(*)::int AS drives,
            COALESCE(sum((SELECT d."bytesTransferred" FROM ${sql.t("Drive")} d WHERE d."id" = e."driveId")), 0)::text AS bytes
     FROM ${sql.t("Event")} e
     WHERE e."kind" = 'drive.finishCopy' AND e."at" >= $1::timestamp(3) AND e."at" < $2::timestamp(3)
     GROUP BY 1`,
    [sqlTime(start), sqlTime(end)],
  );
  return fillDays(
    labels,
    rows.map((r) => ({ day: r.day, drives: r.drives, bytes: Number(r.bytes) })),
    (day) => ({ day, drives: 0, bytes: 0 }),
  );
}

/** Every job state with its number of jobs, in the life cycle's order. */
async function backlogByState(sql: SqlRead): Promise<StateCount[]> {
  const rows = await sql.rows<{ state: JobState; count: number }>(
    `SELECT "state"::text AS state, count(*)::int AS count FROM ${sql.t("Job")} GROUP BY 1`,
  );
  const byState = new Map(rows.map((r) => [r.state, r.count]));
  return JOB_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 }));
}

/**
 * The deadline an open incident is working against now, as the sweep reads it (incidentDue): none
 * once the customer was reached and will act; R-E1's contact deadline (or the wait the customer
 * asked for) until a return failed, then its destruction deadline; R-E2's answer deadline (or the
 * wait); R-E4's destruction deadline. R-E3 and R-E5 have none.
 */
export function incidentDeadlineSql(t: (name: string) => string, i: string): string {
  const wait = `(SELECT max(date_trunc('day', c."waitUntil") + interval '1 day' - interval '1 millisecond')
    FROM ${t("ContactAttempt")} c
    WHERE c."incidentId" = ${i}."id" AND c."result" = 'askedToWait' AND c."waitUntil" IS NOT NULL)`;
  return `CASE
    WHEN EXISTS (SELECT 1 FROM ${t("ContactAttempt")} c
                 WHERE c."incidentId" = ${i}."id" AND c."result" = 'reachedWillShip') THEN NULL
    WHEN ${i}."kind" = 'JobNotShipping' AND ${i}."returnFailedAt" IS NULL
      THEN GREATEST(${i}."contactDeadline", ${wait})
    WHEN ${i}."kind" = 'JobNotShipping' THEN ${i}."destructionDeadline"
    WHEN ${i}."kind" = 'PackageOverdue' THEN GREATEST(${i}."answerDeadline", ${wait})
    WHEN ${i}."kind" = 'ReturnAddressInvalid' THEN ${i}."destructionDeadline"
    ELSE NULL END`;
}

/**
 * Jobs, drives and incidents against their deadlines: how many are past them and how many fall due
 * within 48 hours. Creating jobs are deleted 14 days after their timer (R-J2); a Shipping job's
 * package is overdue 14 days after the shipping information (R-J6), and so are the listed drives
 * it still awaits (R-D5); incidents by the deadline they work against now.
 */
async function aging(sql: SqlRead, now: Date): Promise<AgingRow[]> {
  const soon = later(now, DUE_SOON_MS);
  const { t } = sql;
  const [row] = await sql.rows<Record<string, number>>(
    `WITH creating AS (
       SELECT COALESCE(j."creatingTimerStartedAt", j."stateChangedAt") AS since FROM ${t("Job")} j
       WHERE j."state" = 'Creating'
         AND (j."creatingTimerStartedAt" <= $2::timestamp(3)
              OR (j."creatingTimerStartedAt" IS NULL AND j."stateChangedAt" <= $2::timestamp(3)))
     ), shipping AS (
       SELECT j."id", COALESCE(j."shippingInfoAt", j."stateChangedAt") AS since FROM ${t("Job")} j
       WHERE j."state" = 'Shipping'
         AND (j."shippingInfoAt" <= $4::timestamp(3)
              OR (j."shippingInfoAt" IS NULL AND j."stateChangedAt" <= $4::timestamp(3)))
     ), drives AS (
       SELECT s.since FROM shipping s JOIN ${t("Drive")} d ON d."jobId" = s."id"
       WHERE d."extra" = false AND d."state" IN ('Specified', 'NeverReceived')
     ), incidents AS (
       SELECT ${incidentDeadlineSql(t, "i")} AS due FROM ${t("Incident")} i WHERE i."status" = 'Open'
     )
     SELECT
       (SELECT count(*) FILTER (WHERE since <= $1::timestamp(3)) FROM creating)::int AS creating_overdue,
       (SELECT count(*) FILTER (WHERE since > $1::timestamp(3)) FROM creating)::int AS creating_soon,
       (SELECT count(*) FILTER (WHERE since <= $3::timestamp(3)) FROM shipping)::int AS shipping_overdue,
       (SELECT count(*) FILTER (WHERE since > $3::timestamp(3)) FROM shipping)::int AS shipping_soon,
       (SELECT count(*) FILTER (WHERE since <= $3::timestamp(3)) FROM drives)::int AS drives_overdue,
       (SELECT count(*) FILTER (WHERE since > $3::timestamp(3)) FROM drives)::int AS drives_soon,
       (SELECT count(*) FILTER (WHERE due <= $5::timestamp(3)) FROM incidents)::int AS incidents_overdue,
       (SELECT count(*) FILTER (WHERE due > $5::timestamp(3) AND due <= $6::timestamp(3)) FROM incidents)::int AS incidents_soon`,
    [
      ago(now, CREATING_TIMEOUT_DAYS),
      ago(soon, CREATING_TIMEOUT_DAYS),
      ago(now, SHIPPING_NOTIFY_DAYS),
      ago(soon, SHIPPING_NOTIFY_DAYS),
      sqlTime(now),
      sqlTime(soon),
    ],
  );
  const r = row ?? {};
  return (["creating", "shipping", "drives", "incidents"] as const).map((key) => ({
    key,
    overdue: r[`${key}_overdue`] ?? 0,
    dueSoon: r[`${key}_soon`] ?? 0,
  }));
}

/** Open faults (faulted jobs and drives, since they faulted) and open incidents, by age. */
async function openAges(sql: SqlRead, now: Date): Promise<AgeRow[]> {
  const { t } = sql;
  const rows = await sql.rows<{ bucket: AgeBucket; faults: number; incidents: number }>(
    `WITH open AS (
       SELECT "stateChangedAt" AS since, 1 AS faults, 0 AS incidents FROM ${t("Job")} WHERE "state" = 'Faulted'
       UNION ALL
       SELECT "stateChangedAt", 1, 0 FROM ${t("Drive")} WHERE "state" = 'Faulted'
       UNION ALL
       SELECT "openedAt", 0, 1 FROM ${t("Incident")} WHERE "status" = 'Open'
     )
     SELECT CASE
         WHEN since > $1::timestamp(3) - interval '1 day' THEN 'under1d'
         WHEN since > $1::timestamp(3) - interval '3 days' THEN '1to3d'
         WHEN since > $1::timestamp(3) - interval '7 days' THEN '3to7d'
         WHEN since > $1::timestamp(3) - interval '14 days' THEN '7to14d'
         ELSE 'over14d' END AS bucket,
       sum(faults)::int AS faults, sum(incidents)::int AS incidents
     FROM open GROUP BY 1`,
    [sqlTime(now)],
  );
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return AGE_BUCKETS.map((bucket) => ({
    bucket,
    faults: byBucket.get(bucket)?.faults ?? 0,
    incidents: byBucket.get(bucket)?.incidents ?? 0,
  }));
}

/**
 * Every figure of the supervisors' dashboard at `now`, each computed by one SQL statement over the
 * indexes it needs (prisma/migrations/*_dashboard_and_sweep_indexes). Callers authorize first.
 */
export async function dashboardFigures(db: Db, now: Date): Promise<Dashboard> {
  const sql = sqlRead(db);
  const [received, shippedBack, backlog, agingRows, ages, throughput] = await Promise.all([
    drivesPerDay(sql, "receivedAt", now),
    drivesPerDay(sql, "shippedBackAt", now),
    backlogByState(sql),
    aging(sql, now),
    openAges(sql, now),
    throughputPerDay(sql, now),
  ]);
  return {
    at: now.toISOString(),
    received,
    shippedBack,
    backlog,
    aging: agingRows,
    openAges: ages,
    throughput,
  };
}

/**
 * The dashboard as the page reads it: the same for every supervisor, so the requests of the same
 * two seconds share one computation (lib/server/cache/shared-read.ts); its time says when it was
 * computed.
 */
export const sharedDashboardFigures = sharedRead(2_000, (now) => dashboardFigures(db, now));
