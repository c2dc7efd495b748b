import type { DriveEvent, DriveGuard, DriveSnapshot, JobContext } from "./drive-transitions.ts";
import type { Refusal } from "./refusal.ts";
import { FINISHED_JOB_STATES, type DriveState, type JobState } from "./states.ts";

/**
 * A failed guard, and whether it is about this drive at all: "the job is not cancelled" is beside
 * the point for an extra drive, so the refusal shown is the first one that applies.
 */
export type GuardFailure = { refusal: Refusal; applies: boolean };

const guardFailed = (message: string, rule: string, applies = true): GuardFailure => ({
  refusal: { code: "guard_failed", message, rule },
  applies,
});

/** R-D3, R-D10: drives are taken in while the job waits for them or is copying the others. */
const JOB_STATES_AWAITING_DRIVES: readonly JobState[] = ["Shipping", "Received", "Transferring"];

/** R-J7, R-D6: copying starts once the job has all its drives, and goes on while it transfers. */
const JOB_STATES_COPYING: readonly JobState[] = ["Received", "Transferring"];

/** R-E5, R-D11: an extra drive goes home "when the job completes": from Packaging on. */
const JOB_STATES_RETURNING_EXTRA: readonly JobState[] = ["Packaging", "Completed", "Closed"];

export function jobAwaitsDrives(job: Pick<JobContext, "state">): GuardFailure | null {
  if (JOB_STATES_AWAITING_DRIVES.includes(job.state)) return null;
  switch (job.state) {
    case "Creating":
      return guardFailed(
        "The job is still Creating: its drives are not processed until the customer marks it Shipping. Set the drive aside and open a 'job not shipping' incident (R-E1).",
        "R-E1",
      );
    case "Faulted":
      return guardFailed(
        "The job is Faulted: a supervisor must resolve it before its drives are taken in (R-F3).",
        "R-F3",
      );
    default:
      return guardFailed(
        `The job is ${job.state}: it has finished copying, so a drive arriving now needs a supervisor's decision (R-D10).`,
        "R-D10",
      );
  }
}

function jobAwaitsPackage(job: JobContext): GuardFailure | null {
  if (job.state === "Shipping") return null;
  return guardFailed(
    `A drive can be marked NeverReceived only while its job is Shipping and waits for the package; the job is ${job.state} (R-D4, R-D5).`,
    "R-D4",
  );
}

function copyMayStart(drive: DriveSnapshot, job: JobContext): GuardFailure | null {
  if (drive.extra) {
    return guardFailed(
      "This is an extra drive: it is not copied, and goes back to the customer with the job (R-E5).",
      "R-E5",
    );
  }
  if (job.cancelRequested) {
    return guardFailed(
      "The job was cancelled: a cancelled job skips the data copy (R-J14).",
      "R-J14",
    );
  }
  if (JOB_STATES_COPYING.includes(job.state)) return null;
  if (job.state === "Creating" || job.state === "Shipping") {
    return guardFailed(
      `The job is ${job.state}: copying starts only once every drive of the job has been received (R-J7).`,
      "R-J7",
    );
  }
  if (job.state === "Faulted") {
    return guardFailed(
      "The job is Faulted: no copy starts until a supervisor resolves it (R-F3).",
      "R-F3",
    );
  }
  return guardFailed(`The job is ${job.state}: its copy phase is over (R-J9).`, "R-J9");
}

function jobPackaging(job: JobContext): GuardFailure | null {
  if (job.state === "Packaging") return null;
  return guardFailed(
    `Drives are shipped back once every drive of the job has finished copying and the job is Packaging; the job is ${job.state} (R-J9). A supervisor can override.`,
    "R-J9",
  );
}

function jobCancelledCopySkipped(drive: DriveSnapshot, job: JobContext): GuardFailure | null {
  const applies = job.cancelRequested && !drive.extra;
  if (applies && job.state === "Packaging") return null;
  return guardFailed(
    `The job was cancelled, but it is ${job.state}: its drives go back together once every drive is accounted for and the job is Packaging (R-J14).`,
    "R-J14",
    applies,
  );
}

function extraDriveGoesHome(drive: DriveSnapshot, job: JobContext): GuardFailure | null {
  if (drive.extra && JOB_STATES_RETURNING_EXTRA.includes(job.state)) return null;
  return guardFailed(
    `An extra drive goes back to the customer when its job has finished copying; the job is ${job.state} (R-E5, R-D11).`,
    "R-D11",
    drive.extra,
  );
}

function supervisorOverride(
  drive: DriveSnapshot,
  event: DriveEvent,
  job: JobContext,
): GuardFailure | null {
  const asked = event.type === "shipBack" && event.supervisorOverride === true;
  // An extra drive can sit at the dock while its package's job is still Creating (R-E5, R-E1).
  if (asked && (job.state !== "Creating" || drive.extra)) return null;
  if (!asked) {
    return guardFailed(
      "This drive has not finished its copy; only a supervisor's override can ship it back now (R-D9).",
      "R-D9",
      false,
    );
  }
  return guardFailed(
    "The job is still Creating: none of its drives can have been received, so none can be shipped back (R-E1).",
    "R-E1",
  );
}

