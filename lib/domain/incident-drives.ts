import { INCIDENT_DEFINITIONS } from "./incident-definitions.ts";
import type { IncidentKind } from "./incident-kinds.ts";
import { driveStillHere, type DriveDisposalKind } from "./job-snapshot.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import type { DriveState, JobState } from "./states.ts";

/**
 * What an incident's outcome does to drives: the fate of the drives decides which outcomes still
 * make sense. A drive of an R-E1 incident may be returned or destroyed by the incident only while
 * it is held at the datacenter outside a live job; once it has been received into its job (the job
 * moved on to Shipping and the drive was scanned in), the job's own path returns it.
 */
export type IncidentDrive = {
  serial: string;
  state: DriveState;
  faultedFrom?: DriveState | null;
  extra: boolean;
  /** It came out of a carrier's package at our dock (held drives have no other trace). */
  arrived: boolean;
  /** Already returned or destroyed through an incident's outcome. */
  disposal: DriveDisposalKind | null;
  /** Its job's state; null for a drive of no job on record, or one several customers claim. */
  jobState: JobState | null;
};

/** The incident outcomes that act on drives. */
export type DriveDisposal = "drivesReturned" | "drivesDestroyed";

/** Jobs whose drives the service is working on: a drive in one goes back through the job (R-J9..R-J12). */
const LIVE_JOB_STATES: readonly JobState[] = [
  "Shipping",
  "Received",
  "Transferring",
  "Packaging",
  "Faulted",
];

/** Where a disposal may act, by kind; a kind absent here has no drive to return or destroy. */
const DISPOSALS: Readonly<Partial<Record<IncidentKind, readonly DriveDisposal[]>>> = {
  // R-E1: not reached within 14 days: return; cannot return and unreachable: destroy within 90 days.
  JobNotShipping: ["drivesReturned", "drivesDestroyed"],
  // R-E5: an extra drive goes back with its job; only one held outside a live job (it came in the
  // package of a job that never shipped, R-E1) is returned or destroyed like the held drives.
  ExtraDrive: ["drivesReturned", "drivesDestroyed"],
  // R-E4: the contact person unreachable: the drives are destroyed within 90 days.
  ReturnAddressInvalid: ["drivesDestroyed"],
};

const WHY_NOT_KIND: Readonly<Partial<Record<IncidentKind, string>>> = {
  PackageOverdue:
    "the package never reached us, so there is no drive here to return or destroy (R-E2)",
  ReturnedDrivesLostOrDamaged:
    "the drives already left us; the customer follows them up with the carrier (R-E3)",
  ExtraDrive:
    "an extra drive goes back with its job: scan it into the return package at the dock once the job is Packaging (R-E5)",
  ReturnAddressInvalid:
    "once the address is corrected the drives go back through the dock; without one they are destroyed (R-E4)",
};

const OUTCOME_WORDS: Readonly<Record<DriveDisposal, string>> = {
  drivesReturned: "returned",
  drivesDestroyed: "destroyed",
};

/** The drive outcomes an incident of this kind can take at all (the drives decide the rest). */
export function disposalsOf(kind: IncidentKind): readonly DriveDisposal[] {
  return DISPOSALS[kind] ?? [];
}

/** Whether the drive is at the datacenter, set aside from the job path (R-E1). */
export function heldOutsideLiveJob(d: IncidentDrive): boolean {
  if (d.disposal !== null || !d.arrived) return false;
  if (d.jobState !== null && LIVE_JOB_STATES.includes(d.jobState)) return false;
  // A drive of a Creating job (or one cancelled while it was held) stays Specified while held.
  return d.state === "Specified" || driveStillHere(d);
}

/**
 * Whether a supervisor may record that this incident's drives were returned or destroyed, and which
 * ones: `named` (the serials typed for a destruction) or, when nothing is named, every drive of
 * the incident still at the datacenter. Refused, with a sentence naming the drive, for a drive
 * that is not the incident's, that is no longer here, or (R-E1) that was received into a live job.
 */
export function incidentDisposalTargets(
  incident: { kind: IncidentKind },
  outcome: DriveDisposal,
  drives: readonly IncidentDrive[],
  named?: readonly string[],
): Decision<IncidentDrive[]> {
  const def = INCIDENT_DEFINITIONS[incident.kind];
  const words = OUTCOME_WORDS[outcome];
  if (!(DISPOSALS[incident.kind] ?? []).includes(outcome)) {
    return refuse(
      "incident_not_applicable",
      `Drives are not ${words} through a "${def.title}" incident: ${WHY_NOT_KIND[incident.kind] ?? `see ${def.rule}`}.`,
      def.rule,
    );
  }
  const bySerial = new Map(drives.map((d) => [d.serial.toUpperCase(), d]));
  const targets: IncidentDrive[] = [];
  for (const serial of named ?? []) {
    const d = bySerial.get(serial.toUpperCase());
    if (!d) {
      return refuse(
        "guard_failed",
        `Drive ${serial} is not a drive of this incident: only its own drives can be ${words} (${def.rule}).`,
        def.rule,
      );
    }
    targets.push(d);
  }
  const chosen = named?.length ? targets : drives.filter((d) => d.disposal === null && d.arrived);
  for (const d of chosen) {
    const refusal = whyNotDisposable(d, incident.kind, words);
    if (refusal) return refuse("guard_failed", refusal, def.rule);
  }
  return allow(chosen);
}

function whyNotDisposable(d: IncidentDrive, kind: IncidentKind, words: string): string | null {
  const rule = INCIDENT_DEFINITIONS[kind].rule;
  if (d.disposal !== null) {
    return `Drive ${d.serial} was ${d.disposal === "Destroyed" ? "destroyed" : "returned"} already (${rule}).`;
  }
  if (!d.arrived || d.state === "NeverReceived") {
    return `Drive ${d.serial} never reached the datacenter: there is nothing to have ${words} (${rule}).`;
  }
  if (d.state === "ShippedBack") {
    return `Drive ${d.serial} was shipped back already: it cannot also be ${words} (${rule}).`;
  }
  if (kind === "JobNotShipping" && !heldOutsideLiveJob(d)) {
    return `Drive ${d.serial} is no longer held: it was received into its job, which is ${d.jobState}, so it goes back with the job and cannot be ${words} through this incident (R-E1).`;
  }
  if (kind === "ExtraDrive" && !heldOutsideLiveJob(d)) {
    return `Drive ${d.serial} is an extra drive of a job that is ${d.jobState}: it goes back with the job, from the dock's return list once the job is Packaging, and cannot be ${words} through this incident (R-E5).`;
  }
  if (!driveStillHere(d) && d.state !== "Specified") {
    return `Drive ${d.serial} is not at the datacenter (${d.state}): it cannot be ${words} (${rule}).`;
  }
  return null;
}
