import "server-only";
import type { DriveState, JobState } from "@/lib/domain/states.ts";
import { db as defaultDb, type Db } from "@/lib/server/db.ts";
import { params as sqlParams, sqlRead, type SqlRead } from "@/lib/server/sql/read.ts";
import { JOBS_PAGE_SIZE, type JobListParams, type JobSort } from "@/lib/validation/list-params.ts";
import type { JobListRow } from "@/lib/views/jobs.ts";

export type { JobListRow };

export type JobList = {
  rows: JobListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Jobs per state under the other filters (the state chips' counts). */
  countsByState: Partial<Record<JobState, number>>;
};

type Filter = Omit<JobListParams, "page">;
type Params = ReturnType<typeof sqlParams>;

const DAY_MS = 86_400_000;

/**
 * Each sort: the column, and how a keyset value read back as text becomes that column's type
 * again. Every order ends with the id, so the order is total: pages never overlap and the CSV's
 * keyset never skips or repeats a row.
 */
function sortColumn(sort: JobSort, t: SqlRead["t"]): { expr: string; cast: (p: string) => string } {
  switch (sort) {
    case "name":
      return { expr: `j."name"`, cast: (p) => `${p}::text` };
    case "customer":
      return { expr: `c."name"`, cast: (p) => `${p}::text` };
    case "type":
      return { expr: `j."type"`, cast: (p) => `${p}::text::${t("JobType")}` };
    case "state":
      return { expr: `j."state"`, cast: (p) => `${p}::text::${t("JobState")}` };
    case "complete":
      return { expr: `j."percentComplete"`, cast: (p) => `${p}::int` };
    case "created":
      return { expr: `j."createdAt"`, cast: (p) => `${p}::timestamp` };
    case "changed":
      return { expr: `j."stateChangedAt"`, cast: (p) => `${p}::timestamp` };
  }
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The WHERE of the list: every filter but (optionally) the state, values as parameters. */
function conditions(filter: Filter, p: Params, withState: boolean): string[] {
  const where: string[] = [];
  if (withState && filter.state) where.push(`j."state"::text = ${p.add(filter.state)}`);
  if (filter.customer) where.push(`j."customerId" = ${p.add(filter.customer)}`);
  if (filter.type) where.push(`j."type"::text = ${p.add(filter.type)}`);
  if (filter.from) where.push(`j."createdAt" >= ${p.add(filter.from)}::timestamp`);
  if (filter.to) {
    const next = new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    where.push(`j."createdAt" < ${p.add(next)}::timestamp`);
  }
  if (filter.q) {
    const like = p.add(`%${likeEscape(filter.q)}%`);
    where.push(
      `(j."name" ILIKE ${like} OR c."name" ILIKE ${like} OR j."deliveryTrackingNumber" ILIKE ${like})`,
    );
  }
  return where;
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(" AND ")}` : "");

/**
 * One page of the jobs list: filtered by state, customer, type, creation day and text (names,
 * customer, tracking number: pg_trgm indexes), sorted by any column (indexes for each), with
 * drive counts for each row. Offset paging up to MAX_PAGE; a page past the last shows the last.
 */
export async function listJobs(
  filter: Partial<JobListParams>,
  database: Db = defaultDb,
): Promise<JobList> {
  const full: JobListParams = { sort: "changed", dir: "desc", page: 1, ...filter };
  const sql = sqlRead(database);
  const from = `${sql.t("Job")} j JOIN ${sql.t("Customer")} c ON c."id" = j."customerId"`;
  const countP = sqlParams();
  const countWhere = conditions(full, countP, true);
  const stateP = sqlParams();
  const stateWhere = conditions(full, stateP, false);
  const [[count], grouped] = await Promise.all([
    sql.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${from} ${whereSql(countWhere)}`,
      countP.values,
    ),
    sql.rows<{ state: JobState; n: number }>(
      `SELECT j."state"::text AS state, count(*)::int AS n FROM ${from} ${whereSql(stateWhere)} GROUP BY 1`,
      stateP.values,
    ),
  ]);
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const page = Math.min(Math.max(1, full.page), pageCount);
  const { ids } = await jobIdsPage(database, full, {
    offset: (page - 1) * JOBS_PAGE_SIZE,
    limit: JOBS_PAGE_SIZE,
  });
  return {
    rows: await jobRowsByIds(database, ids),
    total,
    page,
    pageCount,
    pageSize: JOBS_PAGE_SIZE,
    countsByState: Object.fromEntries(grouped.map((g) => [g.state, g.n])),
  };
}

