import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { jsonView } from "@/lib/server/incidents/json-view.ts";
import {
  handOpenableJobs,
  incidentsByIds,
  type IncidentItem,
} from "@/lib/server/incidents/queries/detail.ts";
import { params as sqlParams, sqlRead } from "@/lib/server/sql/read.ts";
import {
  INCIDENT_RULES,
  QUEUE_PAGE_SIZE,
  kindOfRule,
  type IncidentListParams,
  type IncidentRule,
} from "@/lib/validation/list-params.ts";
import type { IncidentCounts, IncidentQueueView } from "@/lib/views/queues.ts";

const DAY_MS = 86_400_000;

/** An instant as a parameter PostgreSQL reads in UTC (the columns are UTC timestamps). */
const utc = (placeholder: string) => `(${placeholder}::timestamptz AT TIME ZONE 'UTC')`;

/** The nearest of an incident's deadlines (PostgreSQL's LEAST skips the ones it does not have). */
const NEAREST = `LEAST(i."contactDeadline", i."answerDeadline", i."destructionDeadline")`;
const RULE_ORDER = `array_position(ARRAY['JobNotShipping','PackageOverdue','ReturnedDrivesLostOrDamaged','ReturnAddressInvalid','ExtraDrive']::text[], i."kind"::text)`;

export type IncidentQueue = {
  items: IncidentItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  counts: IncidentCounts;
};

/**
 * The supervisors' incident queue, one page at a time: filtered by status, rule, customer and
 * deadline (due within N days, overdue; with both, either), sorted in SQL (nearest deadline first
 * by default, then opened, then id, so pages never overlap). A page past the last shows the last.
 */
export async function incidentQueue(
  db: Db,
  now: Date,
  filter: IncidentListParams,
): Promise<IncidentQueue> {
  const sql = sqlRead(db);
  const p = sqlParams();
  // Enum columns are compared with literals (the enum type lives in the client's schema).
  const where = [filter.status === "open" ? `i."status" = 'Open'` : `i."status" = 'Resolved'`];
  if (filter.rule) where.push(`i."kind" = '${kindOfRule(filter.rule)}'`);
  if (filter.customer) where.push(`j."customerId" = ${p.add(filter.customer)}`);
  const timing: string[] = [];
  if (filter.due !== undefined) {
    const nowP = utc(p.add(now.toISOString()));
    const limitP = utc(p.add(new Date(now.getTime() + filter.due * DAY_MS).toISOString()));
    timing.push(`(${NEAREST} >= ${nowP} AND ${NEAREST} <= ${limitP})`);
  }
  if (filter.overdue) timing.push(`${NEAREST} < ${utc(p.add(now.toISOString()))}`);
  if (timing.length) where.push(`(${timing.join(" OR ")})`);

  const dir = filter.dir === "desc" ? "DESC" : "ASC";
  const order = {
    deadline: `${NEAREST} ${dir} NULLS LAST, i."openedAt" ASC`,
    opened: `i."openedAt" ${dir}`,
    rule: `${RULE_ORDER} ${dir}, ${NEAREST} ASC NULLS LAST`,
    job: `j."name" ${dir} NULLS LAST, i."openedAt" ASC`,
  }[filter.sort];
  const from = `${sql.t("Incident")} i LEFT JOIN ${sql.t("Job")} j ON j."id" = i."jobId"`;
  const whereSql = where.join(" AND ");

  const [[count], counts] = await Promise.all([
    sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${whereSql}`, p.values),
    openCounts(db, now, filter.customer),
  ]);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const pageP = sqlParams();
  pageP.values.push(...p.values);
  const ids = await sql.rows<{ id: string }>(
    `SELECT i."id" FROM ${from} WHERE ${whereSql} ORDER BY ${order}, i."id" ${dir}
     LIMIT ${pageP.add(QUEUE_PAGE_SIZE)} OFFSET ${pageP.add((page - 1) * QUEUE_PAGE_SIZE)}`,
    pageP.values,
  );
  return {
    items: await incidentsByIds(
      db,
      ids.map((r) => r.id),
      now,
    ),
    total,
    page,
    pageCount,
    pageSize: QUEUE_PAGE_SIZE,
    counts,
  };
}

/** Open incidents by rule, overdue and due within 48 h (for one customer when filtered by one). */
async function openCounts(db: Db, now: Date, customer?: string): Promise<IncidentCounts> {
  const sql = sqlRead(db);
  const p = sqlParams();
  const nowP = utc(p.add(now.toISOString()));
  const soonP = utc(p.add(new Date(now.getTime() + 2 * DAY_MS).toISOString()));
  const byCustomer = customer ? `AND j."customerId" = ${p.add(customer)}` : "";
  const rows = await sql.rows<{ kind: string; n: number; overdue: number; soon: number }>(
    `SELECT i."kind"::text AS kind, count(*)::int AS n,
            (count(*) FILTER (WHERE ${NEAREST} < ${nowP}))::int AS overdue,
            (count(*) FILTER (WHERE ${NEAREST} >= ${nowP} AND ${NEAREST} <= ${soonP}))::int AS soon
       FROM ${sql.t("Incident")} i LEFT JOIN ${sql.t("Job")} j ON j."id" = i."jobId"
      WHERE i."status" = 'Open' ${byCustomer}
      GROUP BY i."kind"`,
    p.values,
  );
  const byRule = Object.fromEntries(INCIDENT_RULES.map((r) => [r, 0])) as Record<
    IncidentRule,
    number
  >;
  for (const rule of INCIDENT_RULES)
    byRule[rule] = rows.find((r) => r.kind === kindOfRule(rule))?.n ?? 0;
  return {
    open: rows.reduce((n, r) => n + r.n, 0),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    dueIn48h: rows.reduce((n, r) => n + r.soon, 0),
    byRule,
  };
}

/**
 * The incidents page as JSON: what `GET /api/incidents` answers for the same filters and what the
 * page seeds its poll with. `generatedAt` orders snapshots (a newer server render wins).
 */
export async function incidentsPageData(
  db: Db,
  now: Date,
  filter: IncidentListParams,
): Promise<IncidentQueueView> {
  const [queue, openable] = await Promise.all([
    incidentQueue(db, now, filter),
    handOpenableJobs(db),
  ]);
  return jsonView({ generatedAt: now, ...queue, openable });
}
