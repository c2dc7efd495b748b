import { listedDrives } from "./job-snapshot.ts";
import type { DriveState, JobState } from "./states.ts";

export type ProgressDrive = {
  state: DriveState;
  /** The copy station's last reported percentage for this drive. */
  percent: number;
  extra: boolean;
  /** A Faulted drive counts where it faulted from; without it, its last reported percentage. */
  faultedFrom?: DriveState | null;
};

/** How far one drive is, 0..100, or null when it does not count (it never arrived). */
function driveProgress(
  state: DriveState,
  percent: number,
  faultedFrom: DriveState | null,
): number | null {
  switch (state) {
    case "Specified":
    case "Received":
      return 0;
    case "NeverReceived":
      return null;
    case "Transferring":
      return clamp(percent);
    case "Completed":
    case "CompletedMoreInfo":
      return 100;
    case "ShippedBack":
      // What was copied before it left: 100 after a finished copy, 0 for a cancelled job's drive
      // that skipped its copy (R-J14), the last report for one a supervisor sent back early.
      return clamp(percent);
    case "Faulted":
      return faultedFrom === null || faultedFrom === "Faulted"
        ? clamp(percent)
        : driveProgress(faultedFrom, percent, null);
  }
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
}

/**
 * R-G2: the approximate percentage of the job that is complete, a whole number 0..100: how much of
 * the copy was done. Nothing is done before the drives are in (Creating, Shipping). After that,
 * the average of the listed drives' progress: extra drives are not the job's work (R-E5) and
 * drives that never arrived are not counted (R-D4), so a late drive that turns up (R-D10) adds
 * work and can lower the figure; that is the honest answer. An ended job says what happened: 100
 * when every drive was copied, 0 when it was cancelled before any copy (R-J14) or closed because
 * its package never came (R-E2). It is never 100 just because the job has ended.
 */
export function percentComplete(job: {
  state: JobState;
  drives: readonly ProgressDrive[];
}): number {
  if (job.state === "Creating" || job.state === "Shipping") return 0;
  const progress = listedDrives(job.drives)
    .map((d) => driveProgress(d.state, d.percent, d.faultedFrom ?? null))
    .filter((p): p is number => p !== null);
  if (progress.length === 0) return 0;
  const average = progress.reduce((sum, p) => sum + p, 0) / progress.length;
  return Math.round(clamp(average));
}
