import type { DriveState, JobState, JobType } from "./states.ts";

/** A drive as the job's rules see it: its state, and whether it is an extra drive (R-E5, R-D11). */
export type JobDrive = { state: DriveState; extra: boolean };

/** Everything the job rules read. Plain data: lib/server builds it from the Job row and its drives. */
export type JobSnapshot = {
  type: JobType;
  state: JobState;
  faultedFrom: JobState | null;
  cancelRequested: boolean;
  /** R-J5: carrier AND tracking number are both set. */
  hasDeliveryPackage: boolean;
  hasReturnAddress: boolean;
  /** Sticky: a drive once finished with issues (R-D8) keeps the job from ending Completed (R-J12). */
  hadErrors: boolean;
  drives: readonly JobDrive[];
  stateChangedAt: Date;
  /** R-J2/R-J3: the 14-day Creating timeout counts from here. */
  creatingTimerStartedAt: Date | null;
  /** R-J6/R-D5: when the service got the shipping information. */
  shippingInfoAt: Date | null;
  /**
   * Export jobs list no drives before they arrive (R-D2), so "every drive received" (R-J7) is
   * judged against the drive count of the delivery package. Unknown (null or absent): the job
   * moves on with the first drive. Import jobs ignore it: their drive list is the truth.
   */
  expectedDriveCount?: number | null;
};

/**
 * The drives the job is about. Extra drives travel with the job but are never processed and do not
 * hold it up (R-E5, R-D11).
 */
export function listedDrives<D extends { extra: boolean }>(drives: readonly D[]): D[] {
  return drives.filter((d) => !d.extra);
}

/** Drives that have reached the datacenter at some point (whatever happened to them since). */
export const ARRIVED_DRIVE_STATES: readonly DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "ShippedBack",
];

/** Drives whose copy has started (R-J8); a shipped-back drive has left processing behind it. */
export const BEGUN_DRIVE_STATES: readonly DriveState[] = [
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "ShippedBack",
];

/** Drives that are done with processing (R-J9). */
export const PROCESSED_DRIVE_STATES: readonly DriveState[] = [
  "Completed",
  "CompletedMoreInfo",
  "ShippedBack",
];

/** Drives physically at the datacenter right now (a Faulted drive may or may not be; see faultedFrom). */
export const AT_DATACENTER_DRIVE_STATES: readonly DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
];

/** The order of the normal path; Completed and Closed are the two ends of it. */
export const JOB_PROGRESS_RANK: Readonly<Record<JobState, number>> = {
  Creating: 0,
  Shipping: 1,
  Received: 2,
  Transferring: 3,
  Packaging: 4,
  Completed: 5,
  Closed: 5,
  // Not on the path: a Faulted job is moved only by a supervisor (R-F3).
  Faulted: -1,
};
