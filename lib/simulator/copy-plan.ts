/**
 * How the simulator copies one drive: its size, its copy rate, how long that takes on the demo's
 * clock, and how the copy ends. Pure and deterministic: the same seed and drive give the same plan,
 * whatever order the drives are taken in.
 */

import { seededRandom, type Random } from "../random.ts";

export { seededRandom, type Random };

/** FNV-1a: a drive's id and the run's seed make the drive's own random stream. */
export function hashSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const TB = 1_000_000_000_000;
export const MB = 1_000_000;

/** Drive capacities as the vendors sell them, and how full customers send them. */
const CAPACITIES_TB = [3, 4, 6, 8] as const;
const FILL = [0.75, 0.95] as const;
/** A SATA hard drive read or written sequentially through BitLocker, over many files. */
const RATE_MB_S = [190, 250] as const;

/**
 * The demo's clock: at speed 1, one real second is six minutes of copying, so a drive that would
 * take 3 to 11 hours is copied in about 25 to 110 seconds. `--speed` multiplies it.
 */
export const DEMO_TIME_SCALE = 360;

/** At speed 1, a copy station reports progress every 5 s; faster demos report more often. */
export const REPORT_EVERY_MS = 5_000;
const MIN_REPORT_MS = 100;

export type CopyOutcome = {
  errorCount: number;
  warningCount: number;
  overwrittenBlobCount: number;
};

export type CopyPlan = {
  capacityBytes: number;
  bytes: number;
  rateBytesPerSecond: number;
  /** How long the copy takes in the datacenter. */
  copySeconds: number;
  /** How long it takes on the demo's clock at the chosen speed. */
  realDurationMs: number;
  reportEveryMs: number;
  outcome: CopyOutcome;
};

export type PlanOptions = { seed: number; speed: number; errorRate: number };

export function reportInterval(speed: number): number {
  return Math.max(MIN_REPORT_MS, Math.round(REPORT_EVERY_MS / speed));
}

/**
 * The plan for one drive. With probability `errorRate` the copy meets issues (R-D8): errors
 * (unreadable files, names the storage service refuses), warnings, or blobs it overwrote.
 */
export function planCopy(drive: { id: string }, options: PlanOptions): CopyPlan {
  if (!(options.speed > 0)) throw new Error("speed must be above 0");
  const r = seededRandom(hashSeed(options.seed, drive.id));
  const capacityBytes = r.pick(CAPACITIES_TB) * TB;
  const bytes = Math.round(capacityBytes * r.between(...FILL));
  const rateBytesPerSecond = Math.round(r.between(...RATE_MB_S) * MB);
  const copySeconds = bytes / rateBytesPerSecond;
  const troubled = r.next() < options.errorRate;
  const outcome: CopyOutcome = { errorCount: 0, warningCount: 0, overwrittenBlobCount: 0 };
  if (troubled) {
    switch (r.int(0, 2)) {
      case 0:
        outcome.errorCount = r.int(1, 40);
        outcome.warningCount = r.int(0, 12);
        break;
      case 1:
        outcome.warningCount = r.int(1, 25);
        break;
      default:
        outcome.overwrittenBlobCount = r.int(1, 300);
    }
  }
  return {
    capacityBytes,
    bytes,
    rateBytesPerSecond,
    copySeconds,
    realDurationMs: Math.round((copySeconds * 1000) / (DEMO_TIME_SCALE * options.speed)),
    reportEveryMs: reportInterval(options.speed),
    outcome,
  };
}

export function hasIssues(outcome: CopyOutcome): boolean {
  return outcome.errorCount + outcome.warningCount + outcome.overwrittenBlobCount > 0;
}

/**
 * Where a copy is after `elapsedMs` on the demo's clock, resumed from `fromPercent`: never past
 * 100, never backwards.
 */
export function progressAt(
  plan: Pick<CopyPlan, "bytes" | "realDurationMs">,
  elapsedMs: number,
  fromPercent = 0,
): { percentComplete: number; bytesTransferred: number; done: boolean } {
  const start = Math.min(Math.max(fromPercent, 0), 100) / 100;
  const fraction =
    plan.realDurationMs <= 0
      ? 1
      : Math.min(1, start + (Math.max(elapsedMs, 0) / plan.realDurationMs) * (1 - start));
  return {
    percentComplete: Math.floor(fraction * 100),
    bytesTransferred: Math.round(fraction * plan.bytes),
    done: fraction >= 1,
  };
}

/**
 * The storage account the logs go to, made from the job name (a station is not told the
 * customer's account): lowercase letters and digits, 3 to 24 characters, as Azure requires.
 */
export function logStorageAccount(jobName: string): string {
  const base = (jobName.split("-")[0] ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
  return `${base || "dockside"}logs`.slice(0, 24).padEnd(3, "0");
}

/** The copy's logs (R-G4), where the import/export service writes them. */
export function logUris(jobName: string, serial: string) {
  const base = `https://${logStorageAccount(jobName)}.blob.core.windows.net/dockside-logs/${encodeURIComponent(jobName)}/${encodeURIComponent(serial)}`;
  return { errorLogUri: `${base}_error.xml`, verboseLogUri: `${base}_verbose.xml` };
}

export function formatBytes(bytes: number): string {
  if (bytes >= TB) return `${(bytes / TB).toFixed(1)} TB`;
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.round(bytes / MB)} MB`;
}

export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}
