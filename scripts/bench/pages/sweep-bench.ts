/**
 * The sweep at scale, in this process through the app's own modules: with nothing due (median of
 * five runs) and with 1 % of the jobs due (R-J2: Creating jobs past their 14 days; median of
 * `--due-runs` runs, three by default, each on a fresh 1 %).
 */
import type pg from "pg";
import { median, summarize } from "../measure.ts";
import { log } from "../report.ts";
import { makeCreatingDue } from "./bulk-seed.ts";

export type SweepTiming = { ms: number; checked: number; applied: number; errors: number };

async function sweepOnce(url: string, now: Date): Promise<SweepTiming> {
  const { createDb } = await import("../../../lib/server/db.ts");
  const { runSweep } = await import("../../../lib/server/sweep/sweep.ts");
  const db = createDb(url);
  try {
    const t0 = performance.now();
    const report = await runSweep(db, now, { lock: { url, schema: "public" } });
    const ms = performance.now() - t0;
    if (!report.ran) throw new Error(`the sweep did not run: ${report.skippedReason}`);
    return {
      ms,
      checked: report.checked.jobs + report.checked.incidents,
      applied: report.applied.length,
      errors: report.errors.length,
    };
  } finally {
    await db.$disconnect();
  }
}

export async function sweepNothingDue(url: string, now: Date, runs = 5) {
  const timings: SweepTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await sweepOnce(url, now));
  const ms = median(timings.map((t) => t.ms));
  const { p95 } = summarize({ latencies: timings.map((t) => t.ms), failed: 0, elapsedMs: 0 });
  log(
    `  nothing due: median ${ms.toFixed(1)} ms over ${runs} runs (checked ${timings[0]?.checked}, applied ${timings[0]?.applied})`,
  );
  return { ms, p95, timings };
}

export async function sweepOnePercentDue(
  client: pg.Client,
  url: string,
  jobs: number,
  now: Date,
  runs = 3,
) {
  const due = Math.max(1, Math.round(jobs / 100));
  const timings: SweepTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const made = await makeCreatingDue(client, due, now);
    const t = await sweepOnce(url, now);
    if (t.errors > 0 || t.applied < made) {
      throw new Error(`1 % due: ${made} made due, ${t.applied} applied, ${t.errors} errors`);
    }
    timings.push(t);
  }
  const ms = median(timings.map((t) => t.ms));
  const { p95 } = summarize({ latencies: timings.map((t) => t.ms), failed: 0, elapsedMs: 0 });
  log(`  1 % due (${due} jobs): median ${ms.toFixed(0)} ms over ${runs} run(s)`);
  return { ms, p95, due, timings };
}
