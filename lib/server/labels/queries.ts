import "server-only";
import { z } from "zod";
import { INCIDENT_DEFINITIONS, drivesGoingBack } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { code128 } from "@/lib/server/labels/barcode.ts";
import { distinctParcels } from "@/lib/server/worklists/queries.ts";
import { returnAddressView } from "@/lib/server/worklists/return-address.ts";
import type { DriveLabel, PackingSlip } from "@/lib/views/labels.ts";

const idSchema = z.uuid();

/** The incidents that keep a drive at the dock: held for its job (R-E1) or extra (R-E5). */
const KEEPING_KINDS = ["JobNotShipping", "ExtraDrive"] as const;

const DEADLINES = [
  ["Contact the customer by", "contactDeadline"],
  ["Customer to answer by", "answerDeadline"],
  ["Destroy after", "destructionDeadline"],
] as const;

type Deadlines = Record<(typeof DEADLINES)[number][1], Date | null>;

/** The incident's next deadline: the earliest one it has. */
function nextDeadline(i: Deadlines): { what: string; at: Date } | null {
  const all = DEADLINES.flatMap(([what, key]) => (i[key] ? [{ what, at: i[key] }] : []));
  all.sort((a, b) => a.at.getTime() - b.at.getTime());
  return all[0] ?? null;
}

/**
 * The label of a drive kept at the dock: held because its job was not Shipping (R-E1, also a drive
 * of no job at all) or extra to its job's drive list (R-E5, R-D11). Its open incident is the one
 * naming the drive, else the job's open R-E1 incident. `null` for an unknown or malformed id, a
 * drive that is neither held nor extra, or one that has left (it needs no label).
 */
export async function driveLabel(db: Db, driveId: string): Promise<DriveLabel | null> {
  if (!idSchema.safeParse(driveId).success) return null;
  const drive = await db.drive.findUnique({
    where: { id: driveId },
    select: {
      id: true,
      serial: true,
      state: true,
      extra: true,
      jobId: true,
      inboundPackageId: true,
      disposal: true,
      job: {
        select: { id: true, name: true, state: true, customer: { select: { name: true } } },
      },
    },
  });
  if (!drive) return null;
  const incident = await db.incident.findFirst({
    where: {
      status: "Open",
      kind: { in: [...KEEPING_KINDS] },
      OR: [
        { driveId: drive.id },
        ...(drive.jobId
          ? [{ jobId: drive.jobId, kind: "JobNotShipping" as const, driveId: null }]
          : []),
      ],
    },
    // The drive's own incident before its job's.
    orderBy: [{ driveId: { sort: "asc", nulls: "last" } }, { openedAt: "desc" }],
    select: {
      id: true,
      kind: true,
      openedAt: true,
      contactDeadline: true,
      answerDeadline: true,
      destructionDeadline: true,
    },
  });
  // Held without an incident of its own: a drive of no job, or of a job still Creating, that came
  // out of a package (R-E1). A drive that already left (shipped back, disposed of) needs no label.
  const held =
    drive.inboundPackageId !== null && (drive.job === null || drive.job.state === "Creating");
  const gone = drive.state === "ShippedBack" || drive.disposal !== null;
  if (gone || (!incident && !drive.extra && !held)) return null;
  return {
    driveId: drive.id,
    serial: drive.serial,
    barcode: code128(drive.serial),
    state: drive.state,
    extra: drive.extra,
    job: drive.job
      ? { id: drive.job.id, name: drive.job.name, customer: drive.job.customer.name }
      : null,
    incident: incident
      ? {
          id: incident.id,
          kind: incident.kind,
          rule: INCIDENT_DEFINITIONS[incident.kind].rule,
          title: INCIDENT_DEFINITIONS[incident.kind].title,
          openedAt: incident.openedAt,
          deadline: nextDeadline(incident),
        }
      : null,
  };
}

/**
 * The return packing slip of a job: where its drives go, how, and every drive in the box, listed
 * and extra (R-D9, R-E5, R-D11), each as a barcode the customer's receiving dock can scan. `null`
 * for an unknown or malformed id.
 */
export async function packingSlip(db: Db, jobId: string): Promise<PackingSlip | null> {
  if (!idSchema.safeParse(jobId).success) return null;
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      name: true,
      returnAddress: true,
      returnCarrier: true,
      returnCarrierAccount: true,
      customer: { select: { name: true } },
      drives: {
        orderBy: [{ extra: "asc" }, { serial: "asc" }],
        select: {
          serial: true,
          state: true,
          extra: true,
          disposal: true,
          faultedFrom: true,
          returnPackage: { select: { carrier: true, trackingNumber: true } },
        },
      },
    },
  });
  if (!job) return null;
  const going = drivesGoingBack(job.drives);
  return {
    jobId: job.id,
    jobName: job.name,
    customer: job.customer.name,
    returnAddress: returnAddressView(job.returnAddress),
    returnCarrier: job.returnCarrier,
    returnCarrierAccount: job.returnCarrierAccount,
    parcels: distinctParcels(going.map((d) => d.returnPackage)),
    drives: going.map((d) => ({
      serial: d.serial,
      barcode: code128(d.serial),
      extra: d.extra,
      state: d.state,
    })),
  };
}
