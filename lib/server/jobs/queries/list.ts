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

/**
 * The text filter: the job's name or delivery tracking number, its customer's name, or the serial
 * of one of its drives, contains the text. Each arm is one lookup in its own pg_trgm index, and
 * the customers' and drives' arms hand their matches to the job as an array (`= ANY(ARRAY(...))`,
 * run once), so all four are index conditions on Job and PostgreSQL ORs them as bitmaps. (An OR
 * of `c."name" ILIKE` across the join can use no index at all: a sequential scan of every job.)
 */
function textCondition(q: string, p: Params, t: SqlRead["t"]): string {
  const like = p.add(`%${likeEscape(q)}%`);
  return `(j."name" ILIKE ${like} OR j."deliveryTrackingNumber" ILIKE ${like}
    OR j."customerId" = ANY (ARRAY(SELECT mc."id" FROM ${t("Customer")} mc WHERE mc."name" ILIKE ${like}))
    OR j."id" = ANY (ARRAY(SELECT md."jobId" FROM ${t("Drive")} md
                           WHERE md."serial" ILIKE ${like} AND md."jobId" IS NOT NULL)))`;
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
  return where;
}

/**
 * What the list's statements read from, as `j` (jobs) and `c` (their customers). With a text
 * filter, the matching jobs are found first, by the text's indexes alone (a MATERIALIZED CTE), and
 * only they are counted, filtered and sorted. Left to itself the planner cannot know how many jobs
 * the customers' and drives' arrays will hold, guesses hundreds of thousands, and answers a page by
 * walking the sort's index through every job, testing each (EXPLAIN ANALYZE at 1,000,000 jobs:
 * 5.1 s for a text matching 111 jobs; 150 ms with the matches found first).
 */
function source(
  filter: Filter,
  p: Params,
  t: SqlRead["t"],
  withCustomers: boolean,
): { with: string; from: string } {
  // The customer's row is read only to sort by its name: the counts need the jobs alone, which
  // lets them be index-only scans.
  const customers = withCustomers ? `JOIN ${t("Customer")} c ON c."id" = j."customerId"` : "";
  if (!filter.q) return { with: "", from: `${t("Job")} j ${customers}` };
  return {
    with: `WITH hits AS MATERIALIZED (SELECT j.* FROM ${t("Job")} j WHERE ${textCondition(filter.q, p, t)})`,
    from: `hits j ${customers}`,
  };
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(" AND ")}` : "");

/**
 * One page of the jobs list: filtered by state, customer, type, creation day and text (names,
 * customer, tracking number, drive serial: pg_trgm indexes), sorted by any column (indexes for each), with
 * drive counts for each row. Offset paging up to MAX_PAGE; a page past the last shows the last.
 */
export async function listJobs(
  filter: Partial<JobListParams>,
  database: Db = defaultDb,
): Promise<JobList> {
  const full: JobListParams = { sort: "changed", dir: "desc", page: 1, ...filter };
  const sql = sqlRead(database);
  // One statement counts the jobs per state under the other filters (the state chips); the total
  // is the chosen state's count, or the sum.
  const stateP = sqlParams();
  const stateFrom = source(full, stateP, sql.t, false);
  const stateWhere = conditions(full, stateP, false);
  const idsOf = (page: number) =>
    jobIdsPage(database, full, { offset: (page - 1) * JOBS_PAGE_SIZE, limit: JOBS_PAGE_SIZE });
  // The counts and the page asked for at once (each reads the text's matches, ~150 ms at a
  // million jobs for a common text); a page past the last is read again as the last.
  const requested = Math.max(1, full.page);
  const [grouped, first] = await Promise.all([
    sql.rows<{ state: JobState; n: number }>(
      `${stateFrom.with} SELECT j."state"::text AS state, count(*)::int AS n FROM ${stateFrom.from} ${whereSql(stateWhere)} GROUP BY 1`,
      stateP.values,
    ),
    idsOf(requested),
  ]);
  const total = full.state
    ? (grouped.find((g) => g.state === full.state)?.n ?? 0)
    : grouped.reduce((n, g) => n + g.n, 0);
  const pageCount = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const page = Math.min(requested, pageCount);
  const { ids } = page === requested ? first : await idsOf(page);
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
  const from = source(filter, p, sql.t, filter.sort === "customer");
  const where = conditions(filter, p, true);
  const { expr, cast } = sortColumn(filter.sort, sql.t);
  const dir = filter.dir === "desc" ? "DESC" : "ASC";
  if ("after" in at && at.after) {
    const op = dir === "DESC" ? "<" : ">";
    where.push(`(${expr}, j."id") ${op} (${cast(p.add(at.after.value))}, ${p.add(at.after.id)})`);
  }
  const offset = "offset" in at ? `OFFSET ${p.add(at.offset)}` : "";
  const rows = await sql.rows<{ id: string; k: string }>(
    `${from.with} SELECT j."id", ${expr}::text AS k
       FROM ${from.from}
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
