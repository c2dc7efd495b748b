import { endOfUtcDay } from "./contact-results.ts";
import { INCIDENT_DEFINITIONS, type IncidentDefinition } from "./incident-definitions.ts";
import type { IncidentKind } from "./incident-kinds.ts";
import { canWorkIncidents } from "./incident-opening.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import { sameReturnAddress, type ReturnAddressFields } from "./return-address.ts";
import type { Actor, JobState } from "./states.ts";

/**
 * R-E2: on the customer's answer, operations extends the wait for the package. It extends, never
 * shortens: the chosen day must come after the day of the current answer deadline, and the wait
 * lasts to the end of that day (UTC), not its first minute. Only a package-overdue incident has
 * a wait to extend. Answers the new answer deadline.
 */
export function extendedAnswerDeadline(
  incident: { kind: IncidentKind; answerDeadline: Date | null },
  chosenDay: Date,
  now: Date,
): Decision<Date> {
  const def = INCIDENT_DEFINITIONS.PackageOverdue;
  if (incident.kind !== def.kind) {
    return refuse(
      "incident_not_applicable",
      `Only a "${def.title}" incident can be extended (${def.rule}).`,
      def.rule,
    );
  }
  if (Number.isNaN(chosenDay.getTime())) {
    return refuse("guard_failed", "Give a valid date.", def.rule);
  }
  const until = endOfUtcDay(chosenDay);
  const current = incident.answerDeadline;
  if (current !== null && until.getTime() <= endOfUtcDay(current).getTime()) {
    return refuse(
      "guard_failed",
      `Choose a date after the current deadline, ${current.toISOString().slice(0, 10)}.`,
      def.rule,
    );
  }
  if (until.getTime() <= now.getTime()) {
    return refuse("guard_failed", `The new wait must end in the future (${def.rule}).`, def.rule);
  }
  return allow(until);
}

/**
 * R-E4: the job's contact person gave the right return address. A supervisor records it on the
 * open incident, which it resolves; the job keeps its state. Refused once the drives are on their
 * way back (the job left Transferring and Packaging) and when it is the address already on record.
 * A job Faulted from Transferring or Packaging still takes it: its drives are still here.
 * Without `corrected`, it answers whether a correction may be recorded now (what the UI offers).
 */
export function canCorrectReturnAddress(
  incident: { kind: IncidentKind; resolvedAt: Date | null },
  job: { state: JobState; faultedFrom: JobState | null; returnAddress: unknown } | null,
  actor: Actor,
  corrected?: ReturnAddressFields,
): Decision<IncidentDefinition> {
  const def = INCIDENT_DEFINITIONS.ReturnAddressInvalid;
  const who = canWorkIncidents(actor, def.rule);
  if (!who.ok) return who;
  if (incident.kind !== "ReturnAddressInvalid") {
    return refuse(
      "incident_not_applicable",
      `A return address is corrected on a "${def.title}" incident (${def.rule}), not on a "${INCIDENT_DEFINITIONS[incident.kind].title}" one.`,
      def.rule,
    );
  }
  if (incident.resolvedAt !== null) {
    return refuse("already_in_state", "This incident is already resolved.", def.rule);
  }
  if (job === null) {
    return refuse("incident_not_applicable", "This incident has no job to correct.", def.rule);
  }
  const here = def.jobStates.includes(job.state)
    ? job.state
    : job.state === "Faulted" && job.faultedFrom && def.jobStates.includes(job.faultedFrom)
      ? job.faultedFrom
      : null;
  if (here === null) {
    return refuse(
      "incident_not_applicable",
      `The return address is corrected while the job is ${def.jobStates.join(" or ")}; it is ${job.state}, so its drives are no longer waiting for an address (${def.rule}).`,
      def.rule,
    );
  }
  if (corrected && sameReturnAddress(job.returnAddress, corrected)) {
    return refuse(
      "guard_failed",
      `That is the address already on record: give the corrected one, or record the outcome "Resolved" with a note if the address was right after all (${def.rule}).`,
      def.rule,
    );
  }
  return allow(def);
}

/**
 * R-E1: once a return of the drives has failed, the 90-day destruction clock acts. A supervisor records
 * the failed return on the job-not-shipping incident (once); the sweep reads that fact.
 */
export function canRecordReturnFailed(incident: {
  kind: IncidentKind;
  returnFailedAt: Date | null;
}): Decision<true> {
  const def = INCIDENT_DEFINITIONS.JobNotShipping;
  if (incident.kind !== def.kind) {
    return refuse(
      "incident_not_applicable",
      `A failed return is recorded on a "${def.title}" incident (${def.rule}), not on a "${INCIDENT_DEFINITIONS[incident.kind].title}" one.`,
      def.rule,
    );
  }
  if (incident.returnFailedAt !== null) {
    return refuse("already_in_state", "The failed return is already recorded.", def.rule);
  }
  return allow(true);
}
