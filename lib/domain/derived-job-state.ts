import {
  ARRIVED_DRIVE_STATES,
  BEGUN_DRIVE_STATES,
  JOB_PROGRESS_RANK,
  PROCESSED_DRIVE_STATES,
  listedDrives,
  type JobDrive,
  type JobSnapshot,
} from "./job-snapshot.ts";
import { FINISHED_JOB_STATES, type JobState } from "./states.ts";

type DrivesView = Pick<JobSnapshot, "state" | "cancelRequested" | "hadErrors" | "drives"> &
  Partial<Pick<JobSnapshot, "type" | "expectedDriveCount">>;

/**
 * R-J12: a job "had errors" when a copy met issues (R-D8, remembered in hadErrors once the drive
 * has shipped back), when a listed drive never arrived (R-D4, R-D5), or when it was cancelled:
 * a cancelled job did not do what was asked, so it ends Closed rather than Completed (R-J14).
 */
export function jobHadErrors(
  job: Pick<JobSnapshot, "hadErrors" | "cancelRequested" | "drives">,
): boolean {
  return (
    job.hadErrors ||
    job.cancelRequested ||
    listedDrives(job.drives).some(
      (d) => d.state === "CompletedMoreInfo" || d.state === "NeverReceived",
    )
  );
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
 */
export function jobStateFromDrives(job: DrivesView): JobState {
  if (job.state === "Faulted" || job.state === "Creating") return job.state;
  if (FINISHED_JOB_STATES.includes(job.state)) return job.state;
  const listed = listedDrives(job.drives);
  if (listed.length === 0) return job.state;
  if (listed.some((d) => d.state === "Faulted")) return job.state;
  return stateImpliedBy(listed, job);
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
  // R-J10 / R-J12.
  if (arrived.every((d) => d.state === "ShippedBack")) {
    return jobHadErrors({ ...job, drives: listed }) ? "Closed" : "Completed";
  }
  // R-J9; a cancelled job skips the copy, so its received drives count as processed (R-J14).
  const processed = (d: JobDrive) =>
    PROCESSED_DRIVE_STATES.includes(d.state) || (job.cancelRequested && d.state === "Received");
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
