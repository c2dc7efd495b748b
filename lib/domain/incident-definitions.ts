import type { IncidentKind } from "./incident-kinds.ts";
import type { Actor, JobState, JobType } from "./states.ts";
import { DESTRUCTION_DAYS, E1_CONTACT_DAYS, OVERDUE_ANSWER_DAYS } from "./timers.ts";

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
