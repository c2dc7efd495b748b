import "server-only";
import type {
  IncidentKind,
  IncidentStatus,
  JobState,
  JobType,
} from "@/lib/generated/prisma/enums.ts";
import {
  INCIDENT_DEFINITIONS,
  canCorrectReturnAddress,
  canOpenIncidentByHand,
  canRecordReturnFailed,
  daysLeft,
  disposalsOf,
  type DriveDisposal,
} from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { RETURN_ADDRESS_FIELDS } from "@/lib/validation/incidents.ts";
import type { AddressDraft } from "@/lib/views/queues.ts";

export type IncidentDeadlineView = {
  label: string;
  at: Date;
  /** Whole days left (negative: overdue), as timers.ts counts them. */
  daysLeft: number;
};

export type IncidentItem = {
  id: string;
  kind: IncidentKind;
  rule: string;
  title: string;
  handling: string;
  status: IncidentStatus;
  summary: string;
  openedAt: Date;
  job: { id: string; name: string; type: JobType; state: JobState } | null;
  customer: { id: string; name: string } | null;
  deadlines: IncidentDeadlineView[];
  contactCount: number;
  resolvedAt: Date | null;
  resolution: string | null;
  destructionRecordId: string | null;
  /**
   * R-E4: the domain lets a supervisor record the corrected return address now; with the address
   * on record (its text fields, possibly none), which the correction form starts from.
   */
  addressCorrection: { onRecord: AddressDraft } | null;
  /** R-E1, R-E4: the drive outcomes this kind can take (the command checks the drives). */
  disposals: DriveDisposal[];
  /** R-E1: when a failed return was recorded; null: not (yet). */
  returnFailedAt: Date | null;
  /** R-E1: the domain lets a failed return be recorded now. */
  canRecordReturnFailed: boolean;
};

function addressDraft(value: unknown): AddressDraft {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  return Object.fromEntries(
    RETURN_ADDRESS_FIELDS.flatMap((f) => (typeof v[f] === "string" ? [[f, v[f]]] : [])),
  );
}

const INCLUDE = {
  job: {
    select: {
      id: true,
      name: true,
      type: true,
      state: true,
      faultedFrom: true,
      returnAddress: true,
      customer: { select: { id: true, name: true } },
    },
  },
  _count: { select: { contacts: true } },
  destructions: { select: { id: true }, orderBy: { createdAt: "desc" as const }, take: 1 },
} as const;

type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof INCLUDE }>;

/**
 * An incident as the queue and its page show it: its kind's title and rule, its job and customer,
 * its deadlines counted in days (R-E1, R-E2, R-E4), its contact attempts and what the domain
 * lets a supervisor record now.
 */
function toItem(row: IncidentRow, now: Date): IncidentItem {
  const def = INCIDENT_DEFINITIONS[row.kind];
  const deadlines = (
    [
      ["Contact by", row.contactDeadline],
      ["Answer by", row.answerDeadline],
      ["Destroy by", row.destructionDeadline],
    ] as const
  ).flatMap(([label, at]) => (at ? [{ label, at, daysLeft: daysLeft(now, at) }] : []));
  return {
    id: row.id,
    kind: row.kind,
    rule: def.rule,
    title: def.title,
    handling: def.handling,
    status: row.status,
    summary: row.summary,
    openedAt: row.openedAt,
    job: row.job && {
      id: row.job.id,
      name: row.job.name,
      type: row.job.type,
      state: row.job.state,
    },
    customer: row.job?.customer ?? null,
    deadlines,
    contactCount: row._count.contacts,
    resolvedAt: row.resolvedAt,
    resolution: row.resolution,
    destructionRecordId: row.destructions[0]?.id ?? null,
    addressCorrection:
      row.status === "Open" &&
      canCorrectReturnAddress(row, row.job, "supervisor").ok &&
      row.job !== null
        ? { onRecord: addressDraft(row.job.returnAddress) }
        : null,
    disposals: [...disposalsOf(row.kind)],
    returnFailedAt: row.returnFailedAt,
    canRecordReturnFailed: row.status === "Open" && canRecordReturnFailed(row).ok,
  };
}

/** These incidents, in the order given (a list's page: its order was decided in SQL). */
export async function incidentsByIds(
  db: Db,
  ids: readonly string[],
  now: Date,
): Promise<IncidentItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.incident.findMany({ where: { id: { in: [...ids] } }, include: INCLUDE });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row, now)] : [];
  });
}

/** One incident for its own page; null when there is none with this id. */
export async function incidentDetail(db: Db, id: string, now: Date): Promise<IncidentItem | null> {
  const [item] = await incidentsByIds(db, [id], now);
  return item ?? null;
}

export type JobOption = { id: string; name: string; type: JobType; state: JobState };

const OPTIONS = 100;

/**
 * The jobs a supervisor may open an incident on by hand now, per kind, as the domain says
 * (canOpenIncidentByHand): R-E3 on Completed or Closed export jobs, R-E4 on Transferring or
 * Packaging jobs; neither where one of the same kind is already open. The most recently moved first.
 */
export async function handOpenableJobs(
  db: Db,
): Promise<{ returnedDrives: JobOption[]; returnAddress: JobOption[] }> {
  const candidates = async (kind: "ReturnedDrivesLostOrDamaged" | "ReturnAddressInvalid") => {
    const def = INCIDENT_DEFINITIONS[kind];
    const rows = await db.job.findMany({
      where: {
        type: { in: [...def.jobTypes] },
        state: { in: [...def.jobStates] },
        incidents: { none: { kind, status: "Open" } },
      },
      orderBy: [{ stateChangedAt: "desc" }, { name: "asc" }],
      take: OPTIONS,
      select: {
        id: true,
        name: true,
        type: true,
        state: true,
        incidents: { where: { status: "Open" }, select: { kind: true, resolvedAt: true } },
      },
    });
    return rows
      .filter((j) => canOpenIncidentByHand(kind, "supervisor", j, j.incidents).ok)
      .map(({ id, name, type, state }) => ({ id, name, type, state }));
  };
  const [returnedDrives, returnAddress] = await Promise.all([
    candidates("ReturnedDrivesLostOrDamaged"),
    candidates("ReturnAddressInvalid"),
  ]);
  return { returnedDrives, returnAddress };
}

/** One destruction record with what its certificate prints (R-E1, R-E4). */
export async function destructionCertificate(db: Db, incidentId: string) {
  const record = await db.destructionRecord.findFirst({
    where: { incidentId },
    orderBy: { createdAt: "desc" },
    include: {
      incident: {
        select: {
          id: true,
          kind: true,
          summary: true,
          openedAt: true,
          job: {
            select: { id: true, name: true, type: true, customer: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!record) return null;
  const def = INCIDENT_DEFINITIONS[record.incident.kind];
  return { ...record, rule: def.rule, title: def.title };
}