export type Keyset = { value: string; id: string };

/**
 * The ids of one stretch of the list in its order: by offset (the page), or after a keyset (the
 * CSV export walks the whole list this way, each batch an index range scan). With each id, the
 * keyset to continue after it.
 */
export async function jobIdsPage(
  database: Db,
  filter: Filter,
  at: { offset: number; limit: number } | { after: Keyset | null; limit: number },
): Promise<{ ids: string[]; next: Keyset | null }> {
  const sql = sqlRead(database);
  const p = sqlParams();
  const where = conditions(filter, p, true);
  const { expr, cast } = sortColumn(filter.sort, sql.t);
  const dir = filter.dir === "desc" ? "DESC" : "ASC";
  if ("after" in at && at.after) {
    const op = dir === "DESC" ? "<" : ">";
    where.push(`(${expr}, j."id") ${op} (${cast(p.add(at.after.value))}, ${p.add(at.after.id)})`);
  }
  const offset = "offset" in at ? `OFFSET ${p.add(at.offset)}` : "";
  const rows = await sql.rows<{ id: string; k: string }>(
    `SELECT j."id", ${expr}::text AS k
       FROM ${sql.t("Job")} j JOIN ${sql.t("Customer")} c ON c."id" = j."customerId"
       ${whereSql(where)}
      ORDER BY ${expr} ${dir}, j."id" ${dir}
      LIMIT ${p.add(at.limit)} ${offset}`,
    p.values,
  );
  const last = rows.at(-1);
  return {
    ids: rows.map((r) => r.id),
    next: last && rows.length === at.limit ? { value: last.k, id: last.id } : null,
  };
}

const AT_DATACENTER: DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "Faulted",
];

/** These jobs as list rows, in the order given, with their drive counts. */
export async function jobRowsByIds(database: Db, ids: readonly string[]): Promise<JobListRow[]> {
  if (ids.length === 0) return [];
  const [jobs, driveCounts] = await Promise.all([
    database.job.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        name: true,
        type: true,
        state: true,
        percentComplete: true,
        cancelRequested: true,
        deliveryTrackingNumber: true,
        createdAt: true,
        stateChangedAt: true,
        customer: { select: { name: true } },
      },
    }),
    database.drive.groupBy({
      by: ["jobId", "state", "extra"],
      where: { jobId: { in: [...ids] } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return ids.flatMap((id): JobListRow[] => {
    const job = byId.get(id);
    if (!job) return [];
    const mine = driveCounts.filter((c) => c.jobId === job.id);
    const listed = mine.filter((c) => !c.extra);
    const sum = (pred: (s: DriveState) => boolean) =>
      listed.filter((c) => pred(c.state)).reduce((n, c) => n + c._count._all, 0);
    return [
      {
        id: job.id,
        name: job.name,
        customerName: job.customer.name,
        type: job.type,
        state: job.state,
        percentComplete: job.percentComplete,
        cancelRequested: job.cancelRequested,
        deliveryTrackingNumber: job.deliveryTrackingNumber,
        createdAt: job.createdAt,
        stateChangedAt: job.stateChangedAt,
        drives: {
          total: sum(() => true),
          atDatacenter: sum((s) => AT_DATACENTER.includes(s)),
          shippedBack: sum((s) => s === "ShippedBack"),
          faulted: sum((s) => s === "Faulted"),
        },
        extraDrives: mine.filter((c) => c.extra).reduce((n, c) => n + c._count._all, 0),
      },
    ];
  });
}
