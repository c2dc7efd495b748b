import { DRIVE_STATE_WORDING, JOB_STATE_WORDING } from "./state-wording.ts";

/**
 * The vocabulary of the service (docs/domain.md): job states (R-J), drive states (R-D), job types,
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

/**
 * Plain-language meaning of each job state, for the console and the API (R-G1): the English of
 * state-wording.ts, which the status page shares.
 */
export const JOB_STATE_DESCRIPTIONS: Readonly<Record<JobState, string>> = Object.fromEntries(
  JOB_STATES.map((s) => [s, JOB_STATE_WORDING.en[s].meaning]),
) as Record<JobState, string>;

/** Plain-language meaning of each drive state (R-G3), from the same source. */
export const DRIVE_STATE_DESCRIPTIONS: Readonly<Record<DriveState, string>> = Object.fromEntries(
  DRIVE_STATES.map((s) => [s, DRIVE_STATE_WORDING.en[s].meaning]),
) as Record<DriveState, string>;
