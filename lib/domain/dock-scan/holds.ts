import type { IncidentKind } from "../incidents.ts";
import type { DriveState } from "../states.ts";

/** A drive held at the dock for its job (R-E1): still Specified, but it came out of a package. */
export function isHeldForJob(drive: { state: DriveState; inboundPackageId: string | null }) {
  return drive.state === "Specified" && drive.inboundPackageId !== null;
}

/**
 * R-E1: a drive held because its job was not in Shipping is later received the normal way (the
 * job moved on, the operator scanned it again). The hold's incident follows the fate of its
 * drives: once none of the job's drives is still held, the open R-E1 incidents of that job (or
 * of that drive) have no drive left to decide about, and the reception resolves them.
 * `stillHeld` counts the job's drives still held after this reception.
 */
export function holdIncidentsSettledByReception(
  open: readonly { id: string; kind: IncidentKind; jobId: string | null; driveId: string | null }[],
  received: { driveId: string; jobId: string },
  stillHeld: number,
): string[] {
  if (stillHeld > 0) return [];
  return open
    .filter(
      (i) =>
        i.kind === "JobNotShipping" &&
        (i.jobId === received.jobId || i.driveId === received.driveId),
    )
    .map((i) => i.id);
}
