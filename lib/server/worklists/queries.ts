import "server-only";
import { DAY_MS, drivesGoingBack, isDue, listedDrives, packageDueAt } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { printableText } from "@/lib/validation/text.ts";
import { WORKLIST_PAGE_SIZE, pageCount } from "@/lib/server/worklists/paging.ts";
import { returnAddressView } from "@/lib/server/worklists/return-address.ts";
import type {
  ExpectedList,
  ExpectedPackage,
  ShipBackList,
  ReturnParcel,
} from "@/lib/views/worklists.ts";

const carrierSchema = printableText().min(1).max(60);

/** The carrier filter of the Expected list's address, or null (all carriers). */
export function carrierFromParam(raw: unknown): string | null {
  const parsed = carrierSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : null;
}

/**
 * The Expected worklist: the delivery package of every job in Shipping (R-J4), the longest
 * awaited first, so that overdue ones (R-J6, R-E2: 14 days after the shipping information) lead.
 * The order follows the same instant the domain's deadline counts from (shippingInfoAt, or entering
 * Shipping for rows without it), served by the index on (state, shippingInfoAt, stateChangedAt).
 */
export async function expectedPackages(
  db: Db,
  opts: { carrier: string | null; page: number },
  now: Date,
): Promise<ExpectedList> {
  const where = {
    state: "Shipping" as const,
    ...(opts.carrier ? { deliveryCarrier: opts.carrier } : {}),
  };
  const overdueBefore = new Date(now.getTime() - 14 * DAY_MS);
  const [total, overdueTotal, carrierRows, jobs] = await Promise.all([
    db.job.count({ where }),
    db.job.count({
      where: {
        ...where,
        OR: [
          { shippingInfoAt: { lte: overdueBefore } },
          { shippingInfoAt: null, stateChangedAt: { lte: overdueBefore } },
        ],
      },
    }),
    db.job.groupBy({
      by: ["deliveryCarrier"],
      where: { state: "Shipping" },
      _count: { _all: true },
      orderBy: { deliveryCarrier: "asc" },
    }),
    db.job.findMany({
      where,
      // Rows without shippingInfoAt are older than the column (they count from stateChangedAt).
      orderBy: [
        { shippingInfoAt: { sort: "asc", nulls: "first" } },
        { stateChangedAt: "asc" },
        { name: "asc" },
      ],
      skip: (opts.page - 1) * WORKLIST_PAGE_SIZE,
      take: WORKLIST_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        type: true,
        deliveryCarrier: true,
        deliveryTrackingNumber: true,
        deliveryDriveCount: true,
        shippingInfoAt: true,
        stateChangedAt: true,
        creatingTimerStartedAt: true,
        customer: { select: { name: true } },
        drives: { select: { state: true, extra: true } },
        incidents: {
          where: { kind: "PackageOverdue", status: "Open" },
          orderBy: { openedAt: "desc" },
          take: 1,
          select: { id: true, answerDeadline: true },
        },
      },
    }),
  ]);
  const packages = jobs.map((j): ExpectedPackage => {
    const listed = listedDrives(j.drives);
    const since = j.shippingInfoAt ?? j.stateChangedAt;
    const dueAt = packageDueAt(j);
    return {
      jobId: j.id,
      jobName: j.name,
      jobType: j.type,
      customer: j.customer.name,
      carrier: j.deliveryCarrier,
      trackingNumber: j.deliveryTrackingNumber,
      drivesAwaited: listed.filter((d) => d.state === "Specified" || d.state === "NeverReceived")
        .length,
      drivesListed: listed.length,
      announcedDrives: j.deliveryDriveCount,
      shippingSince: since,
      daysSinceShipping: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)),
      dueAt,
      overdue: isDue(now, dueAt),
      overdueIncident: j.incidents[0] ?? null,
    };
  });
  return {
    packages,
    total,
    overdueTotal,
    page: opts.page,
    pageCount: pageCount(total),
    carriers: carrierRows.flatMap((r) =>
      r.deliveryCarrier ? [{ carrier: r.deliveryCarrier, jobs: r._count._all }] : [],
    ),
    carrier: opts.carrier,
  };
}

/**
 * The To ship back worklist: jobs in Packaging (R-J9), the longest waiting first (the index on
 * (state, stateChangedAt)), each with every drive that goes back with it, listed and extra
 * (R-D9, R-E5, R-D11), its return address and the carrier the customer chose.
 */
export async function shipBackJobs(db: Db, opts: { page: number }): Promise<ShipBackList> {
  const where = { state: "Packaging" as const };
  const [total, jobs] = await Promise.all([
    db.job.count({ where }),
    db.job.findMany({
      where,
      orderBy: [{ stateChangedAt: "asc" }, { name: "asc" }],
      skip: (opts.page - 1) * WORKLIST_PAGE_SIZE,
      take: WORKLIST_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        type: true,
        stateChangedAt: true,
        packagingAt: true,
        returnAddress: true,
        returnCarrier: true,
        returnCarrierAccount: true,
        customer: { select: { name: true } },
        drives: {
          orderBy: [{ extra: "asc" }, { serial: "asc" }],
          select: {
            id: true,
            serial: true,
            state: true,
            extra: true,
            disposal: true,
            faultedFrom: true,
            returnPackage: { select: { carrier: true, trackingNumber: true } },
            incidents: {
              where: { status: "Open", kind: { in: ["ExtraDrive", "JobNotShipping"] } },
              orderBy: { openedAt: "desc" },
              take: 1,
              select: { kind: true },
            },
          },
        },
      },
    }),
  ]);
  return {
    jobs: jobs.map((j) => {
      const going = drivesGoingBack(j.drives);
      return {
        jobId: j.id,
        jobName: j.name,
        jobType: j.type,
        customer: j.customer.name,
        packagingSince: j.packagingAt ?? j.stateChangedAt,
        drives: going.map((d) => ({
          id: d.id,
          serial: d.serial,
          state: d.state,
          extra: d.extra,
          shippedBack: d.state === "ShippedBack",
          heldBy: d.incidents[0]?.kind ?? null,
        })),
        returnAddress: returnAddressView(j.returnAddress),
        returnCarrier: j.returnCarrier,
        returnCarrierAccount: j.returnCarrierAccount,
        parcels: distinctParcels(going.map((d) => d.returnPackage)),
      };
    }),
    total,
    page: opts.page,
    pageCount: pageCount(total),
  };
}

/** The return packages of a job's drives, each once, in the order the drives list them. */
export function distinctParcels(packages: readonly (ReturnParcel | null)[]): ReturnParcel[] {
  const seen = new Map<string, ReturnParcel>();
  for (const p of packages) {
    if (p && !seen.has(p.trackingNumber)) seen.set(p.trackingNumber, p);
  }
  return [...seen.values()];
}
