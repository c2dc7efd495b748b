/**
 * The vocabulary of the service (DOMAIN.md): job states (R-J), drive states (R-D), job types and
 * the actors whose requests the rules weigh. The arrays are the single source of the enums; the
 * Prisma schema repeats them because the database needs them too.
 */

export const JOB_STATES = [
  "Creating",
  "Shipping",
  "Received",
  "Transferring",
  "Packaging",
  "Completed",
  "Closed",
  "Faulted",
] as const;
export type JobState = (typeof JOB_STATES)[number];

export const DRIVE_STATES = [
  "Specified",
  "Received",
  "NeverReceived",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "ShippedBack",
  "Faulted",
] as const;
export type DriveState = (typeof DRIVE_STATES)[number];

export const JOB_TYPES = ["Import", "Export"] as const;
export type JobType = (typeof JOB_TYPES)[number];

/**
 * Who asks. This is the capacity someone acts in, not a user account: lib/server maps a signed-in
 * admin to "supervisor", an API key to "customer", a copy station's key to "copyStation", and the
 * scheduled sweep to "sweep".
 */
export const ACTORS = ["customer", "operator", "supervisor", "copyStation", "sweep"] as const;
export type Actor = (typeof ACTORS)[number];

export function isJobState(value: unknown): value is JobState {
  return typeof value === "string" && (JOB_STATES as readonly string[]).includes(value);
}

export function isDriveState(value: unknown): value is DriveState {
  return typeof value === "string" && (DRIVE_STATES as readonly string[]).includes(value);
}

/** Where a job stands once it has left the dock for good: nothing about its drives changes any more. */
export const FINISHED_JOB_STATES: readonly JobState[] = ["Completed", "Closed"];

/** Plain-language meaning of each job state, for status pages and tooltips (from the seed, R-G1). */
export const JOB_STATE_DESCRIPTIONS: Readonly<Record<JobState, string>> = {
  Creating:
    "The job has been created. We assume its drives have not been shipped yet; a job left here for 14 days is deleted.",
  Shipping:
    "The customer has shipped the package. We are waiting for the drives to arrive at the datacenter.",
  Received: "All drives have arrived at the datacenter.",
  Transferring: "The drives have arrived and at least one drive is being copied.",
  Packaging:
    "Every drive has finished copying. The drives are being packed to go back to the customer.",
  Completed:
    "Every drive has been shipped back and the job finished without errors. The job is deleted after 90 days.",
  Closed:
    "Every drive has been shipped back, but the job had errors or was cancelled. The job is deleted after 90 days.",
  Faulted:
    "The job could not progress normally. Our operations team will contact the customer by email or phone.",
};

/** Plain-language meaning of each drive state (from the seed, R-G3). */
export const DRIVE_STATE_DESCRIPTIONS: Readonly<Record<DriveState, string>> = {
  Specified: "The drive was listed when the import job was created; it has not arrived yet.",
  Received: "The drive has been taken out of the carrier's package at the datacenter.",
  NeverReceived:
    "The drive did not arrive: its package came without it, or the package is more than 14 days late.",
  Transferring: "Data is being copied from or to the drive.",
  Completed: "All data was copied without errors.",
  CompletedMoreInfo:
    "The copy finished with errors, warnings or notes about overwritten blobs; see the drive's log.",
  ShippedBack: "The drive has been shipped from the datacenter back to the return address.",
  Faulted:
    "The drive could not progress normally. Our operations team will contact the customer by email or phone.",
};
