import { nextJobStateAfterDriveChange } from "./derived-job-state.ts";
import {
  BEGUN_DRIVE_STATES,
  extraDrivesStillHere,
  listedDrives,
  type JobSnapshot,
} from "./job-snapshot.ts";
import type { JobDecision } from "./job-transitions.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import type { JobState } from "./states.ts";

/**
 * R-J14, our choice (the seed leaves the states open): a job can be cancelled until its copy
 * begins, because cancelling means its data is never copied.
 *
 * - Creating: no drive has reached us; the job goes straight to Closed.
 * - Shipping: the drives may be on their way; the job is marked cancelled and carries on: drives
 *   that arrive are received as usual, never copied, and go back; if none arrives, it closes.
 * - Received: every drive is here and none is being copied; the copy is skipped, so the job goes
 *   to Packaging at once and its drives are shipped back.
 *
 * Refused from Transferring on (the copy has begun and runs to its end), in Completed and Closed
 * (nothing left to cancel) and in Faulted (a supervisor resolves it first).
 * A cancelled job ends Closed, never Completed: it did not do what was asked (R-J12).
 */
export const CANCELLABLE_JOB_STATES: readonly JobState[] = ["Creating", "Shipping", "Received"];

const COPY_HAS_BEGUN =
  "The job can no longer be cancelled: its copy has begun. The drives will be returned when it finishes (R-J14).";

const WHY_NOT: Readonly<Partial<Record<JobState, string>>> = {
  Transferring: COPY_HAS_BEGUN,
  Packaging:
    "The job can no longer be cancelled: its copy has finished and the drives are being packed to go back (R-J14).",
  Completed: "The job is Completed: there is nothing left to cancel (R-J14).",
  Closed: "The job is Closed: there is nothing left to cancel (R-J14).",
  Faulted:
    "The job is Faulted: a supervisor must resolve it first; it can then be cancelled if it is still Creating, Shipping or Received (R-J14).",
};

export function decideCancel(job: JobSnapshot): Decision<JobDecision> {
  if (job.cancelRequested)
    return refuse("already_in_state", "The job is already cancelled.", "R-J14");
  if (!CANCELLABLE_JOB_STATES.includes(job.state)) {
    return refuse(
      "not_cancellable",
      WHY_NOT[job.state] ?? `A ${job.state} job cannot be cancelled (R-J14).`,
      "R-J14",
    );
  }
  if (job.state === "Creating") {
    // Closing would leave a Faulted drive behind with no job to resolve it in (R-F3).
    if (listedDrives(job.drives).some((d) => d.state === "Faulted")) {
      return refuse(
        "guard_failed",
        "A drive of this job is Faulted: a supervisor must resolve it before the job is cancelled (R-F3).",
        "R-F3",
      );
    }
    // A job ends only once every drive here has gone back (R-E5): an extra drive that came in the
    // package of this never-shipped job is returned or destroyed on its incident first.
    if (extraDrivesStillHere(job.drives).length > 0) {
      return refuse(
        "guard_failed",
        "An extra drive that came with this job's package is still at the datacenter: record its return (or destruction) on its incident first, then cancel the job (R-E5, R-J14).",
        "R-E5",
      );
    }
    return allow({ to: "Closed", setCancelRequested: true, rule: "R-J14" });
  }
  // A stale snapshot could show a copy that began after the job turned Received.
  if (listedDrives(job.drives).some((d) => BEGUN_DRIVE_STATES.includes(d.state))) {
    return refuse("not_cancellable", COPY_HAS_BEGUN, "R-J14");
  }
  // Same transitions minus the copy: the drives decide where the cancelled job stands now.
  const to = nextJobStateAfterDriveChange({ ...job, cancelRequested: true }) ?? job.state;
  return allow({ to, setCancelRequested: true, rule: "R-J14" });
}
