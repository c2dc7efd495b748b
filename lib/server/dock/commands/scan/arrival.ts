import "server-only";
import { randomUUID } from "node:crypto";
import { decideArrivingDrive } from "@/lib/domain/index.ts";
import { domainActor } from "@/lib/server/actor.ts";
import { fromRefusal, type CommandResult } from "@/lib/server/command.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { answer, jobOf, openIncident, type ScanContext } from "./context.ts";
import type { ScanDrive } from "./facts.ts";
import { settleJob } from "./settle.ts";

/**
 * A drive on nobody's list comes out of the package: an export job's blank drive (R-D2, Received)
 * or an extra drive of the package's job (R-E5, R-D11: kept with the job, not processed, back with
 * it, and an incident). The serial's lock makes the first scan the only one to record it.
 */
export async function recordArrival(
  ctx: ScanContext,
  plan: { kind: "exportDrive" | "extra"; jobId: string },
): Promise<CommandResult<ScanOutcome>> {
  const job = jobOf(ctx, plan.jobId);
  const kind = plan.kind === "extra" ? "extraDrive" : "exportDrive";
  const decision = decideArrivingDrive(
    { type: job.type, state: job.state },
    kind,
    domainActor(ctx.actor),
  );
  if (!decision.ok) return fromRefusal(decision.refusal);
  const drive: ScanDrive = {
    id: randomUUID(),
    jobId: job.id,
    serial: ctx.serial,
    state: decision.value.state,
    faultedFrom: null,
    extra: decision.value.extra,
    percentComplete: 0,
    version: 0,
    inboundPackageId: ctx.pkg.id,
    disposal: null,
  };
  ctx.writes.insert("Drive", [
    {
      id: drive.id,
      jobId: job.id,
      serial: ctx.serial,
      state: drive.state,
      extra: drive.extra,
      receivedAt: ctx.now,
      stateChangedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      inboundPackageId: ctx.pkg.id,
    },
  ]);
  ctx.writes.events([
    {
      actor: ctx.actor,
      at: ctx.now,
      kind: kind === "extraDrive" ? "drive.extra" : "drive.receive",
      jobId: job.id,
      driveId: drive.id,
      packageId: ctx.pkg.id,
      toState: drive.state,
      data: { serial: ctx.serial, rule: decision.value.rule },
      idempotencyKey: ctx.key,
    },
  ]);
  const settled = settleJob(ctx, job.id, drive, false);
  if (plan.kind === "extra") {
    const opened = openIncident(ctx, {
      kind: "ExtraDrive",
      jobId: job.id,
      driveId: drive.id,
      summary: `Drive ${ctx.serial} is not on job ${job.name}'s drive list; it goes back with the job.`,
    });
    if (!opened.ok) return opened;
    return answer(ctx, scanOutcome.extra(ctx.serial, job.name));
  }
  return answer(
    ctx,
    scanOutcome.received(
      ctx.serial,
      job.name,
      false,
      settled.to === "Received" && settled.from !== "Received",
    ),
  );
}
