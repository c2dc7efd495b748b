import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { sqlRead } from "@/lib/server/sql/read.ts";
import { sqlTime } from "@/lib/server/sql/transaction.ts";

/**
 * How long a request's idempotency record (a dock scan's `scanId`, a copy station's
 * `Idempotency-Key`) is kept. A station retries within minutes; a dock screen that lost the network
 * replays its queued scans when it is back, which may be after a weekend. Past this, a replay is
 * judged as a new request: a scan of a drive already received is answered as a double scan, a
 * station's report as the drive stands then, so nothing is applied twice either way.
 */
export const IDEMPOTENCY_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;

/**
 * Delete the idempotency records older than the retention, a batch at a time (each batch its own
 * statement, so no long lock and no long transaction). Returns how many went.
 */
export async function purgeIdempotencyRecords(db: Db, now: Date): Promise<number> {
  const sql = sqlRead(db);
  const before = sqlTime(new Date(now.getTime() - IDEMPOTENCY_RETENTION_DAYS * DAY_MS));
  let purged = 0;
  for (;;) {
    const rows = await sql.rows<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${sql.t("IdempotencyRecord")}
          WHERE "key" IN (SELECT "key" FROM ${sql.t("IdempotencyRecord")}
                           WHERE "createdAt" < $1::timestamp
                           LIMIT ${BATCH})
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before],
    );
    const n = rows[0]?.n ?? 0;
    purged += n;
    if (n < BATCH) return purged;
  }
}
