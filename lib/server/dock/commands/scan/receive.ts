import "server-only";
import { holdIncidentsSettledByReception, isHeldForJob } from "@/lib/domain/index.ts";
import type { CommandResult } from "@/lib/server/command.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { answer, driveOf, jobOf, openIncident, packageLabel, type ScanContext } from "./context.ts";
import { applyDockDriveEvent } from "./settle.ts";

/**
 * R-D3 / R-D10: a listed drive comes in (late, if its package had been closed without it). A drive
 * that was held for its job (R-E1) and now arrives the normal way settles its hold's incident.
 */
export async function receiveListedDrive(
  ctx: ScanContext,
  plan: { driveId: string; jobId: string; late: boolean },
): Promise<CommandResult<ScanOutcome>> {
  const drive = driveOf(ctx, plan.driveId);
  const applied = applyDockDriveEvent(ctx, { ...drive, jobId: plan.jobId }, { type: "receive" });
  if (!applied.ok) return applied;
  const stillHeld = ctx.facts.jobDrives.filter(
    (d) => d.jobId === plan.jobId && d.id !== drive.id && isHeldForJob(d),
  ).length;
  const settled = holdIncidentsSettledByReception(
    ctx.facts.openIncidents,
    { driveId: drive.id, jobId: plan.jobId },
    stillHeld,
  );
  for (const id of settled) {
    const incident = ctx.facts.openIncidents.find((i) => i.id === id)!;
    const resolution = `Drive ${ctx.serial} was received the normal way once its job was taking drives in (R-E1).`;
    ctx.writes.update(
      "Incident",
      incident,
      { status: "Resolved", resolvedAt: ctx.now, resolvedById: ctx.actor.id, resolution },
      `incident ${id}`,
    );
    ctx.writes.events([
      {
        actor: ctx.actor,
        at: ctx.now,
        kind: "incident.resolved",
        jobId: plan.jobId,
        driveId: drive.id,
        packageId: ctx.pkg.id,
        incidentId: id,
        fromState: "Open",
        toState: "Resolved",
        reason: resolution,
      },
    ]);
  }
  const { from, to } = applied.value.job;
  return answer(
    ctx,
    scanOutcome.received(
      ctx.serial,
      jobOf(ctx, plan.jobId).name,
      plan.late,
      to === "Received" && from !== "Received",
    ),
  );
}

/**
 * R-E1: the drive's job is still Creating. The drive is set aside: it stays Specified, marked as
 * having come out of this package, and the job gets one open incident for operations (a second
 * held drive of the same job joins the first one's incident). The job's version moves on too, so
 * a Delete Job or drive-list change that read the job before this hold runs again and sees it.
 */
export async function holdForJobNotShipping(
  ctx: ScanContext,
  plan: { driveId: string; jobId: string },
): Promise<CommandResult<ScanOutcome>> {
  const drive = driveOf(ctx, plan.driveId);
  const job = jobOf(ctx, plan.jobId);
  ctx.writes.update("Job", job, { updatedAt: ctx.now }, `job ${job.name}`);
  ctx.writes.update(
    "Drive",
    drive,
    { inboundPackageId: ctx.pkg.id, updatedAt: ctx.now },
    `drive ${ctx.serial}`,
  );
  ctx.writes.events([
    {
      actor: ctx.actor,
      at: ctx.now,
      kind: "drive.held",
      jobId: plan.jobId,
      driveId: drive.id,
      packageId: ctx.pkg.id,
      fromState: drive.state,
      toState: drive.state,
      reason: "Job not in Shipping (R-E1)",
      idempotencyKey: ctx.key,
    },
  ]);
  const alreadyOpen = ctx.facts.openIncidents.some(
    (i) => i.jobId === plan.jobId && i.kind === "JobNotShipping",
  );
  if (!alreadyOpen) {
    const opened = openIncident(ctx, {
      kind: "JobNotShipping",
      jobId: plan.jobId,
      driveId: drive.id,
      summary: `Drive ${ctx.serial} arrived in ${packageLabel(ctx)} while job ${job.name} is not in Shipping.`,
    });
    if (!opened.ok) return opened;
  }
  return answer(ctx, scanOutcome.held(ctx.serial, job.name));
}
