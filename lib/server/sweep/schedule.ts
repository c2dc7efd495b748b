import "server-only";
import { db } from "@/lib/server/db.ts";
import {
  describeDatabaseError,
  isDatabaseUnavailable,
} from "@/lib/server/http/database-unavailable.ts";
import { formatReport, runSweep } from "./sweep.ts";

export const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

const globalForSweep = globalThis as unknown as { docksideSweepTimer?: NodeJS.Timeout };

async function tick() {
  try {
    const report = await runSweep(db, new Date());
    // Quiet when there was nothing to do: a line every five minutes helps no one.
    if (!report.ran || report.applied.length || report.refused.length || report.errors.length) {
      (report.errors.length ? console.error : console.info)(formatReport(report));
    }
  } catch (e) {
    if (isDatabaseUnavailable(e)) {
      console.error(
        `sweep did not finish: the database is not answering (${describeDatabaseError(e)}); the next sweep runs in ${SWEEP_INTERVAL_MS / 60_000} minutes`,
      );
    } else {
      console.error("sweep failed:", e instanceof Error ? e.message : e);
    }
  }
}

/**
 * Sweep every five minutes inside the server (instrumentation.ts). The timers are unref'd so they
 * never keep a process alive, and started once per process even across hot reloads.
 */
export function startSweepSchedule(intervalMs = SWEEP_INTERVAL_MS): void {
  if (globalForSweep.docksideSweepTimer) return;
  globalForSweep.docksideSweepTimer = setInterval(() => void tick(), intervalMs).unref();
  setTimeout(() => void tick(), 10_000).unref(); // a first pass soon after start
}
