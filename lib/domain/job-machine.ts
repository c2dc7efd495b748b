import { ACTOR_NAME, actorList, orList } from "./refusal-wording.ts";
import { decideCancel } from "./job-cancellation.ts";
import { checkJobGuard } from "./job-guards.ts";
import type { JobSnapshot } from "./job-snapshot.ts";
import {
  JOB_EVENT_TYPES,
  JOB_TRANSITIONS,
  type JobDecision,
  type JobEvent,
  type JobEventType,
  type JobTransition,
} from "./job-transitions.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import { JOB_STATES, type Actor, type JobState } from "./states.ts";

const ACTION: Readonly<Record<JobEventType, string>> = {
  updateProperties: "update a job's properties",
  replaceDriveList: "replace a job's drive list",
  markShipping: "mark a job Shipping",
  cancel: "cancel a job",
  fault: "mark a job Faulted",
  resolveFault: "resolve a Faulted job",
  closeOverdue: "close a job whose package is overdue",
  expire: "expire a Creating job",
  purge: "purge a finished job",
  delete: "delete a job",
};

const PASSIVE: Readonly<Record<JobEventType, string>> = {
  updateProperties: "have its properties updated",
  replaceDriveList: "have its drive list replaced",
  markShipping: "move to Shipping",
  cancel: "be cancelled",
  fault: "be marked Faulted",
  resolveFault: "be resolved",
  closeOverdue: "be closed for a missing package",
  expire: "expire",
  purge: "be purged",
  delete: "be deleted",
};

/** The state the event aims at, when repeating it could be a harmless double submit. */
function aimedAt(event: JobEvent): JobState | null {
  switch (event.type) {
    case "markShipping":
      return "Shipping";
    case "fault":
      return "Faulted";
    case "resolveFault":
      return event.to;
    case "closeOverdue":
      return "Closed";
    default:
      return null;
  }
}

function malformed(event: JobEvent): Decision<never> | null {
  if (event.type === "fault" && event.reason.trim() === "") {
    return refuse(
      "reason_required",
      "Say why the job is Faulted: operations will explain it to the customer (R-F2).",
      "R-F2",
    );
  }
  if (event.type === "resolveFault" && event.to === "Faulted") {
    return refuse(
      "invalid_resolution",
      "A fault is resolved by moving the job out of Faulted, not into it (R-F3).",
      "R-F3",
    );
  }
  return null;
}

function decisionFor(row: JobTransition, job: JobSnapshot): JobDecision {
  switch (row.event) {
    case "replaceDriveList":
      return { to: row.to, rule: row.rule, resetCreatingTimer: true };
    case "updateProperties":
      return job.state === "Creating"
        ? { to: row.to, rule: row.rule, resetCreatingTimer: true }
        : { to: row.to, rule: row.rule };
    case "markShipping":
      return { to: row.to, rule: row.rule, startShippingTimer: true };
    case "fault":
      return { to: row.to, rule: row.rule, faultedFrom: job.state };
    case "resolveFault":
      return { to: row.to, rule: row.rule, faultedFrom: null };
    case "purge":
    case "delete":
      return { to: row.to, rule: row.rule, tombstone: true };
    case "expire":
      // A job that never shipped leaves nothing to account for.
      return { to: row.to, rule: row.rule, tombstone: false };
    default:
      return { to: row.to, rule: row.rule };
  }
}

const rulesOf = (rows: readonly JobTransition[]) =>
  [...new Set(rows.map((r) => r.rule))].join(", ");

/**
 * Decide one job event: who asks, then whether it is a repeat, whether the transition exists from
 * here, then the rule's own condition. Cancellation has its own answers (job-cancellation.ts).
 */
export function decideJobEvent(
  job: JobSnapshot,
  event: JobEvent,
  actor: Actor,
  now: Date,
): Decision<JobDecision> {
  const rows = JOB_TRANSITIONS.filter((r) => r.event === event.type);
  const actors = rows.flatMap((r) => r.actors);
  if (!actors.includes(actor)) {
    return refuse(
      "forbidden_actor",
      `${ACTOR_NAME[actor]} cannot ${ACTION[event.type]}; only ${actorList(actors)} can.`,
      rulesOf(rows),
    );
  }
  const bad = malformed(event);
  if (bad) return bad;
  if (event.type === "cancel") return decideCancel(job);
  const target = aimedAt(event);
  if (target !== null && job.state === target) {
    return refuse("already_in_state", `The job is already ${target}.`);
  }
  if (event.type === "resolveFault" && job.state !== "Faulted") {
    return refuse(
      "not_faulted",
      `The job is ${job.state}, not Faulted: there is no fault to resolve.`,
      "R-F3",
    );
  }
  const row = rows.find(
    (r) => r.from.includes(job.state) && (event.type !== "resolveFault" || r.to === event.to),
  );
  if (!row) {
    const from = rows.flatMap((r) => r.from);
    return refuse(
      "illegal_transition",
      `A ${job.state} job cannot ${PASSIVE[event.type]}; only a job that is ${orList(from)} can (${rulesOf(rows)}).`,
      rulesOf(rows),
    );
  }
  if (!row.actors.includes(actor)) {
    return refuse(
      "forbidden_actor",
      `Only ${actorList(row.actors)} can ${ACTION[event.type]} when it is ${job.state}.`,
      row.rule,
    );
  }
  const failure = row.guard ? checkJobGuard(row.guard, job, event, now) : null;
  if (failure) return { ok: false, refusal: failure };
  return allow(decisionFor(row, job));
}

/** One representative of each event, with every variant whose outcome can differ. */
function sampleEvents(type: JobEventType): JobEvent[] {
  switch (type) {
    case "cancel":
    case "fault":
      return [{ type, reason: "reason" }];
    case "resolveFault":
      return JOB_STATES.map((to) => ({ type, to }));
    case "closeOverdue":
      // Its deadline lives on the incident: the sweep asks incidentDue, not this list.
      return [];
    case "replaceDriveList":
    case "delete":
      // Held drives are a rare exception the command reports when it happens.
      return [{ type, heldDrives: [] }];
    default:
      return [{ type }];
  }
}

/** The job events this actor may send now: the UI shows only these (docs/architecture.md). */
export function allowedJobEvents(job: JobSnapshot, actor: Actor, now: Date): JobEventType[] {
  return JOB_EVENT_TYPES.filter((type) =>
    sampleEvents(type).some((event) => decideJobEvent(job, event, actor, now).ok),
  );
}
