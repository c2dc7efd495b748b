/**
 * What the domain answers: a decision, or a refusal a person can read. Refusals are values, not
 * exceptions: each is something a user can cause (docs/architecture.md: errors a user can
 * cause are values; bugs throw).
 */

export const REFUSAL_CODES = [
  /** The actor may never send this event, whatever the state. */
  "forbidden_actor",
  /** The event does not lead anywhere from the current state. */
  "illegal_transition",
  /** The transition exists but a condition of a rule is not met (R-J5, R-E1, ...). */
  "guard_failed",
  /** R-J14: cancellation is refused in this state. */
  "not_cancellable",
  /** A fault resolution was asked for something that is not Faulted. */
  "not_faulted",
  /** R-F3: the chosen state is not an appropriate place to leave Faulted for. */
  "invalid_resolution",
  /** The event would move to the state it is already in: callers treat it as a harmless repeat. */
  "already_in_state",
  /** A timer-driven event arrived before its deadline. */
  "not_due",
  /** A fault must say why (R-F2: operations has to explain it to the customer). */
  "reason_required",
  /** A copy station's report does not make sense (negative or fractional counts). */
  "invalid_copy_report",
  /** The incident kind does not apply to this job in its current state. */
  "incident_not_applicable",
  /** An incident of this kind is already open for the job. */
  "incident_already_open",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = { code: RefusalCode; message: string; rule?: string };

export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

export function refuse(code: RefusalCode, message: string, rule?: string): Decision<never> {
  return { ok: false, refusal: rule === undefined ? { code, message } : { code, message, rule } };
}

/** True when a refusal only says "nothing to do": double scans and retried reports land here. */
export function isAlreadyInState(decision: Decision<unknown>): boolean {
  return !decision.ok && decision.refusal.code === "already_in_state";
}
