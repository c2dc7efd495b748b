import type { Actor, DriveState, JobState, JobType } from "./states.ts";

/** What can happen to a drive. Each event names one fact reported at the dock or by a copy station. */
export type DriveEvent =
  | { type: "receive" }
  | { type: "markNeverReceived" }
  | { type: "startCopy" }
  | { type: "finishCopy"; errors: number; warnings: number; overwrittenBlobs?: number }
  | { type: "shipBack"; supervisorOverride?: boolean }
  | { type: "fault"; reason: string }
  | { type: "resolveFault"; to: DriveState };
export type DriveEventType = DriveEvent["type"];

export const DRIVE_EVENT_TYPES = [
  "receive",
  "markNeverReceived",
  "startCopy",
  "finishCopy",
  "shipBack",
  "fault",
  "resolveFault",
] as const satisfies readonly DriveEventType[];

export type DriveSnapshot = {
  state: DriveState;
  /** Where a Faulted drive came from (R-F3 resolves it from there); null when not Faulted. */
  faultedFrom: DriveState | null;
  /** Arrived in the package but not in the job's drive list (R-E5, R-D11): never copied. */
  extra: boolean;
};

/** What a drive's rules need to know about its job. */
export type JobContext = { type: JobType; state: JobState; cancelRequested: boolean };

export type DriveDecision = {
  to: DriveState;
  /** What to store as faultedFrom: the old state when faulting, null otherwise. */
  faultedFrom: DriveState | null;
  rule: string;
  /**
   * The job must remember an error even after this drive ships back (R-J12): the copy reported
   * errors (warnings and overwritten blobs alone are not errors, R-D8), a supervisor gave the drive
   * up, or sent it back before its copy finished.
   */
  recordsJobError: boolean;
};

/**
 * Names of the conditions a transition needs beyond its from-state and actor; drive-guards.ts
 * evaluates them. Kept as names so that the table stays plain data and can be drawn.
 */
export type DriveGuard =
  | "jobAwaitsDrives"
  | "jobAwaitsPackage"
  | "copyMayStart"
  | "jobPackaging"
  | "jobCancelledCopySkipped"
  | "extraDriveGoesHome"
  | "supervisorOverride"
  | "resolutionTarget";

export type DriveTransition = {
  event: DriveEventType;
  from: readonly DriveState[];
  to: DriveState;
  actors: readonly Actor[];
  guard?: DriveGuard;
  rule: string;
  /** A short label for the diagram edge. */
  when: string;
};

const FAULTABLE: readonly DriveState[] = [
  "Specified",
  "Received",
  "NeverReceived",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
];

/** Every state a Faulted drive may be resolved to (driveResolutionTargets narrows it per drive). */
export const DRIVE_RESOLUTION_STATES: readonly DriveState[] = [
  "Specified",
  "Received",
  "NeverReceived",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
];

/**
 * The drive life cycle as data (R-D1..R-D11, R-F1, R-F3). Supervisors appear wherever operators
 * do: lib/server maps supervisors and admins to "supervisor", and they work the dock too.
 * Rows are tried in order; the first whose actor and guard pass decides. finishCopy's target
 * follows from the copy station's report, so its two rows need no guard.
 */
// prettier-ignore
export const DRIVE_TRANSITIONS: readonly DriveTransition[] = [
  { event: "receive", from: ["Specified"], to: "Received", actors: ["operator", "supervisor"], guard: "jobAwaitsDrives", rule: "R-D3", when: "taken out of the carrier's package" },
  { event: "receive", from: ["NeverReceived"], to: "Received", actors: ["operator", "supervisor"], guard: "jobAwaitsDrives", rule: "R-D10", when: "arrived in another shipment" },
  { event: "markNeverReceived", from: ["Specified"], to: "NeverReceived", actors: ["operator", "supervisor"], guard: "jobAwaitsPackage", rule: "R-D4", when: "the package came without it" },
  { event: "markNeverReceived", from: ["Specified"], to: "NeverReceived", actors: ["sweep"], guard: "jobAwaitsPackage", rule: "R-D5", when: "14 days after the shipping information" },
  { event: "startCopy", from: ["Received"], to: "Transferring", actors: ["copyStation"], guard: "copyMayStart", rule: "R-D6", when: "copy begins" },
  { event: "finishCopy", from: ["Transferring"], to: "Completed", actors: ["copyStation"], rule: "R-D7", when: "no errors, warnings or overwritten blobs" },
  { event: "finishCopy", from: ["Transferring"], to: "CompletedMoreInfo", actors: ["copyStation"], rule: "R-D8", when: "errors, warnings or overwritten blobs" },
  { event: "shipBack", from: ["Completed", "CompletedMoreInfo"], to: "ShippedBack", actors: ["operator", "supervisor"], guard: "jobPackaging", rule: "R-D9", when: "shipped to the return address" },
  { event: "shipBack", from: ["Received"], to: "ShippedBack", actors: ["operator", "supervisor"], guard: "jobCancelledCopySkipped", rule: "R-J14", when: "job cancelled: copy skipped" },
  { event: "shipBack", from: ["Received"], to: "ShippedBack", actors: ["operator", "supervisor"], guard: "extraDriveGoesHome", rule: "R-D11", when: "extra drive returned with its job" },
  { event: "shipBack", from: ["Received", "Transferring", "Completed", "CompletedMoreInfo"], to: "ShippedBack", actors: ["supervisor"], guard: "supervisorOverride", rule: "R-D9", when: "supervisor override" },
  { event: "fault", from: FAULTABLE, to: "Faulted", actors: ["operator", "supervisor"], rule: "R-F1", when: "fails to progress normally" },
  ...DRIVE_RESOLUTION_STATES.map(
    (to): DriveTransition => ({ event: "resolveFault", from: ["Faulted"], to, actors: ["supervisor"], guard: "resolutionTarget", rule: "R-F3", when: "issue resolved" }),
  ),
];

/** R-D1, R-D2: an import job's drives are listed before they ship; an export job's exist once they arrive. */
export function initialDriveState(jobType: JobType): DriveState {
  return jobType === "Import" ? "Specified" : "Received";
}

/** R-D11: an extra drive is flagged as it comes out of a package, so it starts Received. */
export const EXTRA_DRIVE_INITIAL_STATE: DriveState = "Received";
