import "server-only";
import type { DriveState, JobState } from "@/lib/generated/prisma/enums.ts";
import { decideDriveEvent, type DriveEvent } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  done,
  fail,
  fromRefusal,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import { settleJobAfterDriveChange } from "@/lib/server/jobs/job-state.ts";
import { lockJobOfDrive } from "@/lib/server/sql/locks.ts";

export type DriveChange = {
  driveId: string;
  serial: string;
  jobId: string;
  from: DriveState;
  to: DriveState;
  job: { from: JobState; to: JobState };
};

/** Facts that travel with a drive event and are stored on the drive. */
export type DriveEventDetails = {
  packageId?: string;
  errorLogUri?: string;
  verboseLogUri?: string;
  reason?: string;
  idempotencyKey?: string;
};

function columnsFor(
  event: DriveEvent,
  details: DriveEventDetails,
  now: Date,
): Record<string, unknown> {
  switch (event.type) {
    case "receive":
      return {
        receivedAt: now,
        ...(details.packageId ? { inboundPackageId: details.packageId } : {}),
      };
    case "startCopy":
      return { copyStatus: "InProgress", percentComplete: 0 };
    case "finishCopy":
      return {
        copyStatus:
          event.errors + event.warnings + (event.overwrittenBlobs ?? 0) > 0
            ? "CompletedWithIssues"
            : "Completed",
        percentComplete: 100,
        errorCount: event.errors,
        warningCount: event.warnings,
        ...(details.errorLogUri ? { errorLogUri: details.errorLogUri } : {}),
        ...(details.verboseLogUri ? { verboseLogUri: details.verboseLogUri } : {}),
      };
    case "shipBack":
      return {
        shippedBackAt: now,
        ...(details.packageId ? { returnPackageId: details.packageId } : {}),
      };
    case "fault":
      return { faultReason: event.reason };
    case "resolveFault":
      return { faultReason: null };
    case "markNeverReceived":
      return {};
  }
}

/** The body of every drive command, inside the caller's transaction. */
export async function applyDriveEvent(
  tx: Tx,
  actor: ActorRef,
  driveId: string,
  event: DriveEvent,
  now: Date,
  details: DriveEventDetails = {},
): Promise<CommandResult<DriveChange>> {
  const repeat = await alreadyRecorded(tx, details.idempotencyKey);
  if (repeat) return fail("already_done", "This request was already carried out.");
  await lockJobOfDrive(tx, driveId);
  const drive = await tx.drive.findUnique({ where: { id: driveId }, include: { job: true } });
  if (!drive) return fail("not_found", "There is no such drive.");
  if (!drive.job || !drive.jobId) {
    return fail(
      "refused",
      `Drive ${drive.serial} belongs to no job: it is held until operations sorts it out (R-E1).`,
      "R-E1",
    );
  }
  const decision = decideDriveEvent(
    { state: drive.state, faultedFrom: drive.faultedFrom, extra: drive.extra },
    event,
    domainActor(actor),
    {
      job: {
        type: drive.job.type,
        state: drive.job.state,
        cancelRequested: drive.job.cancelRequested,
      },
    },
  );
  if (!decision.ok) return fromRefusal(decision.refusal);
  const { to, faultedFrom, recordsJobError } = decision.value;
  await updateVersioned(tx.drive, `drive ${drive.serial}`, drive, {
    state: to,
    faultedFrom,
    stateChangedAt: now,
    ...columnsFor(event, details, now),
  });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: `drive.${event.type}`,
    jobId: drive.jobId,
    driveId: drive.id,
    packageId: details.packageId ?? null,
    fromState: drive.state,
    toState: to,
    reason: details.reason ?? ("reason" in event ? event.reason : null) ?? null,
    data: {
      serial: drive.serial,
      rule: decision.value.rule,
      ...(event.type === "finishCopy" ? { errors: event.errors, warnings: event.warnings } : {}),
    },
    idempotencyKey: details.idempotencyKey ?? null,
  });
  const job = await settleJobAfterDriveChange(tx, actor, drive.jobId, now, {
    driveId: drive.id,
    recordsJobError,
    idempotencyKey: details.idempotencyKey,
  });
  return done({
    driveId: drive.id,
    serial: drive.serial,
    jobId: drive.jobId,
    from: drive.state,
    to,
    job,
  });
}

/** Run one drive event as a command of its own: one transaction, retried on conflict. */
export function changeDrive(
  database: Db,
  actor: ActorRef,
  driveId: string,
  event: DriveEvent,
  now: Date,
  details: DriveEventDetails = {},
): Promise<CommandResult<DriveChange>> {
  return runCommand(database, (tx) => applyDriveEvent(tx, actor, driveId, event, now, details));
}

// The named commands of the dock, the copy stations and the supervisors.

/** A command for an event that carries nothing but its type. */
function plainDriveCommand(type: "receive" | "markNeverReceived" | "startCopy") {
  return (db: Db, actor: ActorRef, driveId: string, now: Date, d: DriveEventDetails = {}) =>
    changeDrive(db, actor, driveId, { type }, now, d);
}
export const receiveDrive = plainDriveCommand("receive");
export const markDriveNeverReceived = plainDriveCommand("markNeverReceived");
export const startDriveCopy = plainDriveCommand("startCopy");
export const finishDriveCopy = (
  db: Db,
  actor: ActorRef,
  driveId: string,
  report: { errors: number; warnings: number; overwrittenBlobs?: number },
  now: Date,
  d: DriveEventDetails = {},
) => changeDrive(db, actor, driveId, { type: "finishCopy", ...report }, now, d);
export const shipDriveBack = (
  db: Db,
  actor: ActorRef,
  driveId: string,
  now: Date,
  d: DriveEventDetails & { supervisorOverride?: boolean } = {},
) =>
  changeDrive(
    db,
    actor,
    driveId,
    { type: "shipBack", supervisorOverride: d.supervisorOverride ?? false },
    now,
    d,
  );
export const faultDrive = (db: Db, actor: ActorRef, driveId: string, reason: string, now: Date) =>
  changeDrive(db, actor, driveId, { type: "fault", reason }, now, { reason });
export const resolveDriveFault = (
  db: Db,
  actor: ActorRef,
  driveId: string,
  to: DriveState,
  note: string,
  now: Date,
) => changeDrive(db, actor, driveId, { type: "resolveFault", to }, now, { reason: note });
