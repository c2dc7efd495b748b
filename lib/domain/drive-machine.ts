import { ACTOR_NAME, actorList, orList } from "./refusal-wording.ts";
import { checkDriveGuard, type GuardFailure } from "./drive-guards.ts";
import {
  DRIVE_EVENT_TYPES,
  DRIVE_RESOLUTION_STATES,
  DRIVE_TRANSITIONS,
  type DriveDecision,
  type DriveEvent,
  type DriveEventType,
  type DriveSnapshot,
  type DriveTransition,
  type JobContext,
} from "./drive-transitions.ts";
import { allow, refuse, type Decision, type Refusal } from "./refusal.ts";
import { FINISHED_JOB_STATES, type Actor, type DriveState } from "./states.ts";

const ACTION: Readonly<Record<DriveEventType, string>> = {
  receive: "mark a drive Received",
  markNeverReceived: "mark a drive NeverReceived",
  startCopy: "start a drive's copy",
  finishCopy: "report a drive's copy as finished",
  shipBack: "ship a drive back",
  fault: "mark a drive Faulted",
  resolveFault: "resolve a Faulted drive",
};

const PASSIVE: Readonly<Record<DriveEventType, string>> = {
  receive: "be received",
  markNeverReceived: "be marked NeverReceived",
  startCopy: "start copying",
  finishCopy: "finish copying",
  shipBack: "be shipped back",
  fault: "be marked Faulted",
  resolveFault: "be resolved",
};

/** The state the event aims at; for finishCopy the report decides (R-D7 clean, R-D8 with issues). */
function intendedState(event: DriveEvent): DriveState {
  switch (event.type) {
    case "receive":
      return "Received";
    case "markNeverReceived":
      return "NeverReceived";
    case "startCopy":
      return "Transferring";
    case "finishCopy":
      return event.errors + event.warnings + (event.overwrittenBlobs ?? 0) === 0
        ? "Completed"
        : "CompletedMoreInfo";
    case "shipBack":
      return "ShippedBack";
    case "fault":
      return "Faulted";
    case "resolveFault":
      return event.to;
  }
}

/** Reports that cannot be true are refused before anything else looks at them. */
function malformed(event: DriveEvent): Decision<never> | null {
  if (event.type === "finishCopy") {
    const counts = [event.errors, event.warnings, event.overwrittenBlobs ?? 0];
    if (!counts.every((n) => Number.isInteger(n) && n >= 0)) {
      return refuse(
        "invalid_copy_report",
        "A copy report needs whole, non-negative counts of errors, warnings and overwritten blobs.",
        "R-D8",
      );
    }
  }
  if (event.type === "fault" && event.reason.trim() === "") {
    return refuse(
      "reason_required",
      "Say why the drive is Faulted: operations will explain it to the customer (R-F2).",
      "R-F2",
    );
  }
  if (event.type === "resolveFault" && (event.to === "Faulted" || event.to === "ShippedBack")) {
    return refuse(
      "invalid_resolution",
      event.to === "Faulted"
        ? "A fault is resolved by moving the drive out of Faulted, not into it (R-F3)."
        : "A drive leaves Faulted for a state at the datacenter; ship it back afterwards (R-F3).",
      "R-F3",
    );
  }
  return null;
}

/**
 * R-J12: whether this change leaves the job with an error to remember. Only errors count: a copy
 * report with warnings or overwritten blobs alone makes the drive CompletedMoreInfo (R-D8) but is
 * not an error of the job (R-J12 closes a job for errors only).
 * A supervisor giving up on a drive (resolved to CompletedMoreInfo) or shipping it back before
 * its copy finished leaves data uncopied: that is an error.
 */
export function driveChangeRecordsJobError(
  row: Pick<DriveTransition, "to" | "guard">,
  drive: DriveSnapshot,
  event: DriveEvent,
): boolean {
  if (event.type === "finishCopy") return event.errors > 0;
  if (event.type === "resolveFault") return event.to === "CompletedMoreInfo";
  return (
    row.guard === "supervisorOverride" &&
    !drive.extra &&
    (drive.state === "Received" || drive.state === "Transferring")
  );
}

function decisionFor(row: DriveTransition, drive: DriveSnapshot, event: DriveEvent): DriveDecision {
  return {
    to: row.to,
    faultedFrom: row.to === "Faulted" ? drive.state : null,
    rule: row.rule,
    recordsJobError: driveChangeRecordsJobError(row, drive, event),
  };
}

const rulesOf = (rows: readonly DriveTransition[]) =>
  [...new Set(rows.map((r) => r.rule))].join(", ");

/**
 * Decide one drive event. Checks run from the coarsest to the finest, so the refusal names the
 * first thing that is wrong: who asks, whether it is a repeat, whether the transition exists,
 * whether the job is over, then the rule's own condition.
 */
