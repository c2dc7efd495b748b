import {
  jobHadErrors,
  jobStateFromDrives,
  stateImpliedBy,
  withExtraDrives,
} from "./derived-job-state.ts";
import {
  AT_DATACENTER_DRIVE_STATES,
  driveGone,
  extraDrivesStillHere,
  listedDrives,
  type JobSnapshot,
} from "./job-snapshot.ts";
import { JOB_STATES, type JobState } from "./states.ts";

type DrivesView = Pick<
  JobSnapshot,
  "state" | "faultedFrom" | "cancelRequested" | "hadErrors" | "drives"
> &
  Partial<Pick<JobSnapshot, "type" | "expectedDriveCount">>;

/**
 * Whether a job could sit in `state` with these drives without contradicting them. Used to offer a
 * supervisor only sensible ways out of Faulted (R-F3), and by the property tests as the invariant.
 * A Faulted drive could be anywhere, so it never contradicts a state between Shipping and Packaging.
 */
export function jobStateConsistentWithDrives(
  state: JobState,
  job: Omit<DrivesView, "state">,
): boolean {
  const all = listedDrives(job.drives);
  const known = all.filter((d) => d.state !== "Faulted");
  switch (state) {
    case "Faulted":
      return true;
    case "Creating":
      // R-E1: nothing is processed before Shipping.
      return known.every((d) => d.state === "Specified");
    case "Completed":
      // R-J10, and R-E5: the extra drives went back with it.
      return (
        all.every(driveGone) && extraDrivesStillHere(job.drives).length === 0 && !jobHadErrors(job)
      );
    case "Closed":
      // R-J12, and R-E2's Shipping -> Closed: no drive, listed or extra (R-E5), is left here.
      return (
        all.every(
          (d) =>
            driveGone(d) ||
            (d.state !== "Faulted" && !AT_DATACENTER_DRIVE_STATES.includes(d.state)),
        ) && extraDrivesStillHere(job.drives).length === 0
      );
    default: {
      if (all.length === 0) return state === "Shipping";
      if (known.length < all.length) return true;
      const implied = withExtraDrives(stateImpliedBy(all, job), job.drives);
      // A Transferring job whose drives were all put back to Received can resume copying.
      if (state === "Transferring") return implied === "Transferring" || implied === "Received";
      return implied === state;
    }
  }
}

/**
 * R-F3: where a supervisor may move a Faulted job. First the state its drives imply now (computed
 * from where the job was when it faulted), then, when different and still consistent with the
 * drives, the state it faulted from. A Creating job goes back to Creating (nothing to derive). When
 * the faulted-from state was lost, every state consistent with the drives is offered.
 * Never Faulted itself.
 */
export function jobResolutionTargets(job: DrivesView): JobState[] {
  if (job.state !== "Faulted") return [];
  const from = job.faultedFrom;
  if (from === null || from === "Faulted") {
    return JOB_STATES.filter((s) => s !== "Faulted" && jobStateConsistentWithDrives(s, job));
  }
  const derived = jobStateFromDrives({ ...job, state: from });
  const targets: JobState[] = [derived];
  if (from !== derived && jobStateConsistentWithDrives(from, job)) targets.push(from);
  return targets;
}
