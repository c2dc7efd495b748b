import {
  ARRIVED_DRIVE_STATES,
  BEGUN_DRIVE_STATES,
  JOB_PROGRESS_RANK,
  PROCESSED_DRIVE_STATES,
  driveGone,
  extraDrivesStillHere,
  listedDrives,
  type JobDrive,
  type JobSnapshot,
} from "./job-snapshot.ts";
import { FINISHED_JOB_STATES, type JobState } from "./states.ts";

type DrivesView = Pick<JobSnapshot, "state" | "cancelRequested" | "hadErrors" | "drives"> &
  Partial<Pick<JobSnapshot, "type" | "expectedDriveCount">>;

/** Why a job counts as having had errors (R-J12), each in words the job page can show. */
export type JobErrorReason = "copyErrors" | "neverReceived" | "destroyed" | "cancelled";

/**
 * R-J12: a job ends Closed when something went wrong while it was worked, and only then. What
 * counts is an error, not every issue a copy reports: a drive that finished with only warnings or
 * notes about overwritten blobs is rightly CompletedMoreInfo (R-D8 groups errors, warnings and
 * notes under that state), but its job still ends Completed. So:
 *
 * - copyErrors: a copy reported errors, or a supervisor gave a drive up (hadErrors is sticky: the
 *   drive command sets it from the report's error count, R-D8, and it survives the ship-back);
 * - neverReceived: a listed drive never arrived (R-D4, R-D5): the job did not import it;
 * - destroyed: a listed drive was destroyed rather than returned (R-E1, R-E4);
 * - cancelled: the job did not do what was asked, so it ends Closed (R-J14).
 */
export function jobErrorReasons(
  job: Pick<JobSnapshot, "hadErrors" | "cancelRequested" | "drives">,
): JobErrorReason[] {
  const listed = listedDrives(job.drives);
  const reasons: JobErrorReason[] = [];
  if (job.hadErrors) reasons.push("copyErrors");
  if (listed.some((d) => d.state === "NeverReceived")) reasons.push("neverReceived");
  if (listed.some((d) => d.disposal === "Destroyed")) reasons.push("destroyed");
  if (job.cancelRequested) reasons.push("cancelled");
  return reasons;
}

/** R-J12: whether the job ends Closed rather than Completed (see jobErrorReasons). */
export function jobHadErrors(
  job: Pick<JobSnapshot, "hadErrors" | "cancelRequested" | "drives">,
): boolean {
  return jobErrorReasons(job).length > 0;
}

/**
 * The job state its drives imply (R-J7..R-J12). It may lie behind the current state (after a
 * supervisor moved a drive back); nextJobStateAfterDriveChange only ever moves forward.
 *
 * - A Faulted job stays Faulted: only a supervisor takes it out (R-F3).
 * - A Creating job stays Creating whatever its drives do: nothing is processed before Shipping (R-E1).
 * - Completed and Closed are ends: the drives have left.
 * - A job with no listed drive (an export job before its drives arrive) stays where it is.
 * - A Faulted drive holds the job where it is: the job cannot advance past a drive nobody understands.
 * - R-E5, R-D11: extra drives go back with the job, so a job whose listed drives are all gone but
 *   that still has an extra drive here stays Packaging until that one is shipped back too.
 */
export function jobStateFromDrives(job: DrivesView): JobState {
  if (job.state === "Faulted" || job.state === "Creating") return job.state;
  if (FINISHED_JOB_STATES.includes(job.state)) return job.state;
  const listed = listedDrives(job.drives);
  if (listed.length === 0) return job.state;
  if (listed.some((d) => d.state === "Faulted")) return job.state;
  return withExtraDrives(stateImpliedBy(listed, job), job.drives);
}

/** R-E5, R-D11: an ending the listed drives imply waits in Packaging while an extra drive is here. */
export function withExtraDrives(implied: JobState, drives: readonly JobDrive[]): JobState {
  return FINISHED_JOB_STATES.includes(implied) && extraDrivesStillHere(drives).length > 0
    ? "Packaging"
    : implied;
}

/** The drives' verdict from Shipping onwards; every listed drive is known (none Faulted). */
export function stateImpliedBy(
  listed: readonly JobDrive[],
  job: Omit<DrivesView, "state">,
): JobState {
  // R-J7: every listed drive must be accounted for; a NeverReceived drive is accounted for.
  if (listed.some((d) => d.state === "Specified")) return "Shipping";
  // R-D2: an export job waits for as many drives as its delivery package announced.
  if (job.type === "Export" && listed.length < (job.expectedDriveCount ?? 0)) return "Shipping";
  const arrived = listed.filter((d) => ARRIVED_DRIVE_STATES.includes(d.state));
  // Nothing arrived: keep waiting (R-E2 closes it), unless it was cancelled: nothing to send back.
  if (arrived.length === 0) return job.cancelRequested ? "Closed" : "Shipping";
  // R-J10 / R-J12: every drive that came is gone again (shipped back, or destroyed: R-E1, R-E4).
  if (arrived.every(driveGone)) {
    return jobHadErrors({ ...job, drives: listed }) ? "Closed" : "Completed";
  }
  // R-J9; a cancelled job skips the copy, so its received drives count as processed (R-J14).
  const processed = (d: JobDrive) =>
    driveGone(d) ||
    PROCESSED_DRIVE_STATES.includes(d.state) ||
    (job.cancelRequested && d.state === "Received");
  if (arrived.every(processed)) return "Packaging";
  // R-J8.
  if (arrived.some((d) => BEGUN_DRIVE_STATES.includes(d.state))) return "Transferring";
  return "Received";
}

/**
 * What a command applies after each drive change: the new job state when the drives carry the job
 * forward, else null. Never moves a job backward, never moves a Faulted, Creating or finished job.
 */
export function nextJobStateAfterDriveChange(job: DrivesView): JobState | null {
  const derived = jobStateFromDrives(job);
  if (derived === job.state) return null;
  return JOB_PROGRESS_RANK[derived] > JOB_PROGRESS_RANK[job.state] ? derived : null;
}

/**
 * The states a job passes through on a forward move (ending with `to`), so that the event log and
 * the per-state timestamps show every step even when one drive change carries the job several
 * steps (a cancelled job: Shipping -> Received -> Packaging, R-J14 "same transitions").
 */
export function jobStatePath(job: DrivesView, to: JobState): JobState[] {
  const path: JobState[] = [];
  let at = job.state;
  while (at !== to && path.length < 6) {
    const next = nextStepToward(at, to, job);
    if (next === null) return [...path, to];
    path.push(next);
    at = next;
  }
  return path;
}

function nextStepToward(at: JobState, to: JobState, job: DrivesView): JobState | null {
  switch (at) {
    case "Shipping": {
      const anyArrived = listedDrives(job.drives).some((d) =>
        ARRIVED_DRIVE_STATES.includes(d.state),
      );
      return to === "Closed" && !anyArrived ? "Closed" : "Received";
    }
    case "Received":
      return job.cancelRequested && JOB_PROGRESS_RANK[to] >= JOB_PROGRESS_RANK.Packaging
        ? "Packaging"
        : "Transferring";
    case "Transferring":
      return "Packaging";
    case "Packaging":
      return to === "Completed" || to === "Closed" ? to : null;
    default:
      return null;
  }
}
