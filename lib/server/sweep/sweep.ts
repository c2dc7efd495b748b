import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { databaseUrl } from "@/lib/database-url.ts";
import { isDatabaseUnavailable } from "@/lib/server/http/database-unavailable.ts";
import { dueIncidentBatch, dueJobBatch, SWEEP_BATCH_SIZE } from "./due-sql.ts";
import { sweepIncident, sweepIncidentBatch } from "./incidents.ts";
import { sweepJob, sweepJobBatch } from "./jobs.ts";
import { lockTarget, withSweepLock, type LockTarget } from "./lock.ts";
import { purgeIdempotencyRecords } from "./housekeeping.ts";
import { absorb, emptyReport, type SweepReport } from "./report.ts";

export type { SweepEntry, SweepReport } from "./report.ts";
export { formatReport } from "./report.ts";

export type SweepOptions = {
  /**
   * The database to take the advisory lock on; by default the app's (DATABASE_URL or the embedded
   * server) in the schema of its `?schema=`. Tests pass their own URL and schema.
   */
  lock?: LockTarget;
  /** How many due jobs (or incidents) one batch selects; the default suits production. */
  batchSize?: number;
};

type Batch = (db: Db, now: Date, after: string, limit: number) => Promise<string[]>;

/**
 * Select what is due in batches, in id order after the last id of the previous batch (so a job
 * the domain refused, still due, is not selected again in this sweep), and apply each batch.
 */
async function inBatches(
  db: Db,
  now: Date,
  size: number,
  select: Batch,
  apply: (ids: string[]) => Promise<void>,
): Promise<{ checked: number; batches: number }> {
  let after = "";
  let checked = 0;
  let batches = 0;
  for (;;) {
    const ids = await select(db, now, after, size);
    if (ids.length === 0) break;
    batches++;
    checked += ids.length;
    await apply(ids);
    if (ids.length < size) break;
    after = ids[ids.length - 1]!;
  }
  return { checked, batches };
}

/**
 * The timer sweep (docs/architecture.md: time is an input). Finds what is due at `now` — jobs by
 * `due` (R-J2, R-J6, R-E2, R-D5, R-J11, R-J13) and open incidents by `incidentDue` (R-E1, R-E2's
 * 30 days, R-E4), both written in SQL (due-sql.ts) and selected in batches — and applies it as the sweep actor,
 * the domain deciding each transition: in one transaction per batch, set-based, the jobs that only
 * expire or are purged (sweepJobBatch) and the incidents' R-E1/R-E4 notices (sweepIncidentBatch);
 * every other due job, and R-E2's closes, through the same commands people use, one short
 * transaction each. Idempotent: a second run at the same `now` writes
 * nothing. Only one instance sweeps at a time (lock.ts); the others answer `ran: false`.
 */
export async function runSweep(
  db: Db,
  now: Date,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const report = emptyReport(now);
  const locked = await withSweepLock(options.lock ?? lockTarget(databaseUrl()), async () => {
    const size = options.batchSize ?? SWEEP_BATCH_SIZE;
    async function incident(id: string) {
      try {
        const r = await sweepIncident(db, id, now);
        if (r.ok) absorb(report, r.value);
        else
          report.errors.push({
            rule: "-",
            action: "incident",
            incidentId: id,
            detail: r.error.message,
          });
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e; // one line for the outage, not one per incident
        report.errors.push({ rule: "-", action: "incident", incidentId: id, detail: message(e) });
      }
    }
    async function job(id: string) {
      try {
        const r = await sweepJob(db, id, now);
        if (r.ok) absorb(report, r.value);
        else report.errors.push({ rule: "-", action: "job", jobId: id, detail: r.error.message });
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e;
        report.errors.push({ rule: "-", action: "job", jobId: id, detail: message(e) });
      }
    }
    // Incidents first: an R-E2 close makes the job Closed, whose 90 days then start (R-J13).
    const incidents = await inBatches(db, now, size, dueIncidentBatch, async (ids) => {
      // As the jobs' below: the notices in one transaction, R-E2's closes one command each.
      let perIncident: readonly string[] = ids;
      try {
        const r = await sweepIncidentBatch(db, ids, now);
        if (r.ok) {
          absorb(report, r.value);
          perIncident = r.value.perIncident;
        }
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e;
      }
      for (const id of perIncident) await incident(id);
    });
    const jobs = await inBatches(db, now, size, dueJobBatch, async (ids) => {
      // The batch's set-based part in one transaction; the jobs it hands back (several steps,
      // or the whole batch when it failed) one command each, so one bad job stops no other.
      let perJob: readonly string[] = ids;
      try {
        const r = await sweepJobBatch(db, ids, now);
        if (r.ok) {
          absorb(report, r.value);
          perJob = r.value.perJob;
        }
      } catch (e) {
        if (isDatabaseUnavailable(e)) throw e;
      }
      for (const id of perJob) await job(id);
    });
    report.checked = { jobs: jobs.checked, incidents: incidents.checked };
    report.batches = incidents.batches + jobs.batches;
    // Housekeeping: the requests' idempotency records past their retention.
    try {
      report.purgedIdempotencyRecords = await purgeIdempotencyRecords(db, now);
    } catch (e) {
      if (isDatabaseUnavailable(e)) throw e;
      report.errors.push({ rule: "-", action: "housekeeping", detail: message(e) });
    }
  });
  if (!locked.acquired) return { ...report, ran: false, skippedReason: locked.reason };
  return report;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
