import type { DriveState, IncidentKind, JobType } from "@/lib/domain/index.ts";

/**
 * What the dock's worklists show (app/(console)/dock/expected, app/(console)/dock/ship-back):
 * plain data, so that components never reach into lib/server.
 */

/** One inbound package still on its way: the delivery package of a job in Shipping (R-J4). */
export type ExpectedPackage = {
  jobId: string;
  jobName: string;
  jobType: JobType;
  customer: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** Listed drives not in yet (Specified or NeverReceived), and the drives the job lists. */
  drivesAwaited: number;
  drivesListed: number;
  /** An export job's announced count of blank drives (R-D2); null when none was given. */
  announcedDrives: number | null;
  /** When the service got the shipping information (R-J6 counts from here). */
  shippingSince: Date;
  daysSinceShipping: number;
  /** R-J6, R-E2: the day the package counts as overdue. */
  dueAt: Date;
  overdue: boolean;
  /** An open R-E2 incident, if operations has already told the customer. */
  overdueIncident: { id: string; answerDeadline: Date | null } | null;
};

export type CarrierCount = { carrier: string; jobs: number };

export type ExpectedList = {
  packages: ExpectedPackage[];
  total: number;
  overdueTotal: number;
  page: number;
  pageCount: number;
  carriers: CarrierCount[];
  /** The carrier filter in force (as chosen from `carriers`), or null for all. */
  carrier: string | null;
};

export type ShipBackDrive = {
  id: string;
  serial: string;
  state: DriveState;
  extra: boolean;
  /** A return package already holds it (R-D9). */
  shippedBack: boolean;
  /** An open incident that keeps it here (held or extra drive): it has a printable label. */
  heldBy: IncidentKind | null;
};

export type ReturnAddressView = {
  recipientName: string;
  lines: string[];
  phone: string | null;
  email: string | null;
};

export type ReturnParcel = { carrier: string; trackingNumber: string };

export type ShipBackJob = {
  jobId: string;
  jobName: string;
  jobType: JobType;
  customer: string;
  packagingSince: Date;
  drives: ShipBackDrive[];
  returnAddress: ReturnAddressView | null;
  /** The carrier the customer asked for (returnShipping), and the account billed. */
  returnCarrier: string | null;
  returnCarrierAccount: string | null;
  /** Return packages already opened at the dock for this job's drives. */
  parcels: ReturnParcel[];
};

export type ShipBackList = {
  jobs: ShipBackJob[];
  total: number;
  page: number;
  pageCount: number;
};