export function decideDriveEvent(
  drive: DriveSnapshot,
  event: DriveEvent,
  actor: Actor,
  ctx: { job: JobContext },
): Decision<DriveDecision> {
  const { job } = ctx;
  const rows = DRIVE_TRANSITIONS.filter((r) => r.event === event.type);
  const actorsForEvent = rows.flatMap((r) => r.actors);
  if (!actorsForEvent.includes(actor)) {
    return refuse(
      "forbidden_actor",
      `${ACTOR_NAME[actor]} cannot ${ACTION[event.type]}; only ${actorList(actorsForEvent)} can.`,
      rulesOf(rows),
    );
  }
  const bad = malformed(event);
  if (bad) return bad;
  const target = intendedState(event);
  // Idempotence: a double scan or a retried report changes nothing and says so.
  if (drive.state === target) return refuse("already_in_state", `The drive is already ${target}.`);
  if (event.type === "resolveFault" && drive.state !== "Faulted") {
    return refuse(
      "not_faulted",
      `The drive is ${drive.state}, not Faulted: there is no fault to resolve.`,
      "R-F3",
    );
  }
  const fromRows = rows.filter((r) => r.to === target && r.from.includes(drive.state));
  if (fromRows.length === 0) {
    const from = rows.filter((r) => r.to === target).flatMap((r) => r.from);
    return refuse(
      "illegal_transition",
      `A ${drive.state} drive cannot ${PASSIVE[event.type]}; only a drive that is ${orList(from)} can (${rulesOf(rows)}).`,
      rulesOf(rows),
    );
  }
  const actorRows = fromRows.filter((r) => r.actors.includes(actor));
  if (actorRows.length === 0) {
    const who = fromRows.flatMap((r) => r.actors);
    return refuse(
      "forbidden_actor",
      `Only ${actorList(who)} can ${ACTION[event.type]} when it is ${drive.state}.`,
      rulesOf(fromRows),
    );
  }
  // Once a job is Completed or Closed its listed drives have left for good; a supervisor can still
  // put a Faulted one back where it was (driveResolutionTargets allows only that).
  if (FINISHED_JOB_STATES.includes(job.state) && !drive.extra && event.type !== "resolveFault") {
    return refuse(
      "guard_failed",
      `The job is ${job.state}: its drives can no longer change (${job.state === "Completed" ? "R-J10" : "R-J12"}).`,
      job.state === "Completed" ? "R-J10" : "R-J12",
    );
  }
  const failures: GuardFailure[] = [];
  for (const row of actorRows) {
    const failure = row.guard ? checkDriveGuard(row.guard, drive, event, job) : null;
    if (failure === null) return allow(decisionFor(row, drive, event));
    failures.push(failure);
  }
  if (event.type === "shipBack" && event.supervisorOverride === true && actor !== "supervisor") {
    return refuse(
      "forbidden_actor",
      "Only a supervisor can override and ship back a drive before its job is Packaging (R-D9).",
      "R-D9",
    );
  }
  const refusal = failures.find((f) => f.applies)?.refusal ??
    shipBackTooEarly(drive, job) ??
    failures[0]?.refusal ?? {
      code: "guard_failed",
      message: `A ${drive.state} drive cannot ${PASSIVE[event.type]} while its job is ${job.state}.`,
    };
  return { ok: false, refusal };
}

/** When no shipBack rule is about this drive, say what the ways out are. */
function shipBackTooEarly(drive: DriveSnapshot, job: JobContext): Refusal | null {
  if (drive.state !== "Received") return null;
  return {
    code: "guard_failed",
    message: `The drive has not been copied and the job is ${job.state}: it can be shipped back only when the job is cancelled (R-J14), when it is an extra drive (R-D11), or by a supervisor's override (R-D9).`,
    rule: "R-D9",
  };
}

/** One representative of each event, with every variant whose outcome can differ. */
function sampleEvents(type: DriveEventType): DriveEvent[] {
  switch (type) {
    case "finishCopy":
      return [
        { type, errors: 0, warnings: 0 },
        { type, errors: 1, warnings: 0 },
      ];
    case "shipBack":
      return [{ type }, { type, supervisorOverride: true }];
    case "fault":
      return [{ type, reason: "reason" }];
    case "resolveFault":
      return DRIVE_RESOLUTION_STATES.map((to) => ({ type, to }));
    default:
      return [{ type }];
  }
}

/** What this actor may send for this drive now: the UI offers only these (docs/architecture.md). */
export function allowedDriveEvents(
  drive: DriveSnapshot,
  actor: Actor,
  ctx: { job: JobContext },
): DriveEventType[] {
  return DRIVE_EVENT_TYPES.filter((type) =>
    sampleEvents(type).some((event) => decideDriveEvent(drive, event, actor, ctx).ok),
  );
}
