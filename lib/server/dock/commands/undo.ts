import "server-only";
import type { DriveState, JobState } from "@/lib/generated/prisma/enums.ts";
import { canUndoScan } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  runCommand,
  updateVersioned,
  VersionConflict,
  type CommandResult,
} from "@/lib/server/command.ts";
import { lockJobs, lockPackage, lockSerial } from "@/lib/server/sql/locks.ts";

const UNDOABLE = ["drive.receive", "drive.shipBack", "drive.extra"];

/**
 * Undo the operator's own last scan (receive, extra drive, ship back) in the open package, within the window, when
 * nothing happened to the drive since. Recorded as an event; the scan's own event stays.
 */
export function undoLastScan(
  database: Db,
  actor: ActorRef & { type: "user" },
  packageId: string,
  now: Date,
): Promise<CommandResult<{ serial: string }>> {
  return runCommand(database, async (tx) => {
    // The dock's lock order (lib/server/sql/locks.ts): the package, the serial, the job.
    if (!(await lockPackage(tx, packageId, "share")))
      return fail("not_found", "There is no such package: scan its label again.");
    // A closed package's scans are settled: closing it marked its missing drives (R-D4).
    const pkg = await tx.package.findUnique({
      where: { id: packageId },
      select: { closedAt: true },
    });
    if (!pkg || pkg.closedAt) {
      return fail(
        "refused",
        "This package is closed: its scans can no longer be undone here. Ask a supervisor.",
      );
    }
    const scan = await tx.event.findFirst({
      where: {
        actorId: actor.id,
        packageId,
        kind: { in: UNDOABLE },
        idempotencyKey: { startsWith: "scan:" },
      },
      orderBy: { id: "desc" },
    });
    if (!scan?.driveId || !scan.idempotencyKey)
      return fail("not_found", "You have no scan to undo in this package.");
    if (await tx.event.findUnique({ where: { idempotencyKey: `undo:${scan.id}` } })) {
      return fail("already_done", "Your last scan is already undone.");
    }
    const serial = (scan.data as { serial?: string } | null)?.serial ?? "";
    await lockSerial(tx, serial);
    if (scan.jobId) await lockJobs(tx, [scan.jobId]);
    const drive = await tx.drive.findUnique({ where: { id: scan.driveId } });
    if (!drive) return fail("not_found", "That drive is no longer on record.");
    const later = await tx.event.count({
      where: {
        driveId: drive.id,
        id: { gt: scan.id },
        NOT: { idempotencyKey: { startsWith: scan.idempotencyKey } },
        kind: { startsWith: "drive." },
      },
    });
    const allowed = canUndoScan(
      { at: scan.at, byUserId: scan.actorId ?? "", toState: scan.toState as DriveState },
      { state: drive.state, changedSince: later > 0 },
      actor.id,
      now,
    );
    if (!allowed.ok) return fail("refused", allowed.message);

    if (scan.kind === "drive.extra") {
      await tx.incident.updateMany({
        where: { driveId: drive.id, status: "Open" },
        data: {
          status: "Resolved",
          resolvedAt: now,
          resolvedById: actor.id,
          resolution: "Scan undone by the operator.",
        },
      });
      const { count } = await tx.drive.deleteMany({
        where: { id: drive.id, version: drive.version },
      });
      if (count !== 1) throw new VersionConflict(`drive ${drive.serial}`);
    } else {
      const back = scan.fromState as DriveState | null;
      if (!back) return fail("refused", "This scan cannot be undone: ask a supervisor.");
      await updateVersioned(tx.drive, `drive ${drive.serial}`, drive, {
        state: back,
        stateChangedAt: now,
        ...(scan.kind === "drive.receive"
          ? { receivedAt: null, inboundPackageId: null }
          : { shippedBackAt: null, returnPackageId: null }),
      });
    }
    // The job moves back too when this scan moved it (its steps carry the scan's key).
    const jobSteps = await tx.event.findMany({
      where: { kind: "job.state", idempotencyKey: { startsWith: `${scan.idempotencyKey}:job:` } },
      orderBy: { id: "asc" },
    });
    const first = jobSteps[0];
    const last = jobSteps[jobSteps.length - 1];
    if (first?.jobId && last) {
      const job = await tx.job.findUnique({ where: { id: first.jobId } });
      if (job && job.state === last.toState) {
        await updateVersioned(tx.job, "job", job, {
          state: first.fromState as JobState,
          stateChangedAt: now,
        });
        await appendEvent(tx, {
          actor,
          at: now,
          kind: "job.state",
          jobId: job.id,
          fromState: job.state,
          toState: first.fromState,
          reason: "Scan undone.",
        });
      }
    }
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "scan.undone",
      jobId: scan.jobId,
      driveId: scan.kind === "drive.extra" ? null : drive.id,
      packageId: scan.packageId,
      fromState: scan.toState,
      toState: scan.kind === "drive.extra" ? null : scan.fromState,
      data: { eventId: Number(scan.id), serial: drive.serial, kind: scan.kind },
      idempotencyKey: `undo:${scan.id}`,
    });
    return done({ serial: drive.serial || serial });
  });
}
