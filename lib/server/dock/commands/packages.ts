import "server-only";
import type { PackageDirection } from "@/lib/generated/prisma/enums.ts";
import { normalizeTrackingNumber } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { applyDriveEvent } from "@/lib/server/drives/commands.ts";
import type { ScanOutcome } from "@/lib/dock-outcomes.ts";
import { missingDrives } from "@/lib/server/dock/missing-drives.ts";
import { scanDrive, type ScanRequest } from "@/lib/server/dock/commands/scan/index.ts";
import { lockJobs, lockPackage } from "@/lib/server/sql/locks.ts";

/** Scan or type a package label: the package is opened (or found open) and matched to its jobs. */
export function openDockPackage(
  database: Db,
  actor: ActorRef,
  input: { code: string; direction: PackageDirection },
  now: Date,
): Promise<CommandResult<OpenedPackage>> {
  return runCommand(database, async (tx) => {
    const tracking = normalizeTrackingNumber(input.code);
    if (!tracking.ok) return fail("invalid", tracking.refusal.message);
    return done(
      await openPackageIn(tx, actor, { ...tracking.value, direction: input.direction }, now),
    );
  });
}

export type OpenedPackage = {
  packageId: string;
  carrier: string;
  trackingNumber: string;
  jobNames: string[];
  reopened: boolean;
};

/** Open (create or reopen) a package inside a command's transaction; its row is lock level 1. */
export async function openPackageIn(
  tx: Tx,
  actor: ActorRef,
  input: { direction: PackageDirection; carrier: string; trackingNumber: string },
  now: Date,
): Promise<OpenedPackage> {
  const { carrier, trackingNumber } = input;
  const key = { direction: input.direction, trackingNumber };
  // Everyone who scans one label gets one package, decided by its unique index: a closed one is
  // reopened by exactly one of them (the row lock makes the others see it open), a new one is
  // created by exactly one of them (ON CONFLICT DO NOTHING), the rest join the open package.
  const reopened = await tx.package.updateManyAndReturn({
    where: { ...key, closedAt: { not: null } },
    data: { closedAt: null },
    select: { id: true },
  });
  const created = reopened.length
    ? []
    : await tx.package.createManyAndReturn({
        data: [{ ...key, carrier, openedAt: now, openedById: "id" in actor ? actor.id : null }],
        skipDuplicates: true,
        select: { id: true },
      });
  const pkg =
    reopened[0] ??
    created[0] ??
    (await tx.package.findUniqueOrThrow({
      where: { direction_trackingNumber: key },
      select: { id: true },
    }));
  const jobs =
    input.direction === "Inbound"
      ? await tx.job.findMany({
          where: { deliveryTrackingNumber: trackingNumber },
          select: { name: true },
        })
      : [];
  if (reopened.length || created.length) {
    await appendEvent(tx, {
      actor,
      at: now,
      kind: reopened.length ? "package.reopened" : "package.opened",
      packageId: pkg.id,
      data: { ...key, carrier, jobs: jobs.map((j) => j.name) },
    });
  }
  return {
    packageId: pkg.id,
    carrier,
    trackingNumber,
    jobNames: jobs.map((j) => j.name),
    reopened: created.length === 0,
  };
}

/**
 * A drive scanned into an open package by a user the caller has authorized (the route checks the
 * session inside the scan itself: lib/server/dock/commands/scan). Inbound: received, held, extra or a
 * double scan; return: shipped back.
 */
export function scanDriveIn(
  database: Db,
  actor: Extract<ActorRef, { type: "user" }>,
  input: ScanRequest,
  now: Date,
): Promise<CommandResult<ScanOutcome>> {
  return scanDrive(database, { actor }, input, now);
}

export const scanDriveOut = scanDriveIn;

/**
 * Close a package after a confirmation. For an inbound one, every listed drive of its jobs that
 * did not come out of it becomes NeverReceived (R-D4); a return package is simply sealed.
 *
 * Close against scans has one rule (docs/architecture.md): the close locks the package FOR UPDATE,
 * so it waits for every scan in flight and then plans on fresh rows: a scan that committed before
 * it is counted, and is never a reason to refuse the close. A scan after it is refused ("package
 * closed"); a drive the close marked NeverReceived can still arrive later, as a late arrival
 * (R-D10) with its own event.
 */
export function closeDockPackage(
  database: Db,
  actor: ActorRef,
  packageId: string,
  now: Date,
): Promise<CommandResult<{ neverReceived: string[] }>> {
  return runCommand(database, async (tx) => {
    if (!(await lockPackage(tx, packageId, "update")))
      return fail("not_found", "There is no such package: scan its label again.");
    const pkg = await tx.package.findUniqueOrThrow({ where: { id: packageId } });
    if (pkg.closedAt) return fail("already_done", "This package is already closed.");
    if (pkg.direction === "Inbound") {
      const jobs = await tx.job.findMany({
        where: { deliveryTrackingNumber: pkg.trackingNumber },
        select: { id: true },
      });
      await lockJobs(
        tx,
        jobs.map((j) => j.id),
      );
    }
    const missing = pkg.direction === "Return" ? [] : await missingDrives(tx, pkg.trackingNumber);
    for (const d of missing) {
      const r = await applyDriveEvent(tx, actor, d.id, { type: "markNeverReceived" }, now, {
        packageId: pkg.id,
        reason: `Not in package ${pkg.trackingNumber} (R-D4)`,
      });
      if (!r.ok) return r;
    }
    await tx.package.update({ where: { id: pkg.id }, data: { closedAt: now } });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "package.closed",
      packageId: pkg.id,
      data: { neverReceived: missing.map((d) => d.serial) },
    });
    return done({ neverReceived: missing.map((d) => d.serial) });
  });
}