/** R-F3: where a Faulted drive may go, by where it came from. Never Faulted, never ShippedBack. */
const RESOLUTIONS_BY_ORIGIN: Readonly<Record<DriveState, readonly DriveState[]>> = {
  // Found after all, confirmed missing, or still expected.
  Specified: ["Specified", "Received", "NeverReceived"],
  NeverReceived: ["NeverReceived", "Received"],
  // Back in line for its copy, or given up as unreadable: it goes back with errors (R-D8).
  Received: ["Received", "CompletedMoreInfo"],
  // Resume, start the copy again, or give up with errors.
  Transferring: ["Transferring", "Received", "CompletedMoreInfo"],
  // A clean copy may turn out not to have been clean; never the other way round.
  Completed: ["Completed", "CompletedMoreInfo"],
  CompletedMoreInfo: ["CompletedMoreInfo"],
  ShippedBack: [],
  Faulted: [],
};

/** When the state a drive faulted from was lost, these are the states a supervisor can vouch for. */
const RESOLUTIONS_WITHOUT_ORIGIN: readonly DriveState[] = [
  "Received",
  "NeverReceived",
  "Completed",
  "CompletedMoreInfo",
];

/** An extra drive is never processed (R-E5), so it cannot be resolved into a copy state. */
const NOT_FOR_EXTRA_DRIVES: readonly DriveState[] = [
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
];

/**
 * R-F3: the states a supervisor may move a Faulted drive to. Going back to where it faulted from is
 * always possible; any other move must also suit the job, as the matching everyday event would
 * (receiving needs a job awaiting drives, restarting a copy needs a job in its copy phase, ...).
 * Without a job context, only the drive is considered.
 */
export function driveResolutionTargets(
  drive: DriveSnapshot,
  ctx?: { job: JobContext },
): DriveState[] {
  if (drive.state !== "Faulted") return [];
  const origin = drive.faultedFrom;
  const candidates = origin === null ? RESOLUTIONS_WITHOUT_ORIGIN : RESOLUTIONS_BY_ORIGIN[origin];
  return candidates.filter(
    (to) =>
      !(drive.extra && NOT_FOR_EXTRA_DRIVES.includes(to)) &&
      (ctx === undefined || to === origin || resolutionSuitsJob(origin, to, drive, ctx.job)),
  );
}

function resolutionSuitsJob(
  origin: DriveState | null,
  to: DriveState,
  drive: DriveSnapshot,
  job: JobContext,
): boolean {
  if (FINISHED_JOB_STATES.includes(job.state) && !drive.extra) return false;
  if (to === "NeverReceived") return job.state === "Shipping";
  if (to === "Received" && origin === "Transferring") return JOB_STATES_COPYING.includes(job.state);
  if (to === "Received") return drive.extra || jobAwaitsDrives(job) === null;
  if (to === "Transferring") return JOB_STATES_COPYING.includes(job.state) && !job.cancelRequested;
  if (to === "CompletedMoreInfo" || to === "Completed") {
    return ["Shipping", "Received", "Transferring", "Packaging"].includes(job.state);
  }
  return true;
}

function resolutionTarget(
  drive: DriveSnapshot,
  event: DriveEvent,
  job: JobContext,
): GuardFailure | null {
  if (event.type !== "resolveFault") return null;
  const targets = driveResolutionTargets(drive, { job });
  if (targets.includes(event.to)) return null;
  const from = drive.faultedFrom ?? "an unknown state";
  return {
    refusal: {
      code: "invalid_resolution",
      message:
        targets.length === 0
          ? `A drive that faulted from ${from} cannot be resolved while its job is ${job.state} (R-F3).`
          : `A drive that faulted from ${from} can be resolved now only to ${targets.join(", ")} (R-F3).`,
      rule: "R-F3",
    },
    applies: true,
  };
}

export function checkDriveGuard(
  guard: DriveGuard,
  drive: DriveSnapshot,
  event: DriveEvent,
  job: JobContext,
): GuardFailure | null {
  switch (guard) {
    case "jobAwaitsDrives":
      return jobAwaitsDrives(job);
    case "jobAwaitsPackage":
      return jobAwaitsPackage(job);
    case "copyMayStart":
      return copyMayStart(drive, job);
    case "jobPackaging":
      return jobPackaging(job);
    case "jobCancelledCopySkipped":
      return jobCancelledCopySkipped(drive, job);
    case "extraDriveGoesHome":
      return extraDriveGoesHome(drive, job);
    case "supervisorOverride":
      return supervisorOverride(drive, event, job);
    case "resolutionTarget":
      return resolutionTarget(drive, event, job);
  }
}
