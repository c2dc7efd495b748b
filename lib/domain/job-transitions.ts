import type { Actor, JobState } from "./states.ts";

/** R-J1: Put Job creates the job in Creating; the service assumes its drives are not shipped yet. */
export const INITIAL_JOB_STATE: JobState = "Creating";

/** What can be asked of a job. Drive-driven moves are not events: see DERIVED_JOB_TRANSITIONS. */
export type JobEvent =
  | { type: "updateProperties" }
  /**
   * Update Job Properties with a new drive list (import jobs, R-D1). `heldDrives`: serials of the
   * job's drives that already reached the dock although the job never shipped (R-E1);
   * `extraDrivesNamed`: serials the new list names that arrived as extra drives of the job (R-E5).
   */
  | {
      type: "replaceDriveList";
      heldDrives: readonly string[];
      extraDrivesNamed?: readonly string[];
    }
  | { type: "markShipping" }
  | { type: "cancel"; reason: string }
  | { type: "fault"; reason: string }
  | { type: "resolveFault"; to: JobState }
  /** R-E2: `answerDueAt` is the package-overdue incident's answer deadline. */
  | { type: "closeOverdue"; answerDueAt: Date }
  | { type: "expire" }
  | { type: "purge" }
  /** Delete Job by the customer; `heldDrives` as for replaceDriveList. */
  | { type: "delete"; heldDrives: readonly string[] };
export type JobEventType = JobEvent["type"];

export const JOB_EVENT_TYPES = [
  "updateProperties",
  "replaceDriveList",
  "markShipping",
  "cancel",
  "fault",
  "resolveFault",
  "closeOverdue",
  "expire",
  "purge",
  "delete",
] as const satisfies readonly JobEventType[];

/** "Deleted" is not a state a job is in: the row goes (with a tombstone in the event log for purges and deletions). */
export type JobTarget = JobState | "Deleted";

export type JobDecision = {
  to: JobTarget;
  rule: string;
  /** R-J3: restart the 14-day Creating timeout from now. */
  resetCreatingTimer?: boolean;
  /** R-J6, R-D5: the service got the shipping information now. */
  startShippingTimer?: boolean;
  /** R-J14: remember the cancellation; the copy will be skipped. */
  setCancelRequested?: boolean;
  /** What to store as faultedFrom when present: the old state when faulting, null when resolving. */
  faultedFrom?: JobState | null;
  /** R-J11, R-J13: keep a tombstone event so the job's history outlives the row. */
  tombstone?: boolean;
};

export type JobGuard =
  | "deliveryAndReturnSet"
  | "notCancelled"
  | "noCopyBegun"
  | "answerOverdue"
  | "creatingTimedOut"
  | "retentionOver"
  | "resolutionTarget"
  | "driveListReplaceable"
  | "nothingAtDatacenter";

export type JobTransition = {
  event: JobEventType;
  from: readonly JobState[];
  to: JobTarget;
  actors: readonly Actor[];
  guard?: JobGuard;
  rule: string;
  when: string;
};

const FAULTABLE: readonly JobState[] = [
  "Creating",
  "Shipping",
  "Received",
  "Transferring",
  "Packaging",
];
const RESOLVABLE: readonly JobState[] = [
  "Creating",
  "Shipping",
  "Received",
  "Transferring",
  "Packaging",
  "Completed",
  "Closed",
];

/**
 * The job transitions someone asks for, as data (R-J2..R-J5, R-J11, R-J13, R-J14, R-E2, R-F1,
 * R-F3). Customers act through the API or status page; the sweep applies timers.
 *
 * Delete Job (our choice; the seed names no customer deletion): a customer may delete a job that
 * never shipped (Creating: what R-J2 would do after 14 days) or a finished one (Completed,
 * Closed: what R-J11/R-J13 do after 90 days), never one whose drives are on their way or with us.
 * It leaves a tombstone event like the purge.
 */
