import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db.ts";
import { JOB_DESCRIPTION_SELECT } from "@/lib/server/jobs/selects.ts";
import type { JobDetail, TimelineCause } from "@/lib/views/jobs.ts";

/** The events list stops here; the page says how many more there are. */
export const JOB_EVENTS_LIMIT = 200;

const jobIdSchema = z.uuid();

// Every column of a job the page shows; version and the customer id stay on the server.
const JOB_SELECT = {
  ...JOB_DESCRIPTION_SELECT,
  faultedFrom: true,
  faultReason: true,
  hadErrors: true,
  percentComplete: true,
  creatingTimerStartedAt: true,
  shippingInfoAt: true,
  stateChangedAt: true,
  shippingAt: true,
  receivedAt: true,
  transferringAt: true,
  packagingAt: true,
  completedAt: true,
  closedAt: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { name: true, contactName: true } },
} as const;

// The BitLocker key is secret (schema.prisma): it is not selected here, so it cannot reach a page.
const DRIVE_SELECT = {
  id: true,
  serial: true,
  state: true,
  faultedFrom: true,
  faultReason: true,
  extra: true,
  copyStatus: true,
  percentComplete: true,
  bytesTransferred: true,
  errorCount: true,
  warningCount: true,
  errorLogUri: true,
  verboseLogUri: true,
  receivedAt: true,
  shippedBackAt: true,
  disposal: true,
  disposedAt: true,
  stateChangedAt: true,
  inboundPackage: { select: { carrier: true, trackingNumber: true } },
  returnPackage: { select: { carrier: true, trackingNumber: true } },
} as const;

const EVENT_SELECT = {
  id: true,
  at: true,
  actorLabel: true,
  kind: true,
  driveId: true,
  packageId: true,
  fromState: true,
  toState: true,
  reason: true,
} as const;

async function load(db: Db, id: string) {
  const [job, drives, incidents, contacts] = await Promise.all([
    db.job.findUnique({ where: { id }, select: JOB_SELECT }),
    db.drive.findMany({
      where: { jobId: id },
      orderBy: [{ extra: "asc" }, { createdAt: "asc" }, { serial: "asc" }],
      select: DRIVE_SELECT,
    }),
    db.incident.findMany({
      where: { jobId: id },
      orderBy: { openedAt: "desc" },
      select: {
        id: true,
        kind: true,
        status: true,
        summary: true,
        driveId: true,
        openedAt: true,
        contactDeadline: true,
        answerDeadline: true,
        destructionDeadline: true,
        resolvedAt: true,
        resolvedById: true,
        resolution: true,
      },
    }),
    db.contactAttempt.findMany({
      where: { jobId: id },
      orderBy: { at: "desc" },
      select: {
        id: true,
        channel: true,
        at: true,
        result: true,
        waitUntil: true,
        outcome: true,
        byUserId: true,
        driveId: true,
        incidentId: true,
      },
    }),
  ]);
  return { job, drives, incidents, contacts };
}

/**
 * The job page: the job, its drives (without their keys), its state timeline, its latest events,
 * incidents and contact attempts. One query per table, whatever the number of drives. `null` for
 * an unknown or malformed id.
 */
export async function jobDetail(db: Db, id: string): Promise<JobDetail | null> {
  if (!jobIdSchema.safeParse(id).success) return null;
  const { job, drives, incidents, contacts } = await load(db, id);
  if (!job) return null;

  // Drive events carry the job id too, but a drive's events from before it joined the job do not.
  const eventsWhere = { OR: [{ jobId: id }, { driveId: { in: drives.map((d) => d.id) } }] };
  const userIds = [
    ...new Set([
      ...contacts.map((c) => c.byUserId),
      ...incidents.flatMap((i) => (i.resolvedById ? [i.resolvedById] : [])),
    ]),
  ];
  const [timeline, events, eventCount, users] = await Promise.all([
    db.event.findMany({
      where: { jobId: id, kind: { startsWith: "job." }, toState: { not: null } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: EVENT_SELECT,
    }),
    db.event.findMany({
      where: eventsWhere,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: JOB_EVENTS_LIMIT,
      select: EVENT_SELECT,
    }),
    db.event.count({ where: eventsWhere }),
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);

  // What moved the job at each step: the drive event of the same moment (its cause), and the package
  // it names. Closing a package marks its missing drives NeverReceived (R-D4): the job's move is
  // the close's doing, not the missing drive's.
  const stepDriveIds = [...new Set(timeline.flatMap((e) => (e.driveId ? [e.driveId] : [])))];
  const causes = stepDriveIds.length
    ? await db.event.findMany({
        where: {
          driveId: { in: stepDriveIds },
          kind: { startsWith: "drive." },
          at: { in: [...new Set(timeline.map((e) => e.at))] },
        },
        select: { driveId: true, at: true, kind: true, packageId: true },
      })
    : [];
  const packageIds = [...new Set(causes.flatMap((c) => (c.packageId ? [c.packageId] : [])))];
  const packages = packageIds.length
    ? await db.package.findMany({
        where: { id: { in: packageIds } },
        select: { id: true, carrier: true, trackingNumber: true },
      })
    : [];
  const packageOf = new Map(packages.map((p) => [p.id, p]));

  const serialOf = new Map(drives.map((d) => [d.id, d.serial]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const serial = (driveId: string | null) => (driveId ? (serialOf.get(driveId) ?? null) : null);
  const withSerial = (e: (typeof events)[number]) => ({
    ...e,
    id: e.id.toString(),
    driveSerial: serial(e.driveId),
  });

  const causeOf = (e: (typeof timeline)[number]): TimelineCause | null => {
    if (!e.driveId) return null;
    const c = causes.find((x) => x.driveId === e.driveId && x.at.getTime() === e.at.getTime());
    const driveSerial = serial(e.driveId) ?? "a drive";
    if (c?.kind === "drive.markNeverReceived") {
      const pkg = c.packageId ? packageOf.get(c.packageId) : undefined;
      return pkg
        ? { kind: "packageClosed", carrier: pkg.carrier, trackingNumber: pkg.trackingNumber }
        : { kind: "packageOverdue" };
    }
    return { kind: "drive", serial: driveSerial, event: c?.kind.slice("drive.".length) ?? null };
  };

  return {
    job,
    drives,
    timeline: timeline.map((e) => ({ ...withSerial(e), cause: causeOf(e) })),
    events: events.map(withSerial),
    eventCount,
    incidents: incidents.map((i) => ({
      ...i,
      driveSerial: serial(i.driveId),
      resolvedByName: i.resolvedById ? (nameOf.get(i.resolvedById) ?? "unknown user") : null,
    })),
    contacts: contacts.map((c) => ({
      ...c,
      driveSerial: serial(c.driveId),
      byName:
        c.byUserId === "system"
          ? "Dockside (automatic email)"
          : (nameOf.get(c.byUserId) ?? "unknown user"),
    })),
  };
}
