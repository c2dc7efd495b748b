import type { DriveState, JobState, JobType } from "@/lib/domain/states.ts";

/**
 * What the dock page shows of a package it just closed: plain data for the client (no server
 * imports). Each drive of the package: the listed drives of its jobs and whatever came out of it.
 */
export type PackageSummaryOutcome =
  "received" | "extra" | "held" | "heldNoJob" | "neverReceived" | "notIn";

export type PackageSummaryDrive = {
  serial: string;
  jobName: string | null;
  outcome: PackageSummaryOutcome;
};

export type ClosedPackageSummary = {
  packageId: string;
  carrier: string;
  trackingNumber: string;
  drives: PackageSummaryDrive[];
};

export type OpenedPackageView = {
  packageId: string;
  carrier: string;
  trackingNumber: string;
  jobNames: string[];
  reopened: boolean;
};

/** The next label scanned: the package before it closed (when it was complete), the next one open. */
export type AdvancedPackage = { closed: ClosedPackageSummary | null; opened: OpenedPackageView };

export const SUMMARY_WORDS: Record<PackageSummaryOutcome, string> = {
  received: "received",
  extra: "extra drive",
  held: "held",
  heldNoJob: "held, no job",
  neverReceived: "never received",
  notIn: "not in",
};

/** The open package as the dock page shows it (lib/server/dock/queries.ts reads it). */
export type DockDrive = {
  id: string;
  serial: string;
  state: DriveState;
  extra: boolean;
  inThisPackage: boolean;
};
export type DockJob = {
  id: string;
  name: string;
  type: JobType;
  customer: string;
  state: JobState;
  drives: DockDrive[];
};
export type DockScan = {
  id: string;
  at: string;
  kind: string;
  serial: string;
  actor: string;
  jobId: string | null;
  toState: string | null;
};
export type DockPackageView = {
  id: string;
  direction: "Inbound" | "Return";
  carrier: string;
  trackingNumber: string;
  closedAt: string | null;
  jobs: DockJob[];
  held: { id: string; serial: string }[];
  /** What closing the package would mark NeverReceived (R-D4). */
  missing: string[];
  scans: DockScan[];
};
