import type { DriveState, JobState, JobType } from "./states.ts";

/**
 * How a drive left the datacenter through an incident's outcome rather than the dock's ship-back:
 * returned to the customer (R-E1) or securely destroyed (R-E1, R-E4).
 */
export const DRIVE_DISPOSALS = ["Returned", "Destroyed"] as const;
export type DriveDisposalKind = (typeof DRIVE_DISPOSALS)[number];

/**
 * A drive as the job's rules see it: its state, whether it is an extra drive (R-E5, R-D11), and
 * whether an incident's outcome disposed of it (it has left the datacenter as surely as a
 * shipped-back drive). Absent or null: not disposed of.
 */
export type JobDrive = { state: DriveState; extra: boolean; disposal?: DriveDisposalKind | null };

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

/**
 * Whether the drive is still physically at the datacenter, listed or extra: it arrived, has not
 * been shipped back and was not destroyed. A Faulted drive counts as here unless it faulted from a
 * state before arrival: nobody ships back a drive nobody understands.
 */
export function driveStillHere(d: JobDrive & { faultedFrom?: DriveState | null }): boolean {
  if (d.disposal != null) return false;
  if (d.state === "Faulted") {
    return d.faultedFrom == null || !["Specified", "NeverReceived"].includes(d.faultedFrom);
  }
  return AT_DATACENTER_DRIVE_STATES.includes(d.state);
}

/** Whether the drive has left the datacenter for good: shipped back (R-D9), or disposed of (R-E1, R-E4). */
export function driveGone(d: JobDrive): boolean {
  return d.state === "ShippedBack" || d.disposal != null;
}

/**
 * R-D9, R-E5, R-D11: what goes back to the customer with the job: every drive that came, listed
 * or extra, except one disposed of through its incident (R-E1, R-E4). Those already shipped back
 * are in the list too (ticked off); drives that never arrived are not.
 */
export function drivesGoingBack<D extends JobDrive & { faultedFrom?: DriveState | null }>(
  drives: readonly D[],
): D[] {
  return drives.filter(
    (d) => d.disposal == null && (d.state === "ShippedBack" || driveStillHere(d)),
  );
}

/** R-E5, R-D11: the extra drives still here; the job cannot end while one is (they go back with it). */
export function extraDrivesStillHere<D extends JobDrive>(drives: readonly D[]): D[] {
  return drives.filter((d) => d.extra && driveStillHere(d));
}

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
