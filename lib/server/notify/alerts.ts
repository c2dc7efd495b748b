import "server-only";
import {
  CREATING_TIMEOUT_DAYS,
  DAY_MS,
  INCIDENT_DEFINITIONS,
  SHIPPING_NOTIFY_DAYS,
  deadline,
  type IncidentKind,
} from "@/lib/domain/index.ts";
import { incidentDeadlineSql } from "@/lib/server/dashboard/queries.ts";
import type { Db } from "@/lib/server/db.ts";
import { sqlRead } from "@/lib/server/sql/read.ts";
import { fromSqlTime, sqlTime } from "@/lib/server/sql/transaction.ts";
import type { AlertView, AlertsView } from "@/lib/views/notifications.ts";

/** How far ahead a deadline raises an alert. */
export const ALERT_HORIZON_MS = 48 * 60 * 60 * 1000;

/** How many alerts of each part (deadlines, openings) the page lists; the count is of all. */
export const ALERTS_LISTED = 50;

type Category = "jobFault" | "driveFault" | "incident" | "incidentDue" | "creating" | "shipping";

type Row = {
  category: Category;
  id: string;
  jobId: string | null;
  job: string | null;
  serial: string | null;
  kind: IncidentKind | null;
  returnFailed: boolean;
  /** When it opened, the incident's deadline, or when the job's clock started (Creating, Shipping). */
  at: string;
};

type Data = { counts: Record<Category, number>; rows: Row[] };

