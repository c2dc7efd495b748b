import { endOfUtcDay } from "./contact-results.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import type { Actor, JobState, JobType } from "./states.ts";
import {
  DESTRUCTION_DAYS,
  E1_CONTACT_DAYS,
  OVERDUE_ANSWER_DAYS,
  deadline,
  isDue,
} from "./timers.ts";

/** The error events of docs/domain.md (R-E1..R-E5), as the Incident rows record them. */
export const INCIDENT_KINDS = [
  "JobNotShipping",
  "PackageOverdue",
  "ReturnedDrivesLostOrDamaged",
  "ReturnAddressInvalid",
  "ExtraDrive",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export type IncidentDefinition = {
  kind: IncidentKind;
  rule: string;
  title: string;
  /** What the service does, in one sentence for the supervisor's queue. */
  handling: string;
  jobTypes: readonly JobType[];
  /** The job states in which the event can happen (the first column of the seed's table). */
  jobStates: readonly JobState[];
  /** R-E1 also covers drives of a job we have no record of. */
  allowedWithoutJob: boolean;
  openedBy: readonly Actor[];
  /** Several can be open at once for one job (one per extra drive); the others are one at a time. */
  manyPerJob: boolean;
  contactDays: number | null;
  answerDays: number | null;
  destructionDays: number | null;
};

// prettier-ignore
export const INCIDENT_DEFINITIONS: Readonly<Record<IncidentKind, IncidentDefinition>> = {
  JobNotShipping: {
    kind: "JobNotShipping", rule: "R-E1", title: "Drives arrived for a job that is not Shipping",
    handling: "Ask the customer to set up the job (new or fixed) within 14 days; no reply by then: send the drives back; if they cannot go back and nobody answers, wipe and destroy them within 90 days.",
    jobTypes: ["Import", "Export"], jobStates: ["Creating"], allowedWithoutJob: true,
    openedBy: ["operator", "supervisor"], manyPerJob: false,
    contactDays: E1_CONTACT_DAYS, answerDays: null, destructionDays: DESTRUCTION_DAYS,
  },
  PackageOverdue: {
    kind: "PackageOverdue", rule: "R-E2", title: "Package more than 14 days late",
    handling: "Tell the customer the package is missing; on their answer extend the wait or cancel the job; no answer within 30 days: the job goes from Shipping to Closed.",
    jobTypes: ["Import", "Export"], jobStates: ["Shipping"], allowedWithoutJob: false,
    openedBy: ["sweep", "operator", "supervisor"], manyPerJob: false,
    contactDays: null, answerDays: OVERDUE_ANSWER_DAYS, destructionDays: null,
  },
  ReturnedDrivesLostOrDamaged: {
    kind: "ReturnedDrivesLostOrDamaged", rule: "R-E3", title: "Returned drives lost or damaged",
    handling: "Check the job's record shows the drives left us, then refer the customer to the carrier; for damaged drives the customer can order a new export or fetch the lost blobs themselves.",
    jobTypes: ["Export"], jobStates: ["Completed", "Closed"], allowedWithoutJob: false,
    openedBy: ["operator", "supervisor"], manyPerJob: false,
    contactDays: null, answerDays: null, destructionDays: null,
  },
  ReturnAddressInvalid: {
    kind: "ReturnAddressInvalid", rule: "R-E4", title: "Return address wrong or missing",
    handling: "Contact the job's contact person for the right address; unreachable: destroy the drives securely within 90 days.",
    jobTypes: ["Import", "Export"], jobStates: ["Transferring", "Packaging"], allowedWithoutJob: false,
    openedBy: ["operator", "supervisor"], manyPerJob: false,
    contactDays: null, answerDays: null, destructionDays: DESTRUCTION_DAYS,
  },
  ExtraDrive: {
    kind: "ExtraDrive", rule: "R-E5", title: "Drive not in the job's drive list",
    handling: "Leave the unlisted drive uncopied and send it back with the job's drives once the job is done (R-D11).",
    // The seed names Creating, Shipping and Transferring. We add Received: scanning a package's last
    // listed drive makes its job Received at once, and an extra drive found in the same package a
    // moment later is still the R-E5 case, not a reason to refuse it at the dock.
    jobTypes: ["Import", "Export"], jobStates: ["Creating", "Shipping", "Received", "Transferring"], allowedWithoutJob: false,
    openedBy: ["operator", "supervisor"], manyPerJob: true,
    contactDays: null, answerDays: null, destructionDays: null,
  },
};

/** The deadlines stored on an Incident row when it opens (null: the kind has no such deadline). */
export type IncidentDeadlines = {
  contactDeadline: Date | null;
  answerDeadline: Date | null;
  destructionDeadline: Date | null;
};

export function incidentDeadlines(kind: IncidentKind, openedAt: Date): IncidentDeadlines {
  const def = INCIDENT_DEFINITIONS[kind];
  const after = (days: number | null) => (days === null ? null : deadline(openedAt, days));
  return {
    contactDeadline: after(def.contactDays),
    answerDeadline: after(def.answerDays),
    destructionDeadline: after(def.destructionDays),
  };
}

type OpenIncidentView = { kind: IncidentKind; resolvedAt: Date | null };

/**
 * Whether an incident of this kind may be opened for this job now (null: drives of a job we have
 * no record of). Refuses a second open incident of a one-at-a-time kind for the same job.
 */
export function canOpenIncident(
  kind: IncidentKind,
  job: { type: JobType; state: JobState } | null,
  incidents: readonly OpenIncidentView[] = [],
): Decision<IncidentDefinition> {
  const def = INCIDENT_DEFINITIONS[kind];
  if (job === null) {
    if (def.allowedWithoutJob) return allow(def);
    return refuse(
      "incident_not_applicable",
      `A "${def.title}" incident needs a job (${def.rule}).`,
      def.rule,
    );
  }
  if (!def.jobTypes.includes(job.type)) {
    return refuse(
      "incident_not_applicable",
      `A "${def.title}" incident applies only to ${def.jobTypes.join(" and ").toLowerCase()} jobs; this is an ${job.type.toLowerCase()} job (${def.rule}).`,
      def.rule,
    );
  }
  if (!def.jobStates.includes(job.state)) {
    return refuse(
      "incident_not_applicable",
      `A "${def.title}" incident applies while the job is ${def.jobStates.join(" or ")}; it is ${job.state} (${def.rule}).`,
      def.rule,
    );
  }
  if (!def.manyPerJob && incidents.some((i) => i.kind === kind && i.resolvedAt === null)) {
    return refuse(
      "incident_already_open",
      `A "${def.title}" incident is already open for this job.`,
      def.rule,
    );
  }
  return allow(def);
}

/** An Incident row as the deadline rules read it. */
export type IncidentSnapshot = IncidentDeadlines & {
  id?: string;
  kind: IncidentKind;
  openedAt: Date;
  resolvedAt: Date | null;
  /**
   * A contact attempt's result says the customer (or the job's contact person) was reached and
   * will act (contactFacts, from the stored ContactResult, never from a note's words).
   */
  customerReached: boolean;
  /** R-E1: operations tried to return the drives and could not. */
  returnFailed: boolean;
  /**
   * A contact attempt's result says the customer asked us to wait until then (the end of that UTC
   * day): no deadline of the incident acts before it.
   */
  waitRequestedUntil?: Date | null;
  /** R-E2: for a resolved incident, the wait the customer asked for (timers.ts reads it). */
  waitExtendedUntil?: Date | null;
};

/** A deadline pushed back to the end of the wait the customer asked for, if that is later. */
function afterRequestedWait(at: Date | null, wait: Date | null | undefined): Date | null {
  if (at === null || wait == null) return at;
  return wait.getTime() > at.getTime() ? wait : at;
}

export type IncidentAction =
  | { kind: "returnDrives"; rule: "R-E1"; incidentId?: string }
  | { kind: "destroyDrives"; rule: "R-E1" | "R-E4"; incidentId?: string }
  | { kind: "closeJob"; rule: "R-E2"; incidentId?: string; answerDueAt: Date };

/** What the sweep must do about one incident now. Nothing once it is resolved. */
export function incidentDue(now: Date, incident: IncidentSnapshot): IncidentAction[] {
  if (incident.resolvedAt !== null || incident.customerReached) return [];
  const id = incident.id === undefined ? {} : { incidentId: incident.id };
  const reached = (at: Date | null): at is Date => at !== null && isDue(now, at);
  const wait = incident.waitRequestedUntil;
  switch (incident.kind) {
    case "JobNotShipping":
      if (!incident.returnFailed && reached(afterRequestedWait(incident.contactDeadline, wait))) {
        return [{ kind: "returnDrives", rule: "R-E1", ...id }];
      }
      if (incident.returnFailed && reached(incident.destructionDeadline)) {
        return [{ kind: "destroyDrives", rule: "R-E1", ...id }];
      }
      return [];
    case "PackageOverdue": {
      // R-E2: no answer in 30 days closes the job; a customer who asked us to wait answered, and
      // the job closes only once the wait they asked for is over too.
      const answerDueAt = afterRequestedWait(incident.answerDeadline, wait);
      return reached(answerDueAt) ? [{ kind: "closeJob", rule: "R-E2", ...id, answerDueAt }] : [];
    }
    case "ReturnAddressInvalid":
      return reached(incident.destructionDeadline)
        ? [{ kind: "destroyDrives", rule: "R-E4", ...id }]
        : [];
    case "ReturnedDrivesLostOrDamaged":
    case "ExtraDrive":
      return [];
  }
}

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
 * Working an incident (opening one by hand, recording contacts and outcomes) is a supervisor's job
 * (docs/domain.md, R-E: supervisors handle the error events). Operators and the sweep only
 * report an event as it happens, through `canOpenIncident`.
 */
export function canWorkIncidents(actor: Actor, rule?: string): Decision<true> {
  if (actor === "supervisor") return allow(true);
  return refuse(
    "forbidden_actor",
    `Only a supervisor works incidents${rule ? ` (${rule})` : ""}; this request came from the ${actor === "copyStation" ? "copy station" : actor}.`,
    rule,
  );
}

/**
 * The kinds a supervisor opens by hand: events no scan and no timer notices. R-E3: the customer
 * tells us the returned drives never arrived or came back damaged. R-E4: the carrier rejects the
 * return address, or someone sees it is wrong or missing before the drives go back.
 */
export const HAND_OPENED_INCIDENT_KINDS = [
  "ReturnedDrivesLostOrDamaged",
  "ReturnAddressInvalid",
] as const satisfies readonly IncidentKind[];

/** Whether a supervisor may open this incident by hand for this job now (R-E3, R-E4). */
export function canOpenIncidentByHand(
  kind: IncidentKind,
  actor: Actor,
  job: { type: JobType; state: JobState } | null,
  incidents: readonly OpenIncidentView[] = [],
): Decision<IncidentDefinition> {
  const def = INCIDENT_DEFINITIONS[kind];
  const who = canWorkIncidents(actor, def.rule);
  if (!who.ok) return who;
  if (!(HAND_OPENED_INCIDENT_KINDS as readonly IncidentKind[]).includes(kind)) {
    return refuse(
      "incident_not_applicable",
      `A "${def.title}" incident opens by itself when the event happens (${def.rule}); it is not opened by hand.`,
      def.rule,
    );
  }
  return canOpenIncident(kind, job, incidents);
}

/** The fields of a return address as a form or the API gives them (returnAddress.*). */
export type ReturnAddressFields = Readonly<Record<string, string | undefined>>;

const normalized = (v: unknown) =>
  typeof v === "string" ? v.trim().replace(/\s+/g, " ").toLowerCase() : "";

/** Two return addresses name the same place: every field equal, ignoring case, spacing and blanks. */
export function sameReturnAddress(current: unknown, next: ReturnAddressFields): boolean {
  if (current === null || typeof current !== "object" || Array.isArray(current)) return false;
  const before = current as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
  return [...keys].every((k) => normalized(before[k]) === normalized(next[k]));
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
