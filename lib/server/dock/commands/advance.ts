import "server-only";
import type { DriveState } from "@/lib/generated/prisma/enums.ts";
import { normalizeTrackingNumber } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { missingDrives } from "@/lib/server/dock/missing-drives.ts";
import { openPackageIn } from "@/lib/server/dock/commands/packages.ts";
import { lockJobs, lockPackage } from "@/lib/server/sql/locks.ts";
import type {
  AdvancedPackage,
  ClosedPackageSummary,
  PackageSummaryOutcome,
} from "@/lib/views/dock-floor.ts";

/** What one drive of a package came to, for the summary the dock shows once it is closed. */
function outcomeOf(
  d: { state: DriveState; extra: boolean; jobId: string | null; inboundPackageId: string | null },
  packageId: string,
): PackageSummaryOutcome {
  if (d.jobId === null) return "heldNoJob";
  if (d.extra) return "extra";
  if (d.state === "NeverReceived") return "neverReceived";
  if (d.state === "Specified") return d.inboundPackageId === packageId ? "held" : "notIn";
  return "received";
}

async function summaryOf(
  tx: Tx,
  pkg: { id: string; carrier: string; trackingNumber: string },
): Promise<ClosedPackageSummary> {
  const drives = await tx.drive.findMany({
    where: {
      OR: [
        { inboundPackageId: pkg.id },
        { extra: false, job: { deliveryTrackingNumber: pkg.trackingNumber } },
      ],
    },
    orderBy: [{ serial: "asc" }, { id: "asc" }],
    select: {
      serial: true,
      state: true,
      extra: true,
      jobId: true,
      inboundPackageId: true,
      job: { select: { name: true } },
    },
  });
  return {
    packageId: pkg.id,
    carrier: pkg.carrier,
    trackingNumber: pkg.trackingNumber,
    drives: drives.map((d) => ({
      serial: d.serial,
      jobName: d.job?.name ?? null,
      outcome: outcomeOf(d, pkg.id),
    })),
  };
}

/**
 * The next package's label scanned while an inbound package is open. When every drive the open
 * package's jobs expect is in (nothing a close would mark NeverReceived, R-D4), it is closed and the
 * next one opened, in one transaction; the answer has the closed package's summary. When drives
 * are still missing, nothing changes: the answer names them and the operator closes explicitly.
 *
 * Lock order (docs/architecture.md): the open package FOR UPDATE first (it waits for scans in
 * flight; later scans into it wait, then see it closed), then the next package's row (opened or
 * reopened), then the open package's jobs by id; drives and events are written under those.
 */
export function advanceDockPackage(
  database: Db,
  actor: ActorRef,
  input: { fromPackageId: string; code: string },
  now: Date,
): Promise<CommandResult<AdvancedPackage>> {
  return runCommand<AdvancedPackage>(database, async (tx) => {
    const tracking = normalizeTrackingNumber(input.code);
    if (!tracking.ok) return fail("invalid", tracking.refusal.message);
    if (!(await lockPackage(tx, input.fromPackageId, "update")))
      return fail("not_found", "There is no such package: scan its label again.");
    const from = await tx.package.findUniqueOrThrow({ where: { id: input.fromPackageId } });
    if (from.direction !== "Inbound")
      return fail(
        "invalid",
        "That is a package label. Close this return package first (Alt+C), then scan the next one.",
      );
    if (from.trackingNumber === tracking.value.trackingNumber)
      return fail("already_done", "This package is already open: scan its drives.");
    if (!from.closedAt) {
      // Level 1, before any job: the next package's row.
      const opened = await openPackageIn(
        tx,
        actor,
        { direction: "Inbound", ...tracking.value },
        now,
      );
      const jobs = await tx.job.findMany({
        where: { deliveryTrackingNumber: from.trackingNumber },
        select: { id: true },
      });
      await lockJobs(
        tx,
        jobs.map((j) => j.id),
      );
      const missing = await missingDrives(tx, from.trackingNumber);
      if (missing.length > 0) {
        const list = missing.map((d) => d.serial);
        const shown =
          list.length > 5
            ? `${list.slice(0, 5).join(", ")} and ${list.length - 5} more`
            : list.join(", ");
        return fail(
          "conflict",
          `This package still misses ${list.length === 1 ? "a drive" : `${list.length} drives`}: ${shown}. Scan ${list.length === 1 ? "it" : "them"}, or close the package (Alt+C) to mark ${list.length === 1 ? "it" : "them"} never received (R-D4), then scan the next label.`,
        );
      }
      await tx.package.update({ where: { id: from.id }, data: { closedAt: now } });
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "package.closed",
        packageId: from.id,
        data: { neverReceived: [], by: "nextLabel", next: opened.trackingNumber },
      });
      return done({ closed: await summaryOf(tx, from), opened });
    }
    // Someone closed it already: only the next one opens.
    const opened = await openPackageIn(tx, actor, { direction: "Inbound", ...tracking.value }, now);
    return done({ closed: null, opened });
  });
}
