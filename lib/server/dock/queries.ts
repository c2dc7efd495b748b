import "server-only";
import { drivesGoingBack } from "@/lib/domain/index.ts";
import type { DockPackageView } from "@/lib/views/dock-floor.ts";
import type { Db } from "@/lib/server/db.ts";
import { missingDrives } from "@/lib/server/dock/missing-drives.ts";

export type { DockDrive, DockJob, DockPackageView, DockScan } from "@/lib/views/dock-floor.ts";

const SCAN_KINDS = [
  "drive.receive",
  "drive.extra",
  "drive.held",
  "drive.shipBack",
  "drive.markNeverReceived",
  "scan.undone",
];

/**
 * The open package as the dock shows it: for an inbound package, the jobs whose delivery package it
 * is, with every drive they expect (and any drive of theirs that came in it); for a return package,
 * the jobs of the drives already in it, with every drive that goes back with them: listed and
 * extra (R-E5, R-D11), shipped or still here, never one that did not arrive or was disposed of
 * through its incident. Plus the recent scans of everyone on this package, newest first.
 */
export async function dockPackageView(
  database: Db,
  packageId: string,
): Promise<DockPackageView | null> {
  const pkg = await database.package.findUnique({ where: { id: packageId } });
  if (!pkg) return null;
  const jobWhere =
    pkg.direction === "Inbound"
      ? {
          OR: [
            { deliveryTrackingNumber: pkg.trackingNumber },
            { drives: { some: { inboundPackageId: pkg.id } } },
          ],
        }
      : { drives: { some: { returnPackageId: pkg.id } } };
  const [jobs, held, events, missing] = await Promise.all([
    database.job.findMany({
      where: jobWhere,
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        type: true,
        state: true,
        customer: { select: { name: true } },
        drives: {
          orderBy: [{ extra: "asc" }, { serial: "asc" }],
          select: {
            id: true,
            serial: true,
            state: true,
            extra: true,
            inboundPackageId: true,
            returnPackageId: true,
            faultedFrom: true,
            disposal: true,
          },
        },
      },
    }),
    database.drive.findMany({
      where: { inboundPackageId: pkg.id, jobId: null },
      select: { id: true, serial: true },
    }),
    database.event.findMany({
      where: { packageId: pkg.id, kind: { in: SCAN_KINDS } },
      orderBy: { id: "desc" },
      take: 40,
      select: {
        id: true,
        at: true,
        kind: true,
        actorLabel: true,
        data: true,
        jobId: true,
        toState: true,
      },
    }),
    pkg.direction === "Inbound" && !pkg.closedAt ? missingDrives(database, pkg.trackingNumber) : [],
  ]);
  return {
    id: pkg.id,
    direction: pkg.direction,
    carrier: pkg.carrier,
    trackingNumber: pkg.trackingNumber,
    closedAt: pkg.closedAt?.toISOString() ?? null,
    jobs: jobs.map((j) => ({
      id: j.id,
      name: j.name,
      type: j.type,
      customer: j.customer.name,
      state: j.state,
      drives: (pkg.direction === "Return" ? drivesGoingBack(j.drives) : j.drives).map((d) => ({
        id: d.id,
        serial: d.serial,
        state: d.state,
        extra: d.extra,
        inThisPackage:
          (pkg.direction === "Inbound" ? d.inboundPackageId : d.returnPackageId) === pkg.id,
      })),
    })),
    held,
    missing: missing.map((d) => d.serial),
    scans: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      kind: e.kind,
      serial: (e.data as { serial?: string } | null)?.serial ?? "",
      actor: e.actorLabel,
      jobId: e.jobId,
      toState: e.toState,
    })),
  };
}

/** Packages open at the dock right now, so an operator can pick up where someone left off. */
export async function openDockPackages(database: Db) {
  return database.package.findMany({
    where: { closedAt: null },
    orderBy: { openedAt: "desc" },
    take: 20,
    select: { id: true, direction: true, carrier: true, trackingNumber: true, openedAt: true },
  });
}
