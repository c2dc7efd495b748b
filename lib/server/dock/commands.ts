import "server-only";
import type { PackageDirection } from "@/lib/generated/prisma/enums.ts";
import {
  contestedHoldSummary,
  normalizeDriveSerial,
  normalizeTrackingNumber,
  planDriveScan,
} from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  done,
  fail,
  runCommand,
  updateVersioned,
  VersionConflict,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyDriveEvent, recordArrivingDriveIn } from "@/lib/server/drives/commands.ts";
import { openIncidentIn } from "@/lib/server/incidents/commands.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { missingDrives } from "@/lib/server/dock/missing-drives.ts";

/** Scan or type a package label: the package is opened (or found open) and matched to its jobs. */
export function openDockPackage(
  database: Db,
  actor: ActorRef,
  input: { code: string; direction: PackageDirection },
  now: Date,
): Promise<
  CommandResult<{
    packageId: string;
    carrier: string;
    trackingNumber: string;
    jobNames: string[];
    reopened: boolean;
  }>
> {
  return runCommand(database, async (tx) => {
    const tracking = normalizeTrackingNumber(input.code);
    if (!tracking.ok) return fail("invalid", tracking.refusal.message);
    const { carrier, trackingNumber } = tracking.value;
    const key = { direction: input.direction, trackingNumber };
    let pkg = await tx.package.findUnique({ where: { direction_trackingNumber: key } });
    const reopened = Boolean(pkg);
    if (pkg?.closedAt) {
      await tx.package.update({ where: { id: pkg.id }, data: { closedAt: null } });
    }
    pkg ??= await tx.package.create({
      data: { ...key, carrier, openedAt: now, openedById: "id" in actor ? actor.id : null },
    });
    const jobs =
      input.direction === "Inbound"
        ? await tx.job.findMany({
            where: { deliveryTrackingNumber: trackingNumber },
            select: { name: true },
          })
        : [];
    await appendEvent(tx, {
      actor,
      at: now,
      kind: reopened ? "package.reopened" : "package.opened",
      packageId: pkg.id,
      data: { ...key, carrier, jobs: jobs.map((j) => j.name) },
    });
    return done({
      packageId: pkg.id,
      carrier,
      trackingNumber,
      jobNames: jobs.map((j) => j.name),
      reopened,
    });
  });
}

async function openPackageOrFail(tx: Tx, packageId: string, direction: PackageDirection) {
  const pkg = await tx.package.findUnique({ where: { id: packageId } });
  if (!pkg || pkg.direction !== direction) return null;
  return pkg.closedAt ? null : pkg;
}

/** What the dock shows for a drive that is already where the scan would put it. */
async function duplicateOutcome(
  tx: Tx,
  driveId: string,
  serial: string,
  kind: "receive" | "shipBack",
): Promise<ScanOutcome> {
  const last = await tx.event.findFirst({
    where: {
      driveId,
      kind:
        kind === "receive"
          ? { in: ["drive.receive", "drive.extra", "drive.held"] }
          : "drive.shipBack",
    },
    orderBy: { at: "desc" },
    select: { at: true, actorLabel: true },
  });
  return scanOutcome.duplicate(serial, kind, last ?? null);
}

/**
 * A scan plans on what it read at its start. If another operator's scan of the same drive (or a
 * retry of this very request) committed in between, the drive rule answers "already done": the plan
 * is stale, so the whole scan runs again on fresh data and answers as the double scan it now is.
 */
function unlessStale<T>(r: CommandResult<T>, serial: string): CommandResult<T> {
  if (!r.ok && r.error.code === "already_done") throw new VersionConflict(`drive ${serial}`);
  return r;
}

/**
 * The start of every drive scan: a readable serial, and the scan's idempotency key; a request
 * already carried out (same scan id) is answered as the double scan it is.
 */
async function beginScan(
  tx: Tx,
  input: { code: string; scanId: string },
  kind: "receive" | "shipBack",
): Promise<{ answer: CommandResult<ScanOutcome> } | { serial: string; key: string }> {
  const parsed = normalizeDriveSerial(input.code);
  if (!parsed.ok) return { answer: fail("invalid", parsed.refusal.message) };
  const serial = parsed.value.serial;
  const key = `scan:${input.scanId}`;
  const repeat = await alreadyRecorded(tx, key);
  if (repeat?.driveId)
    return { answer: done(await duplicateOutcome(tx, repeat.driveId, serial, kind)) };
  return { serial, key };
}

/**
 * A drive scanned into an open inbound package. One transaction: find what the scan means
 * (planDriveScan), apply the drive rule, record the event with the scan's idempotency key. A double
 * scan or a retried request changes nothing and says when and by whom the drive came in.
 */
