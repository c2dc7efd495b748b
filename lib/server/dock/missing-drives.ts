import "server-only";
import type { Tx } from "@/lib/server/db.ts";

/**
 * The drives that closing this inbound package marks NeverReceived (R-D4): listed drives, still
 * Specified, of the jobs it was shipped for, when those jobs await drives (Shipping or Received).
 * A held drive of a job still in Creating (R-E1) is not missing: it is here, set aside.
 * One definition for the close command and for the confirmation the dock shows before it.
 */
export function missingDrives(tx: Pick<Tx, "drive">, trackingNumber: string) {
  return tx.drive.findMany({
    where: {
      state: "Specified",
      extra: false,
      inboundPackageId: null,
      job: { deliveryTrackingNumber: trackingNumber, state: { in: ["Shipping", "Received"] } },
    },
    select: { id: true, serial: true },
    orderBy: { serial: "asc" },
  });
}
