import { INCIDENT_DEFINITIONS, type IncidentDefinition } from "./incident-definitions.ts";
import type { IncidentKind } from "./incident-kinds.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import type { Actor, JobState, JobType } from "./states.ts";

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
