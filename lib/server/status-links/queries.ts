import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { hashStatusToken, isWellFormedStatusToken } from "@/lib/server/status-links/token.ts";
import { statusPageView, type StatusPageView } from "@/lib/status-page/view.ts";

/**
 * The customer's status page for a token: its job's view, or null for a malformed, unknown or
 * revoked token and for a job that no longer exists (all four look the same to the caller). Every
 * column is named: no BitLocker key, manifest or header hash, fault reason, note, person or other
 * job can reach the page, whatever is added to the tables later. Of the job's open incidents, only
 * their deadlines are read (R-E2, R-E4), never their summary, resolution or contacts.
 */
export async function statusPageForToken(
  db: Db,
  token: string,
  now: Date,
): Promise<StatusPageView | null> {
  if (!isWellFormedStatusToken(token)) return null;
  const link = await db.statusLink.findUnique({
    where: { tokenHash: hashStatusToken(token) },
    select: { jobId: true, revokedAt: true },
  });
  if (!link || link.revokedAt !== null) return null;
  const jobId = link.jobId;

  const [job, drives, stateEvents, returnPackages, overdue, badAddress] = await Promise.all([
    db.job.findUnique({
      where: { id: jobId },
      select: {
        name: true,
        type: true,
        state: true,
        logLevel: true,
        cancelRequested: true,
        deliveryCarrier: true,
        deliveryTrackingNumber: true,
        deliveryDriveCount: true,
        stateChangedAt: true,
        creatingTimerStartedAt: true,
        shippingInfoAt: true,
        completedAt: true,
        closedAt: true,
      },
    }),
    db.drive.findMany({
      where: { jobId },
      orderBy: [{ extra: "asc" }, { createdAt: "asc" }, { serial: "asc" }],
      select: {
        serial: true,
        state: true,
        faultedFrom: true,
        extra: true,
        percentComplete: true,
        errorLogUri: true,
        verboseLogUri: true,
      },
    }),
    db.event.findMany({
      where: { jobId, kind: { startsWith: "job." }, toState: { not: null } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, fromState: true, toState: true },
    }),
    db.package.findMany({
      where: { direction: "Return", returnDrives: { some: { jobId } } },
      orderBy: [{ openedAt: "asc" }, { trackingNumber: "asc" }],
      select: { carrier: true, trackingNumber: true },
    }),
    db.incident.findFirst({
      where: { jobId, kind: "PackageOverdue", status: "Open" },
      orderBy: { openedAt: "desc" },
      select: { id: true, answerDeadline: true },
    }),
    db.incident.findFirst({
      where: { jobId, kind: "ReturnAddressInvalid", status: "Open" },
      orderBy: { openedAt: "desc" },
      select: { destructionDeadline: true },
    }),
  ]);
  if (!job) return null;
  // R-E2: a supervisor's "extended" outcome moves the answer deadline; its event says it did.
  const waitExtended = overdue
    ? (await db.event.count({ where: { incidentId: overdue.id, kind: "incident.extended" } })) > 0
    : false;

  return statusPageView(
    {
      job: {
        name: job.name,
        type: job.type,
        state: job.state,
        logLevel: job.logLevel,
        cancelRequested: job.cancelRequested,
        deliveryCarrier: job.deliveryCarrier,
        deliveryTrackingNumber: job.deliveryTrackingNumber,
        deliveryDriveCount: job.deliveryDriveCount,
        stateChangedAt: job.stateChangedAt,
        creatingTimerStartedAt: job.creatingTimerStartedAt,
        shippingInfoAt: job.shippingInfoAt,
        completedAt: job.completedAt,
        closedAt: job.closedAt,
      },
      drives: drives.map((d) => ({
        serial: d.serial,
        state: d.state,
        faultedFrom: d.faultedFrom,
        extra: d.extra,
        percentComplete: d.percentComplete,
        errorLogUri: d.errorLogUri,
        verboseLogUri: d.verboseLogUri,
      })),
      stateEvents: stateEvents.map((e) => ({
        at: e.at,
        fromState: e.fromState,
        toState: e.toState,
      })),
      returnPackages: returnPackages.map((p) => ({
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
      })),
      missingPackageAnswerBy: overdue?.answerDeadline ?? null,
      missingPackageWaitExtended: waitExtended,
      returnAddressDestructionAt: badAddress?.destructionDeadline ?? null,
    },
    now,
  );
}

export type ActiveStatusLink = { createdAt: Date; createdByName: string | null };

/** For the job page: when the job's active link was made and by whom, or null when it has none. */
export async function activeStatusLink(db: Db, jobId: string): Promise<ActiveStatusLink | null> {
  const link = await db.statusLink.findFirst({
    where: { jobId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, createdById: true },
  });
  if (!link) return null;
  const user = link.createdById
    ? await db.user.findUnique({ where: { id: link.createdById }, select: { name: true } })
    : null;
  return { createdAt: link.createdAt, createdByName: user?.name ?? null };
}