export function scanDriveIn(
  database: Db,
  actor: ActorRef,
  input: { packageId: string; code: string; scanId: string },
  now: Date,
): Promise<CommandResult<ScanOutcome>> {
  return runCommand(database, async (tx) => {
    const begun = await beginScan(tx, input, "receive");
    if ("answer" in begun) return begun.answer;
    const { serial, key } = begun;
    const pkg = await openPackageOrFail(tx, input.packageId, "Inbound");
    if (!pkg)
      return fail("invalid", "This package is closed or unknown: scan its label again to open it.");

    // Oldest first, so that whatever choice remains to the plan is the same on every run.
    const packageJobs = await tx.job.findMany({
      where: { deliveryTrackingNumber: pkg.trackingNumber },
      select: {
        id: true,
        name: true,
        type: true,
        state: true,
        customerId: true,
        customer: { select: { name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const onRecord = await tx.drive.findMany({
      where: { serial },
      select: {
        id: true,
        jobId: true,
        state: true,
        extra: true,
        job: {
          select: {
            name: true,
            state: true,
            version: true,
            customerId: true,
            customer: { select: { name: true } },
          },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const plan = planDriveScan(
      packageJobs.map((j) => ({
        jobId: j.id,
        name: j.name,
        type: j.type,
        state: j.state,
        customerId: j.customerId,
      })),
      onRecord.map((d) => ({
        driveId: d.id,
        jobId: d.jobId,
        jobName: d.job?.name ?? null,
        jobState: d.job?.state ?? null,
        customerId: d.job?.customerId ?? null,
        state: d.state,
        extra: d.extra,
      })),
    );
    const jobName = (id: string | null) =>
      packageJobs.find((j) => j.id === id)?.name ??
      onRecord.find((d) => d.jobId === id)?.job?.name ??
      "";
    const customerName = (customerId: string) =>
      packageJobs.find((j) => j.customerId === customerId)?.customer.name ??
      onRecord.find((d) => d.job?.customerId === customerId)?.job?.customer.name ??
      customerId;

    switch (plan.kind) {
      case "receive": {
        const r = unlessStale(
          await applyDriveEvent(tx, actor, plan.driveId, { type: "receive" }, now, {
            packageId: pkg.id,
            idempotencyKey: key,
          }),
          serial,
        );
        if (!r.ok) return r;
        return done(
          scanOutcome.received(
            serial,
            jobName(plan.jobId),
            plan.late,
            r.value.job.to === "Received" && r.value.job.from !== "Received",
          ),
        );
      }
      case "alreadyHere":
        return done(await duplicateOutcome(tx, plan.driveId, serial, "receive"));
      case "alreadyShippedBack":
        return fail(
          "refused",
          `Drive ${serial} was shipped back to its customer already. Set it aside and call a supervisor.`,
        );
      case "holdJobNotShipping": {
        // The job is written too (its version only, first, so the job row is locked before the
        // drive row as Delete Job does): a Delete Job or drive-list change that read the job before
        // this hold now fails its compare-and-set, runs again and sees the held drive (R-E1).
        const planned = onRecord.find((d) => d.id === plan.driveId)?.job;
        if (!planned) throw new Error(`drive ${serial} lost its job inside its own scan`);
        await updateVersioned(
          tx.job,
          `job ${planned.name}`,
          { id: plan.jobId, version: planned.version },
          {},
        );
        const drive = await tx.drive.findUnique({ where: { id: plan.driveId } });
        if (!drive) throw new VersionConflict(`drive ${serial}`);
        await updateVersioned(tx.drive, `drive ${serial}`, drive, { inboundPackageId: pkg.id });
        await appendEvent(tx, {
          actor,
          at: now,
          kind: "drive.held",
          jobId: plan.jobId,
          driveId: drive.id,
          packageId: pkg.id,
          fromState: drive.state,
          toState: drive.state,
          reason: "Job not in Shipping (R-E1)",
          idempotencyKey: key,
        });
        const open = await tx.incident.findFirst({
          where: { jobId: plan.jobId, kind: "JobNotShipping", status: "Open" },
        });
        if (!open) {
          const opened = await openIncidentIn(
            tx,
            actor,
            {
              kind: "JobNotShipping",
              jobId: plan.jobId,
              driveId: drive.id,
              packageId: pkg.id,
              summary: `Drive ${serial} arrived in ${pkg.carrier} ${pkg.trackingNumber} while job ${jobName(plan.jobId)} is not in Shipping.`,
            },
            now,
          );
          if (!opened.ok) return opened;
        }
        return done(scanOutcome.held(serial, jobName(plan.jobId)));
      }
      case "holdUnknown":
      case "holdContested": {
        const drive = await tx.drive.create({
          data: {
            serial,
            state: "Received",
            jobId: null,
            inboundPackageId: pkg.id,
            receivedAt: now,
            stateChangedAt: now,
            createdAt: now,
          },
        });
        await appendEvent(tx, {
          actor,
          at: now,
          kind: "drive.held",
          driveId: drive.id,
          packageId: pkg.id,
          toState: "Received",
          reason:
            plan.kind === "holdUnknown"
              ? "No job on record (R-E1)"
              : "Claimed by jobs of more than one customer (R-E1)",
          data:
            plan.kind === "holdUnknown"
              ? { serial }
              : { serial, claim: plan.claim, claimedBy: plan.claims.map((c) => c.jobName) },
          idempotencyKey: key,
        });
        const packageLabel = `${pkg.carrier} ${pkg.trackingNumber}`;
        const opened = await openIncidentIn(
          tx,
          actor,
          {
            kind: "JobNotShipping",
            jobId: null,
            driveId: drive.id,
            packageId: pkg.id,
            summary:
              plan.kind === "holdUnknown"
                ? `Drive ${serial} arrived in ${packageLabel}; no job on record has it.`
                : contestedHoldSummary(
                    serial,
                    packageLabel,
                    plan.claim,
                    plan.claims.map((c) => ({
                      jobName: c.jobName,
                      customerName: customerName(c.customerId),
                    })),
                  ),
          },
          now,
        );
        if (!opened.ok) return opened;
        return done(
          plan.kind === "holdUnknown"
            ? scanOutcome.held(serial, null)
            : scanOutcome.heldContested(serial),
        );
      }
      case "exportDrive":
      case "extra": {
        const kind = plan.kind === "extra" ? "extraDrive" : "exportDrive";
        const r = unlessStale(
          await recordArrivingDriveIn(
            tx,
            actor,
            { jobId: plan.jobId, serial, kind, packageId: pkg.id, idempotencyKey: key },
            now,
          ),
          serial,
        );
        if (!r.ok) return r;
        if (plan.kind === "extra") {
          const opened = await openIncidentIn(
            tx,
            actor,
            {
              kind: "ExtraDrive",
              jobId: plan.jobId,
              driveId: r.value.driveId,
              packageId: pkg.id,
              summary: `Drive ${serial} is not on job ${jobName(plan.jobId)}'s drive list; it goes back with the job.`,
            },
            now,
          );
          if (!opened.ok) return opened;
          return done(scanOutcome.extra(serial, jobName(plan.jobId)));
        }
        return done(
          scanOutcome.received(
            serial,
            jobName(plan.jobId),
            false,
            r.value.job.to === "Received" && r.value.job.from !== "Received",
          ),
        );
      }
    }
  });
}

/**
 * Close a package after a confirmation. For an inbound one, every listed drive of its jobs that
 * did not come out of it becomes NeverReceived (R-D4); a return package is simply sealed.
 */
export function closeDockPackage(
  database: Db,
  actor: ActorRef,
  packageId: string,
  now: Date,
): Promise<CommandResult<{ neverReceived: string[] }>> {
  return runCommand(database, async (tx) => {
    const found = await tx.package.findUnique({ where: { id: packageId } });
    const pkg = found && (await openPackageOrFail(tx, packageId, found.direction));
    if (!pkg) return fail("invalid", "This package is already closed.");
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

/** A drive scanned into an open return package: shipped back (R-D9); the job may end (R-J10, R-J12). */
export function scanDriveOut(
  database: Db,
  actor: ActorRef,
  input: { packageId: string; code: string; scanId: string; supervisorOverride?: boolean },
  now: Date,
): Promise<CommandResult<ScanOutcome>> {
  return runCommand(database, async (tx) => {
    const begun = await beginScan(tx, input, "shipBack");
    if ("answer" in begun) return begun.answer;
    const { serial, key } = begun;
    const pkg = await openPackageOrFail(tx, input.packageId, "Return");
    if (!pkg)
      return fail("invalid", "This return package is closed or unknown: scan its label again.");
    const drives = await tx.drive.findMany({
      where: { serial, jobId: { not: null } },
      include: { job: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    });
    const drive = drives.find((d) => d.state !== "ShippedBack") ?? drives[0];
    if (!drive)
      return fail(
        "not_found",
        `No job has a drive ${serial}. Check the label, or call a supervisor.`,
      );
    if (drive.state === "ShippedBack")
      return done(await duplicateOutcome(tx, drive.id, serial, "shipBack"));
    const r = unlessStale(
      await applyDriveEvent(
        tx,
        actor,
        drive.id,
        { type: "shipBack", supervisorOverride: input.supervisorOverride ?? false },
        now,
        { packageId: pkg.id, idempotencyKey: key },
      ),
      serial,
    );
    if (!r.ok) return r;
    const { from, to } = r.value.job;
    const ended = from !== to && (to === "Completed" || to === "Closed") ? to : null;
    return done(scanOutcome.shippedBack(serial, drive.job?.name ?? "", ended));
  });
}
