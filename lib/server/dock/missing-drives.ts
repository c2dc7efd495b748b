import "server-only";
import type { Tx } from "@/lib/server/db.ts";

/**
 * The drives that closing this inbound package marks NeverReceived (R-D4): listed drives, still
 * Specified, of the jobs it was shipped for, when those jobs await drives (Shipping or Received).
 * Not missing, because they are here, set aside: a held drive of a job still in Creating (R-E1),
 * and a drive whose serial arrived in this package but was held for a supervisor because jobs of
 * more than one customer claim it.
 * One definition for the close command and for the confirmation the dock shows before it.
 */
export async function missingDrives(tx: Pick<Tx, "drive">, trackingNumber: string) {
  const heldHere = await tx.drive.findMany({
    where: { jobId: null, inboundPackage: { direction: "Inbound", trackingNumber } },
    select: { serial: true },
  });
  return tx.drive.findMany({
    where: {
      state: "Specified",
      extra: false,
      inboundPackageId: null,
      job: { deliveryTrackingNumber: trackingNumber, state: { in: ["Shipping", "Received"] } },
      ...(heldHere.length ? { serial: { notIn: heldHere.map((d) => d.serial) } } : {}),
    },
    select: { id: true, serial: true },
    orderBy: { serial: "asc" },
  });
}
