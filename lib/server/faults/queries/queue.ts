import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { faultItems, type FaultItem } from "@/lib/server/faults/queries/items.ts";
import { jsonView } from "@/lib/server/incidents/json-view.ts";
import { params as sqlParams, sqlRead } from "@/lib/server/sql/read.ts";
import { QUEUE_PAGE_SIZE, type FaultListParams } from "@/lib/validation/list-params.ts";
import type { FaultCounts, FaultQueueView } from "@/lib/views/queues.ts";

const DAY_MS = 86_400_000;
const utc = (placeholder: string) => `(${placeholder}::timestamptz AT TIME ZONE 'UTC')`;

export type FaultQueue = {
  items: FaultItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  counts: FaultCounts;
};

/**
 * Faulted jobs and drives as one list in SQL, each with its customer and its follow-up day: the
 * day the customer last asked us to wait until (R-F2; a job's fault is discussed on attempts with
 * no drive, a drive's on its own).
 */
function faultsSource(t: (table: string) => string): string {
  // A supervisor's attempts only: an automatic email (result "notified") says nothing of a wait,
  // and must not hide the day a customer asked for.
  const followUp = (driveMatch: string) =>
    `(SELECT ca."waitUntil" FROM ${t("ContactAttempt")} ca
       WHERE ca."jobId" = j."id" AND ${driveMatch} AND ca."result" <> 'notified'
       ORDER BY ca."at" DESC LIMIT 1)`;
  return `(
    SELECT 'job' AS kind, j."id", j."name" AS "jobName", j."customerId", c."name" AS "customerName",
           j."stateChangedAt" AS since, ${followUp(`ca."driveId" IS NULL`)} AS "followUp"
      FROM ${t("Job")} j JOIN ${t("Customer")} c ON c."id" = j."customerId"
     WHERE j."state" = 'Faulted'
    UNION ALL
    SELECT 'drive', d."id", j."name", j."customerId", c."name",
           d."stateChangedAt", ${followUp(`ca."driveId" = d."id"`)}
      FROM ${t("Drive")} d JOIN ${t("Job")} j ON j."id" = d."jobId"
      JOIN ${t("Customer")} c ON c."id" = j."customerId"
     WHERE d."state" = 'Faulted'
  ) f`;
}

/**
 * The faults queue, one page at a time: filtered by kind, customer, follow-up (due within N days,
 * overdue; with both, either) and age, sorted in SQL (oldest first by default; id breaks ties, so
 * pages never overlap). A page past the last shows the last.
 */
export async function faultQueue(db: Db, now: Date, filter: FaultListParams): Promise<FaultQueue> {
  const sql = sqlRead(db);
  const p = sqlParams();
  const where: string[] = [];
  if (filter.kind) where.push(filter.kind === "job" ? `f.kind = 'job'` : `f.kind = 'drive'`);
  if (filter.customer) where.push(`f."customerId" = ${p.add(filter.customer)}`);
  if (filter.age !== undefined)
    where.push(
      `f.since <= ${utc(p.add(new Date(now.getTime() - filter.age * DAY_MS).toISOString()))}`,
    );
  const timing: string[] = [];
  if (filter.due !== undefined) {
    const limit = new Date(now.getTime() + filter.due * DAY_MS).toISOString();
    timing.push(
      `(f."followUp" >= ${utc(p.add(now.toISOString()))} AND f."followUp" <= ${utc(p.add(limit))})`,
    );
  }
  if (filter.overdue) timing.push(`f."followUp" < ${utc(p.add(now.toISOString()))}`);
  if (timing.length) where.push(`(${timing.join(" OR ")})`);
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const dir = filter.dir === "desc" ? "DESC" : "ASC";
  const order = {
    since: `f.since ${dir}`,
    customer: `f."customerName" ${dir}, f.since ASC`,
    job: `f."jobName" ${dir}, f.since ASC`,
    due: `f."followUp" ${dir} NULLS LAST, f.since ASC`,
  }[filter.sort];
  const source = faultsSource(sql.t);

  // Each statement gets the filter's parameters and only its own after them.
  const fork = () => {
    const q = sqlParams();
    q.values.push(...p.values);
    return q;
  };
  const c = fork();
  const nowP = utc(c.add(now.toISOString()));
  const [counted] = await sql.rows<{
    total: number;
    open: number;
    jobs: number;
    drives: number;
    overdue: number;
  }>(
    `SELECT (count(*) FILTER (WHERE ${where.length ? where.join(" AND ") : "true"}))::int AS total,
              count(*)::int AS open,
              (count(*) FILTER (WHERE f.kind = 'job'))::int AS jobs,
              (count(*) FILTER (WHERE f.kind = 'drive'))::int AS drives,
              (count(*) FILTER (WHERE f."followUp" < ${nowP}))::int AS overdue
         FROM ${source}`,
    c.values,
  );
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const r = fork();
  const rows = await sql.rows<{ kind: "job" | "drive"; id: string }>(
    `SELECT f.kind, f."id" FROM ${source} ${whereSql} ORDER BY ${order}, f."id" ${dir}
      LIMIT ${r.add(QUEUE_PAGE_SIZE)} OFFSET ${r.add((page - 1) * QUEUE_PAGE_SIZE)}`,
    r.values,
  );
  const loaded = await faultItems(db, now, {
    jobIds: rows.filter((r) => r.kind === "job").map((r) => r.id),
    driveIds: rows.filter((r) => r.kind === "drive").map((r) => r.id),
  });
  const byKey = new Map(loaded.map((i) => [`${i.kind}:${i.id}`, i]));
  return {
    items: rows.flatMap((r) => byKey.get(`${r.kind}:${r.id}`) ?? []),
    total,
    page,
    pageCount,
    pageSize: QUEUE_PAGE_SIZE,
    counts: {
      open: counted?.open ?? 0,
      jobs: counted?.jobs ?? 0,
      drives: counted?.drives ?? 0,
      followUpOverdue: counted?.overdue ?? 0,
    },
  };
}

/**
 * The faults page as JSON: what `GET /api/faults` answers for the same filters and what the page
 * seeds its poll with. `generatedAt` orders snapshots (a newer server render wins over a poll).
 */
export async function faultsPageData(
  db: Db,
  now: Date,
  filter: FaultListParams,
): Promise<FaultQueueView> {
  return jsonView({ generatedAt: now, ...(await faultQueue(db, now, filter)) });
}

/** One fault (a Faulted job or drive, by its id) for its own page; null when there is none. */
export async function faultDetail(db: Db, id: string, now: Date): Promise<FaultItem | null> {
  const [item] = await faultItems(db, now, { jobIds: [id], driveIds: [id] });
  return item ?? null;
}

/** A job or drive by this id that is not Faulted (any more): what it is and its state now. */
export async function notFaulted(
  db: Db,
  id: string,
): Promise<{ kind: "job" | "drive"; label: string; state: string; jobId: string } | null> {
  const [job, drive] = await Promise.all([
    db.job.findUnique({ where: { id }, select: { id: true, name: true, state: true } }),
    db.drive.findUnique({ where: { id }, select: { serial: true, state: true, jobId: true } }),
  ]);
  if (job) return { kind: "job", label: job.name, state: job.state, jobId: job.id };
  if (drive?.jobId)
    return { kind: "drive", label: drive.serial, state: drive.state, jobId: drive.jobId };
  return null;
}