// prettier-ignore
export const JOB_TRANSITIONS: readonly JobTransition[] = [
  { event: "updateProperties", from: ["Creating"], to: "Creating", actors: ["customer"], guard: "notCancelled", rule: "R-J3", when: "resets the 14-day timeout" },
  { event: "updateProperties", from: ["Shipping"], to: "Shipping", actors: ["customer"], guard: "notCancelled", rule: "R-J4", when: "details corrected in transit" },
  { event: "replaceDriveList", from: ["Creating"], to: "Creating", actors: ["customer"], guard: "driveListReplaceable", rule: "R-J3", when: "drive list replaced before shipping (R-D1)" },
  { event: "markShipping", from: ["Creating"], to: "Shipping", actors: ["customer"], guard: "deliveryAndReturnSet", rule: "R-J4", when: "package shipped (R-J5)" },
  { event: "cancel", from: ["Creating"], to: "Closed", actors: ["customer", "supervisor"], rule: "R-J14", when: "cancelled before shipping" },
  { event: "cancel", from: ["Shipping"], to: "Shipping", actors: ["customer", "supervisor"], rule: "R-J14", when: "cancelled in transit: copy will be skipped" },
  { event: "cancel", from: ["Received"], to: "Packaging", actors: ["customer", "supervisor"], guard: "noCopyBegun", rule: "R-J14", when: "cancelled before the copy: copy skipped" },
  { event: "fault", from: FAULTABLE, to: "Faulted", actors: ["operator", "supervisor"], rule: "R-F1", when: "fails to progress normally" },
  ...RESOLVABLE.map((to): JobTransition => ({ event: "resolveFault", from: ["Faulted"], to, actors: ["supervisor"], guard: "resolutionTarget", rule: "R-F3", when: "issue resolved" })),
  { event: "closeOverdue", from: ["Shipping"], to: "Closed", actors: ["sweep"], guard: "answerOverdue", rule: "R-E2", when: "no answer 30 days after the package went missing" },
  { event: "expire", from: ["Creating"], to: "Deleted", actors: ["sweep"], guard: "creatingTimedOut", rule: "R-J2", when: "14 days in Creating" },
  { event: "purge", from: ["Completed"], to: "Deleted", actors: ["sweep"], guard: "retentionOver", rule: "R-J11", when: "90 days in Completed" },
  { event: "purge", from: ["Closed"], to: "Deleted", actors: ["sweep"], guard: "retentionOver", rule: "R-J13", when: "90 days in Closed" },
  { event: "delete", from: ["Creating"], to: "Deleted", actors: ["customer"], guard: "nothingAtDatacenter", rule: "R-J2", when: "deleted by the customer before shipping" },
  { event: "delete", from: ["Completed"], to: "Deleted", actors: ["customer"], guard: "nothingAtDatacenter", rule: "R-J11", when: "deleted by the customer before the 90 days" },
  { event: "delete", from: ["Closed"], to: "Deleted", actors: ["customer"], guard: "nothingAtDatacenter", rule: "R-J13", when: "deleted by the customer before the 90 days" },
];

/**
 * The moves a job makes because of its drives (derived-job-state.ts), for the diagram and for
 * checking that jobStatePath only ever walks these edges.
 */
// prettier-ignore
export const DERIVED_JOB_TRANSITIONS: readonly { from: JobState; to: JobState; rule: string; when: string }[] = [
  { from: "Shipping", to: "Received", rule: "R-J7", when: "every drive accounted for, one received" },
  { from: "Shipping", to: "Closed", rule: "R-J14", when: "cancelled and no drive arrived" },
  { from: "Received", to: "Transferring", rule: "R-J8", when: "a drive began processing" },
  { from: "Received", to: "Packaging", rule: "R-J14", when: "cancelled: copy skipped" },
  { from: "Transferring", to: "Packaging", rule: "R-J9", when: "every drive processed" },
  { from: "Packaging", to: "Completed", rule: "R-J10", when: "all shipped back, no errors" },
  { from: "Packaging", to: "Closed", rule: "R-J12", when: "all shipped back, with errors" },
];
