import "server-only";
import type {
  IncidentKind,
  IncidentStatus,
  JobState,
  JobType,
} from "@/lib/generated/prisma/enums.ts";
import { INCIDENT_DEFINITIONS, daysLeft } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";

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
  deadlines: IncidentDeadlineView[];
  contactCount: number;
  resolvedAt: Date | null;
  resolution: string | null;
  destructionRecordId: string | null;
};

const RECENT_RESOLVED = 20;

/**
 * The supervisors' incident list: open incidents first, the nearest deadline first (those without
 * one last, oldest first), then the most recently resolved. Each with its kind's title and rule,
 * its job, its deadlines counted in days (R-E1, R-E2, R-E4) and its contact attempts.
 */
export async function incidentList(db: Db, now: Date): Promise<IncidentItem[]> {
  const include = {
    job: { select: { id: true, name: true, type: true, state: true } },
    _count: { select: { contacts: true } },
    destructions: { select: { id: true }, orderBy: { createdAt: "desc" as const }, take: 1 },
  };
  const [open, resolved] = await Promise.all([
    db.incident.findMany({ where: { status: "Open" }, include, orderBy: { openedAt: "asc" } }),
    db.incident.findMany({
      where: { status: "Resolved" },
      include,
      orderBy: { resolvedAt: "desc" },
      take: RECENT_RESOLVED,
    }),
  ]);
  const toItem = (row: (typeof open)[number]): IncidentItem => {
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
      job: row.job,
      deadlines,
      contactCount: row._count.contacts,
      resolvedAt: row.resolvedAt,
      resolution: row.resolution,
      destructionRecordId: row.destructions[0]?.id ?? null,
    };
  };
  const nearest = (i: IncidentItem) =>
    Math.min(...i.deadlines.map((d) => d.at.getTime()), Number.POSITIVE_INFINITY);
  const openItems = open
    .map(toItem)
    .sort(
      (a, b) =>
        nearest(a) - nearest(b) ||
        a.openedAt.getTime() - b.openedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  return [...openItems, ...resolved.map(toItem)];
}

/** Export jobs whose returned drives may be reported lost or damaged (R-E3). */
export async function returnedExportJobs(db: Db) {
  return db.job.findMany({
    where: { type: "Export", state: { in: ["Completed", "Closed"] } },
    orderBy: { stateChangedAt: "desc" },
    take: 100,
    select: { id: true, name: true, state: true },
  });
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
