import "server-only";
import { randomUUID } from "node:crypto";
import { contestedHoldSummary, type DockScanPlan } from "@/lib/domain/index.ts";
import type { CommandResult } from "@/lib/server/command.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { answer, openIncident, packageLabel, type ScanContext } from "./context.ts";

/**
 * R-E1: a drive no job on record has, or one that jobs of more than one customer claim. It is
 * recorded here with no job, Received, and held with an incident for a supervisor. The serial's
 * lock makes the first scan the only one to record it: the others find it and answer as a
 * double scan.
 */
export async function holdWithoutJob(
  ctx: ScanContext,
  plan: Extract<DockScanPlan, { kind: "holdUnknown" | "holdContested" }>,
): Promise<CommandResult<ScanOutcome>> {
  const driveId = randomUUID();
  ctx.writes.insert("Drive", [
    {
      id: driveId,
      serial: ctx.serial,
      state: "Received",
      jobId: null,
      inboundPackageId: ctx.pkg.id,
      receivedAt: ctx.now,
      stateChangedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  ]);
  ctx.writes.events([
    {
      actor: ctx.actor,
      at: ctx.now,
      kind: "drive.held",
      driveId,
      packageId: ctx.pkg.id,
      toState: "Received",
      reason:
        plan.kind === "holdUnknown"
          ? "No job on record (R-E1)"
          : "Claimed by jobs of more than one customer (R-E1)",
      data:
        plan.kind === "holdUnknown"
          ? { serial: ctx.serial }
          : { serial: ctx.serial, claim: plan.claim, claimedBy: plan.claims.map((c) => c.jobName) },
      idempotencyKey: ctx.key,
    },
  ]);
  const customerName = (customerId: string) =>
    ctx.facts.jobs.find((j) => j.customerId === customerId)?.customerName ?? customerId;
  const opened = openIncident(ctx, {
    kind: "JobNotShipping",
    jobId: null,
    driveId,
    summary:
      plan.kind === "holdUnknown"
        ? `Drive ${ctx.serial} arrived in ${packageLabel(ctx)}; no job on record has it.`
        : contestedHoldSummary(
            ctx.serial,
            packageLabel(ctx),
            plan.claim,
            plan.claims.map((c) => ({
              jobName: c.jobName,
              customerName: customerName(c.customerId),
            })),
          ),
  });
  if (!opened.ok) return opened;
  return answer(
    ctx,
    plan.kind === "holdUnknown"
      ? scanOutcome.held(ctx.serial, null)
      : scanOutcome.heldContested(ctx.serial),
  );
}
