/**
 * The job page as it is shown: plain types that server queries return (lib/server/jobs) and
 * client components import (they may not import lib/server). Secrets are not in these types, so
 * a query cannot hand one to a page: no BitLocker key, no customer id, no version.
 */
import type { RecordedContactResult } from "@/lib/domain/contact-results.ts";
import type { IncidentKind } from "@/lib/domain/incidents.ts";
import type { DriveState, JobState, JobType } from "@/lib/domain/states.ts";
import type { JsonValue } from "@/lib/views/json.ts";

export type LogLevel = "Error" | "Verbose";
export type DriveDisposalRecord = "Returned" | "Destroyed";
export type IncidentStatus = "Open" | "Resolved";
export type ContactChannel = "email" | "phone";

type PackageRef = { carrier: string; trackingNumber: string };

export type JobDetailJob = {
  id: string;
  name: string;
  type: JobType;
  state: JobState;
  faultedFrom: JobState | null;
  faultReason: string | null;
  cancelRequested: boolean;
  hadErrors: boolean;
  storageAccount: string;
  logLevel: LogLevel;
  backupDriveManifest: boolean;
  exportBlobList: JsonValue;
  deliveryCarrier: string | null;
  deliveryTrackingNumber: string | null;
  deliveryDriveCount: number | null;
  deliveryShipDate: Date | null;
  returnAddress: JsonValue;
  returnCarrier: string | null;
  returnCarrierAccount: string | null;
  percentComplete: number;
  creatingTimerStartedAt: Date | null;
  shippingInfoAt: Date | null;
  stateChangedAt: Date;
  shippingAt: Date | null;
  receivedAt: Date | null;
  transferringAt: Date | null;
  packagingAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  customer: { name: string; contactName: string };
};

export type JobDetailDrive = {
  id: string;
  serial: string;
  state: DriveState;
  faultedFrom: DriveState | null;
  faultReason: string | null;
  extra: boolean;
  copyStatus: string | null;
  percentComplete: number;
  bytesTransferred: bigint;
  errorCount: number;
  warningCount: number;
  errorLogUri: string | null;
  verboseLogUri: string | null;
  receivedAt: Date | null;
  shippedBackAt: Date | null;
  disposal: DriveDisposalRecord | null;
  disposedAt: Date | null;
  stateChangedAt: Date;
  inboundPackage: PackageRef | null;
  returnPackage: PackageRef | null;
};

export type JobDetailEvent = {
  /** The event's bigint id, as text. */
  id: string;
  at: Date;
  actorLabel: string;
  kind: string;
  driveId: string | null;
  packageId: string | null;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  driveSerial: string | null;
};

/** What moved the job at one step of its timeline. */
export type TimelineCause =
  | { kind: "packageClosed"; carrier: string; trackingNumber: string }
  | { kind: "packageOverdue" }
  | { kind: "drive"; serial: string; event: string | null };

export type JobDetailStep = JobDetailEvent & { cause: TimelineCause | null };

export type JobDetailIncident = {
  id: string;
  kind: IncidentKind;
  status: IncidentStatus;
  summary: string;
  driveId: string | null;
  openedAt: Date;
  contactDeadline: Date | null;
  answerDeadline: Date | null;
  destructionDeadline: Date | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
  resolution: string | null;
  driveSerial: string | null;
  resolvedByName: string | null;
};

export type JobDetailContact = {
  id: string;
  channel: ContactChannel;
  at: Date;
  result: RecordedContactResult;
  waitUntil: Date | null;
  outcome: string;
  byUserId: string;
  driveId: string | null;
  incidentId: string | null;
  driveSerial: string | null;
  byName: string;
};

export type JobDetail = {
  job: JobDetailJob;
  drives: JobDetailDrive[];
  timeline: JobDetailStep[];
  events: JobDetailEvent[];
  eventCount: number;
  incidents: JobDetailIncident[];
  contacts: JobDetailContact[];
};

/** A row of the jobs list (the table, the card list and the CSV read it). */
export type JobListRow = {
  id: string;
  name: string;
  customerName: string;
  type: JobType;
  state: JobState;
  percentComplete: number;
  cancelRequested: boolean;
  drives: { total: number; atDatacenter: number; shippedBack: number; faulted: number };
  extraDrives: number;
  deliveryTrackingNumber: string | null;
  createdAt: Date;
  stateChangedAt: Date;
};
