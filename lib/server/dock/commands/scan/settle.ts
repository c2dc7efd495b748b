import "server-only";
import type { DriveEvent } from "@/lib/domain/index.ts";
import { decideDriveEvent } from "@/lib/domain/index.ts";
import { domainActor } from "@/lib/server/actor.ts";
import { fromRefusal, type CommandResult } from "@/lib/server/command.ts";
import { planSettlement } from "@/lib/server/jobs/job-state.ts";
import type { JobState } from "@/lib/generated/prisma/enums.ts";
import { drivesOfJobWith, jobOf, type ScanContext } from "./context.ts";
import type { ScanDrive } from "./facts.ts";

/** The job, settled after one of its drives changed (or arrived): its writes, and where it went. */
export function settleJob(
  ctx: ScanContext,
  jobId: string,
  changed: ScanDrive,
  recordsJobError: boolean,
): { from: JobState; to: JobState } {
  const job = jobOf(ctx, jobId);
  const settled = planSettlement(
    job,
    drivesOfJobWith(ctx, jobId, changed),
    ctx.actor,
    jobId,
    ctx.now,
    { driveId: changed.id, recordsJobError, idempotencyKey: ctx.key },
  );
  ctx.writes.events(settled.events);
  ctx.writes.update("Job", job, { ...settled.data, updatedAt: ctx.now }, `job ${job.name}`);
  return { from: settled.from, to: settled.to };
}

/**
 * A listed drive's event at the dock (receive, ship back), as applyDriveEvent does it for the
 * other commands: the drive rule decides (decideDriveEvent), then the drive, its event and its
 * job are written in the scan's one statement.
 */
export function applyDockDriveEvent(
  ctx: ScanContext,
  drive: ScanDrive & { jobId: string },
  event: Extract<DriveEvent, { type: "receive" | "shipBack" }>,
): CommandResult<{ changed: ScanDrive; job: { from: JobState; to: JobState } }> {
  const job = jobOf(ctx, drive.jobId);
  const decision = decideDriveEvent(
    { state: drive.state, faultedFrom: drive.faultedFrom, extra: drive.extra },
    event,
    domainActor(ctx.actor),
    { job: { type: job.type, state: job.state, cancelRequested: job.cancelRequested } },
  );
  if (!decision.ok) return fromRefusal(decision.refusal);
  const { to, faultedFrom, recordsJobError } = decision.value;
  const stamp =
    event.type === "receive"
      ? { receivedAt: ctx.now, inboundPackageId: ctx.pkg.id }
      : { shippedBackAt: ctx.now, returnPackageId: ctx.pkg.id };
  ctx.writes.update(
    "Drive",
    drive,
    { state: to, faultedFrom, stateChangedAt: ctx.now, updatedAt: ctx.now, ...stamp },
    `drive ${drive.serial}`,
  );
  ctx.writes.events([
    {
      actor: ctx.actor,
      at: ctx.now,
      kind: `drive.${event.type}`,
      jobId: drive.jobId,
      driveId: drive.id,
      packageId: ctx.pkg.id,
      fromState: drive.state,
      toState: to,
      data: { serial: drive.serial, rule: decision.value.rule },
      idempotencyKey: ctx.key,
    },
  ]);
  const changed: ScanDrive = {
    ...drive,
    state: to,
    faultedFrom,
    ...(event.type === "receive" ? { inboundPackageId: ctx.pkg.id } : {}),
  };
  return {
    ok: true,
    value: { changed, job: settleJob(ctx, drive.jobId, changed, recordsJobError) },
  };
}
