import "server-only";
import { decideArrivingDrive, type ArrivalKind } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  fromRefusal,
  runCommand,
  type CommandResult,
} from "@/lib/server/command.ts";
import type { DriveChange } from "@/lib/server/drives/commands/events.ts";
import { settleJobAfterDriveChange } from "@/lib/server/jobs/job-state.ts";
import { lockJobs } from "@/lib/server/sql/locks.ts";

/**
 * A drive that arrives without being on a drive list: an export job's drive (it starts Received,
 * R-D2) or an extra drive in another job's package (R-E5, R-D11), kept with that job to go back with it.
 */
export function recordArrivingDrive(
  database: Db,
  actor: ActorRef,
  input: ArrivingDrive,
  now: Date,
): Promise<CommandResult<DriveChange>> {
  return runCommand(database, (tx) => recordArrivingDriveIn(tx, actor, input, now));
}

export type ArrivingDrive = {
  jobId: string;
  serial: string;
  kind: ArrivalKind;
  packageId?: string;
  idempotencyKey?: string;
};

/** The body of recordArrivingDrive, inside the caller's transaction. */
export async function recordArrivingDriveIn(
  tx: Tx,
  actor: ActorRef,
  input: ArrivingDrive,
  now: Date,
): Promise<CommandResult<DriveChange>> {
  await lockJobs(tx, [input.jobId]);
  const job = await tx.job.findUnique({ where: { id: input.jobId } });
  if (!job) return fail("not_found", "There is no such job.");
  const serial = input.serial.trim().toUpperCase();
  const decision = decideArrivingDrive(
    { type: job.type, state: job.state },
    input.kind,
    domainActor(actor),
  );
  if (!decision.ok) return fromRefusal(decision.refusal);
  if (await tx.drive.findUnique({ where: { jobId_serial: { jobId: job.id, serial } } })) {
    return fail("already_done", `Drive ${serial} is already recorded for job ${job.name}.`);
  }
  const drive = await tx.drive.create({
    data: {
      jobId: job.id,
      serial,
      state: decision.value.state,
      extra: decision.value.extra,
      receivedAt: now,
      stateChangedAt: now,
      createdAt: now,
      inboundPackageId: input.packageId ?? null,
    },
  });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: input.kind === "extraDrive" ? "drive.extra" : "drive.receive",
    jobId: job.id,
    driveId: drive.id,
    packageId: input.packageId ?? null,
    toState: drive.state,
    data: { serial, rule: decision.value.rule },
    idempotencyKey: input.idempotencyKey ?? null,
  });
  const settled = await settleJobAfterDriveChange(tx, actor, job.id, now, {
    driveId: drive.id,
    recordsJobError: false,
    idempotencyKey: input.idempotencyKey,
  });
  return done({
    driveId: drive.id,
    serial,
    jobId: job.id,
    from: drive.state,
    to: drive.state,
    job: settled,
  });
}
