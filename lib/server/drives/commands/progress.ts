import "server-only";
import { decideCopyProgress } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import {
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

/** A copy station's progress report for a drive being copied (R-D6): percent and bytes, no state change. */
export function reportDriveProgress(
  database: Db,
  actor: ActorRef,
  driveId: string,
  progress: { percent: number; bytesTransferred?: bigint },
  now: Date,
): Promise<CommandResult<{ percent: number }>> {
  return runCommand(database, (tx) => reportDriveProgressIn(tx, actor, driveId, progress, now));
}

/**
 * The body of a progress report, in the caller's transaction. Reports can arrive out of order, so
 * neither the percent (the domain's rule) nor the bytes ever go backwards.
 */
export async function reportDriveProgressIn(
  tx: Tx,
  actor: ActorRef,
  driveId: string,
  progress: { percent: number; bytesTransferred?: bigint },
  now: Date,
  details: { idempotencyKey?: string } = {},
): Promise<CommandResult<{ percent: number }>> {
  await lockJobOfDrive(tx, driveId);
  const drive = await tx.drive.findUnique({ where: { id: driveId } });
  if (!drive?.jobId) return fail("not_found", "There is no such drive.");
  const decision = decideCopyProgress(
    { state: drive.state, percent: drive.percentComplete },
    progress.percent,
    domainActor(actor),
  );
  if (!decision.ok) return fromRefusal(decision.refusal);
  const reported = progress.bytesTransferred;
  const bytes = reported !== undefined && reported > drive.bytesTransferred ? reported : undefined;
  await updateVersioned(tx.drive, `drive ${drive.serial}`, drive, {
    percentComplete: decision.value.percent,
    ...(bytes !== undefined ? { bytesTransferred: bytes } : {}),
  });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: "drive.progress",
    jobId: drive.jobId,
    driveId,
    data: {
      serial: drive.serial,
      percent: decision.value.percent,
      ...(reported !== undefined ? { bytesTransferred: reported.toString() } : {}),
    },
    idempotencyKey: details.idempotencyKey ?? null,
  });
  await settleJobAfterDriveChange(tx, actor, drive.jobId, now, {
    driveId,
    recordsJobError: false,
    idempotencyKey: details.idempotencyKey,
  });
  return done({ percent: decision.value.percent });
}
