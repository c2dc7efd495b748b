import "server-only";
import type { IncidentKind } from "@/lib/generated/prisma/enums.ts";
import {
  ARRIVED_DRIVE_STATES,
  incidentDisposalTargets,
  type DriveDisposal,
  type IncidentDrive,
} from "@/lib/domain/index.ts";
import type { Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fromRefusal,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import { settleJobAfterDriveChange } from "@/lib/server/jobs/job-state.ts";

type IncidentRef = { id: string; kind: IncidentKind; jobId: string | null; driveId: string | null };

/**
 * The drives an incident is about. R-E1 with a job: every drive of that job that came out of a
 * package (held ones, and any since received); R-E1 of no job, and R-E5: the incident's own drive;
 * R-E4: every drive of the job.
 */
async function incidentDriveRows(tx: Tx, incident: IncidentRef) {
  const own = incident.driveId ? [{ id: incident.driveId }] : [];
  const where =
    incident.kind === "ReturnAddressInvalid" && incident.jobId
      ? { jobId: incident.jobId }
      : incident.kind === "JobNotShipping" && incident.jobId
        ? { jobId: incident.jobId, OR: [{ inboundPackageId: { not: null } }, ...own] }
        : own.length
          ? own[0]!
          : null;
  if (!where) return [];
  return tx.drive.findMany({
    where,
    orderBy: { serial: "asc" },
    select: {
      id: true,
      version: true,
      serial: true,
      state: true,
      faultedFrom: true,
      extra: true,
      inboundPackageId: true,
      disposal: true,
      jobId: true,
      job: { select: { state: true } },
    },
  });
}

type DriveRow = Awaited<ReturnType<typeof incidentDriveRows>>[number];

function toIncidentDrive(d: DriveRow): IncidentDrive {
  const arrivedState = (s: DriveRow["state"] | null) =>
    s !== null && ARRIVED_DRIVE_STATES.includes(s);
  return {
    serial: d.serial,
    state: d.state,
    faultedFrom: d.faultedFrom,
    extra: d.extra,
    arrived:
      d.inboundPackageId !== null ||
      arrivedState(d.state) ||
      (d.state === "Faulted" && arrivedState(d.faultedFrom)),
    disposal: d.disposal,
    jobState: d.job?.state ?? null,
  };
}

/**
 * R-E1, R-E4: record that the incident's drives were returned or destroyed. The domain decides
 * which drives (the serials named, or every drive of the incident still here) and refuses any
 * that is not the incident's to dispose of: one received into a live job goes back with the job.
 * Each drive is marked under its own version check with an event, and its job is settled: a job
 * ends only once every drive here, listed or extra, has gone (R-J10, R-J12, R-E5).
 */
export async function disposeOfIncidentDrives(
  tx: Tx,
  actor: ActorRef,
  incident: IncidentRef,
  outcome: DriveDisposal,
  now: Date,
  serials?: readonly string[],
): Promise<CommandResult<{ serials: string[] }>> {
  const rows = await incidentDriveRows(tx, incident);
  const decision = incidentDisposalTargets(incident, outcome, rows.map(toIncidentDrive), serials);
  if (!decision.ok) return fromRefusal(decision.refusal);
  const chosen = new Set(decision.value.map((d) => d.serial));
  const targets = rows.filter((r) => chosen.has(r.serial));
  const disposal = outcome === "drivesDestroyed" ? "Destroyed" : "Returned";
  for (const d of targets) {
    await updateVersioned(tx.drive, `drive ${d.serial}`, d, { disposal, disposedAt: now });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: `drive.${disposal === "Destroyed" ? "destroyed" : "returned"}`,
      jobId: d.jobId,
      driveId: d.id,
      incidentId: incident.id,
      reason:
        disposal === "Destroyed"
          ? "Securely destroyed through its incident."
          : "Returned to the customer through its incident.",
      data: { serial: d.serial, incidentKind: incident.kind },
    });
  }
  const jobIds = [...new Set(targets.flatMap((d) => (d.jobId ? [d.jobId] : [])))];
  for (const jobId of jobIds) {
    const first = targets.find((d) => d.jobId === jobId)!;
    await settleJobAfterDriveChange(tx, actor, jobId, now, {
      driveId: first.id,
      recordsJobError: false,
    });
  }
  return done({ serials: targets.map((d) => d.serial) });
}
