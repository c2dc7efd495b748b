import "server-only";
import type { Drive, Job } from "@/lib/generated/prisma/client.ts";
import type { JobSnapshot } from "@/lib/domain/index.ts";
import { isCompleteReturnAddress } from "@/lib/validation/return-address.ts";

export type JobRow = Job;
export type DriveRow = Drive;

/** The columns of a Job row that the domain's job rules read. */
export type SnapshotJob = Pick<
  JobRow,
  | "type"
  | "state"
  | "faultedFrom"
  | "cancelRequested"
  | "deliveryCarrier"
  | "deliveryTrackingNumber"
  | "returnAddress"
  | "hadErrors"
  | "stateChangedAt"
  | "creatingTimerStartedAt"
  | "shippingInfoAt"
  | "deliveryDriveCount"
>;

/** What settling a job reads of each of its drives. */
export type SettlementDrive = Pick<
  DriveRow,
  "state" | "extra" | "percentComplete" | "faultedFrom" | "disposal"
>;

/** The plain data the domain's job rules read, from a Job row and all its drives. */
export function toJobSnapshot(
  job: SnapshotJob,
  drives: readonly (Pick<DriveRow, "state" | "extra"> & Partial<Pick<DriveRow, "disposal">>)[],
): JobSnapshot {
  return {
    type: job.type,
    state: job.state,
    faultedFrom: job.faultedFrom,
    cancelRequested: job.cancelRequested,
    hasDeliveryPackage: Boolean(job.deliveryCarrier?.trim() && job.deliveryTrackingNumber?.trim()),
    hasReturnAddress: isCompleteReturnAddress(job.returnAddress),
    hadErrors: job.hadErrors,
    // A drive returned or destroyed through its incident has left (R-E1, R-E4): the job may end.
    drives: drives.map((d) => ({ state: d.state, extra: d.extra, disposal: d.disposal ?? null })),
    stateChangedAt: job.stateChangedAt,
    creatingTimerStartedAt: job.creatingTimerStartedAt,
    shippingInfoAt: job.shippingInfoAt,
    // Export jobs list no drives (R-D2): "all drives received" (R-J7) means the announced count.
    expectedDriveCount: job.type === "Export" ? job.deliveryDriveCount : null,
  };
}