/** The deadline an open incident works against now, named as incidentDeadlineSql picks it. */
function incidentDeadlineTitle(kind: IncidentKind, returnFailed: boolean): string {
  const what =
    kind === "PackageOverdue"
      ? "Answer deadline"
      : kind === "JobNotShipping" && !returnFailed
        ? "Contact deadline"
        : "Destruction deadline";
  const title = INCIDENT_DEFINITIONS[kind].title;
  return `${what}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

function alertOf(r: Row): AlertView {
  const at = fromSqlTime(r.at);
  const base = { job: r.job, at: at.toISOString() };
  switch (r.category) {
    case "jobFault":
      return {
        ...base,
        key: `job-fault-${r.id}`,
        kind: "fault",
        rule: "R-F1",
        title: "Job faulted",
        href: `/faults/${r.id}`,
      };
    case "driveFault":
      return {
        ...base,
        key: `drive-fault-${r.id}`,
        kind: "fault",
        rule: "R-F1",
        title: `Drive ${r.serial ?? ""} faulted`,
        href: `/faults/${r.id}`,
      };
    case "incident":
      return {
        ...base,
        key: `incident-${r.id}`,
        kind: "incident",
        rule: INCIDENT_DEFINITIONS[r.kind!].rule,
        title: INCIDENT_DEFINITIONS[r.kind!].title,
        href: `/incidents/${r.id}`,
      };
    case "incidentDue":
      return {
        ...base,
        key: `incident-due-${r.id}`,
        kind: "deadline",
        rule: INCIDENT_DEFINITIONS[r.kind!].rule,
        title: incidentDeadlineTitle(r.kind!, r.returnFailed),
        href: `/incidents/${r.id}`,
      };
    case "creating":
      return {
        ...base,
        key: `creating-${r.id}`,
        kind: "deadline",
        rule: "R-J2",
        title: "Creating job expires",
        href: `/jobs/${r.id}`,
        at: deadline(at, CREATING_TIMEOUT_DAYS).toISOString(),
      };
    case "shipping":
      return {
        ...base,
        key: `shipping-${r.id}`,
        kind: "deadline",
        rule: "R-J6",
        title: "Package falls overdue",
        href: `/jobs/${r.id}`,
        at: deadline(at, SHIPPING_NOTIFY_DAYS).toISOString(),
      };
  }
}

/**
 * The supervisors' alerts, read from the data as it is (so they never drift from it): every open
 * fault (R-F1) and incident (R-E1..R-E5), and every deadline of the next 48 hours: the one an open
 * incident works against now (incidentDeadlineSql, as the sweep and the dashboard read it: none
 * once the customer was reached and will act, later when they asked us to wait), a Creating job
 * about to be deleted (R-J2), a Shipping job whose package is about to be overdue (R-J6).
 *
 * One statement (one snapshot): each part counted in full, and only the `limit` nearest deadlines
 * and newest openings listed, each branch on its state-and-time index. Callers authorize first.
 */
export async function supervisorAlerts(
  database: Db,
  now: Date,
  limit = ALERTS_LISTED,
): Promise<AlertsView> {
  const { rows, t } = sqlRead(database);
  const soon = new Date(now.getTime() + ALERT_HORIZON_MS);
  const before = (from: Date, days: number) => sqlTime(new Date(from.getTime() - days * DAY_MS));
  const jobName = (column: string) =>
    `(SELECT n."name" FROM ${t("Job")} n WHERE n."id" = ${column})`;
  // A job whose clock (`timer`, or entering its state for old rows without one) runs out after
  // `days`, between now (excluded: then it is due) and the horizon.
  const window = (state: string, timer: string, low: string, high: string) => `
    SELECT j."id", j."name", COALESCE(j."${timer}", j."stateChangedAt") AS since
    FROM ${t("Job")} j
    WHERE j."state" = '${state}'
      AND ((j."${timer}" > ${low}::timestamp(3) AND j."${timer}" <= ${high}::timestamp(3))
           OR (j."${timer}" IS NULL AND j."stateChangedAt" > ${low}::timestamp(3)
               AND j."stateChangedAt" <= ${high}::timestamp(3)))`;
  const [row] = await rows<{ data: Data }>(
    `WITH incident_due AS (
       SELECT * FROM (
         SELECT i."id", i."kind", i."jobId", i."returnFailedAt" IS NOT NULL AS "returnFailed",
                ${incidentDeadlineSql(t, "i")} AS due
         FROM ${t("Incident")} i WHERE i."status" = 'Open'
       ) x WHERE x.due > $1::timestamp(3) AND x.due <= $2::timestamp(3)
     ), creating AS (${window("Creating", "creatingTimerStartedAt", "$3", "$4")}
     ), shipping AS (${window("Shipping", "shippingInfoAt", "$5", "$6")}
     )
     SELECT json_build_object(
       'counts', json_build_object(
         'jobFault', (SELECT count(*) FROM ${t("Job")} WHERE "state" = 'Faulted'),
         'driveFault', (SELECT count(*) FROM ${t("Drive")} WHERE "state" = 'Faulted'),
         'incident', (SELECT count(*) FROM ${t("Incident")} WHERE "status" = 'Open'),
         'incidentDue', (SELECT count(*) FROM incident_due),
         'creating', (SELECT count(*) FROM creating),
         'shipping', (SELECT count(*) FROM shipping)),
       'rows', (SELECT coalesce(json_agg(r), '[]'::json) FROM (
         (SELECT 'jobFault' AS category, j."id", j."id" AS "jobId", j."name" AS job,
                 NULL::text AS serial, NULL::text AS kind, false AS "returnFailed", j."stateChangedAt" AS at
          FROM ${t("Job")} j WHERE j."state" = 'Faulted'
          ORDER BY j."stateChangedAt" DESC, j."id" LIMIT $7::int)
         UNION ALL
         (SELECT 'driveFault', d."id", d."jobId", ${jobName('d."jobId"')}, d."serial", NULL, false, d."stateChangedAt"
          FROM ${t("Drive")} d WHERE d."state" = 'Faulted'
          ORDER BY d."stateChangedAt" DESC, d."id" LIMIT $7::int)
         UNION ALL
         (SELECT 'incident', i."id", i."jobId", ${jobName('i."jobId"')}, NULL, i."kind"::text, false, i."openedAt"
          FROM ${t("Incident")} i WHERE i."status" = 'Open'
          ORDER BY i."openedAt" DESC, i."id" LIMIT $7::int)
         UNION ALL
         (SELECT 'incidentDue', s."id", s."jobId", ${jobName('s."jobId"')}, NULL, s."kind"::text, s."returnFailed", s.due
          FROM incident_due s ORDER BY s.due, s."id" LIMIT $7::int)
         UNION ALL
         (SELECT 'creating', c."id", c."id", c."name", NULL, NULL, false, c.since
          FROM creating c ORDER BY c.since, c."id" LIMIT $7::int)
         UNION ALL
         (SELECT 'shipping', s."id", s."id", s."name", NULL, NULL, false, s.since
          FROM shipping s ORDER BY s.since, s."id" LIMIT $7::int)
       ) r)) AS data`,
    [
      sqlTime(now),
      sqlTime(soon),
      before(now, CREATING_TIMEOUT_DAYS),
      before(soon, CREATING_TIMEOUT_DAYS),
      before(now, SHIPPING_NOTIFY_DAYS),
      before(soon, SHIPPING_NOTIFY_DAYS),
      limit,
    ],
  );
  const { counts, rows: found } = row!.data;
  const alerts = found.map(alertOf);
  // Each branch listed its own first `limit`, so the first `limit` of their union are among them.
  const deadlines = alerts
    .filter((a) => a.kind === "deadline")
    .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key))
    .slice(0, limit);
  const opened = alerts
    .filter((a) => a.kind !== "deadline")
    .sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key))
    .slice(0, limit);
  const dueTotal = counts.incidentDue + counts.creating + counts.shipping;
  const openTotal = counts.jobFault + counts.driveFault + counts.incident;
  return {
    generatedAt: now.toISOString(),
    count: dueTotal + openTotal,
    deadlines: { total: dueTotal, alerts: deadlines },
    opened: { total: openTotal, alerts: opened },
  };
}
