/**
 * What the supervisors' queues (/faults, /incidents, their detail pages and the APIs they poll)
 * hand to the browser: plain JSON shapes, dates as ISO strings. No server imports, so client
 * components can use them.
 */
import type { RecordedContactResult } from "@/lib/domain/contact-results.ts";
import type { DriveDisposal } from "@/lib/domain/incident-drives.ts";
import type { IncidentKind } from "@/lib/domain/incidents.ts";
import type { DriveState, JobState, JobType } from "@/lib/domain/states.ts";
import type { RETURN_ADDRESS_FIELDS } from "@/lib/validation/incidents.ts";
import type { IncidentRule } from "@/lib/validation/list-params.ts";

export type ContactChannel = "email" | "phone";
/** A return address's text fields as stored (the column is JSON: whatever it holds that is text). */
export type AddressDraft = Partial<Record<(typeof RETURN_ADDRESS_FIELDS)[number], string>>;

/** One page of a list, and where it sits in the whole. */
export type PageInfo = { total: number; page: number; pageCount: number; pageSize: number };

export type IncidentDeadlineView = {
  label: string;
  at: string;
  /** Whole days left (negative: overdue), as timers.ts counts them. */
  daysLeft: number;
};

export type IncidentView = {
  id: string;
  kind: IncidentKind;
  rule: string;
  title: string;
  handling: string;
  status: "Open" | "Resolved";
  summary: string;
  openedAt: string;
  job: { id: string; name: string; type: JobType; state: JobState } | null;
  customer: { id: string; name: string } | null;
  deadlines: IncidentDeadlineView[];
  contactCount: number;
  resolvedAt: string | null;
  resolution: string | null;
  destructionRecordId: string | null;
  addressCorrection: { onRecord: AddressDraft } | null;
  disposals: DriveDisposal[];
  returnFailedAt: string | null;
  canRecordReturnFailed: boolean;
};

export type JobOptionView = { id: string; name: string; type: JobType; state: JobState };

/** The counts beside the filters: open incidents by rule, overdue and due within 48 h. */
export type IncidentCounts = {
  open: number;
  overdue: number;
  dueIn48h: number;
  byRule: Record<IncidentRule, number>;
};

export type IncidentQueueView = PageInfo & {
  generatedAt: string;
  items: IncidentView[];
  counts: IncidentCounts;
  openable: { returnedDrives: JobOptionView[]; returnAddress: JobOptionView[] };
};

export type FaultContactView = {
  channel: ContactChannel;
  at: string;
  result: RecordedContactResult;
  waitUntil: string | null;
  outcome: string;
};

type FaultCommon = {
  id: string;
  jobId: string;
  jobName: string;
  faultedFrom: string | null;
  reason: string | null;
  since: string;
  ageDays: number;
  customer: {
    id: string;
    name: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
  };
  contactCount: number;
  lastContact: FaultContactView | null;
};

export type FaultView =
  | (FaultCommon & { kind: "job"; serial: null; targets: JobState[] })
  | (FaultCommon & { kind: "drive"; serial: string; targets: DriveState[] });

export type FaultCounts = { open: number; jobs: number; drives: number; followUpOverdue: number };

export type FaultQueueView = PageInfo & {
  generatedAt: string;
  items: FaultView[];
  counts: FaultCounts;
};
