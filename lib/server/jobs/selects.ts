import "server-only";

/**
 * The columns that describe a job as its customer gave it (Put Job, Update Job Properties): the
 * job page and the Job API both show them. Each adds its own (timers for the page, ARM fields for
 * the API); neither ever selects the job's version or secrets.
 */
export const JOB_DESCRIPTION_SELECT = {
  id: true,
  name: true,
  type: true,
  state: true,
  cancelRequested: true,
  storageAccount: true,
  logLevel: true,
  backupDriveManifest: true,
  exportBlobList: true,
  deliveryCarrier: true,
  deliveryTrackingNumber: true,
  deliveryDriveCount: true,
  deliveryShipDate: true,
  returnAddress: true,
  returnCarrier: true,
  returnCarrierAccount: true,
} as const;
