import "server-only";
import { randomUUID } from "node:crypto";
import type { IncidentKind } from "@/lib/generated/prisma/enums.ts";
import { canOpenIncident, incidentDeadlines } from "@/lib/domain/index.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { fromRefusal, type CommandResult } from "@/lib/server/command.ts";
import { WriteBatch } from "@/lib/server/sql/write-batch.ts";
import type { SqlTx } from "@/lib/server/sql/transaction.ts";
import type { ScanOutcome } from "@/lib/dock-outcomes.ts";
import type { ScanDrive, ScanFacts, ScanJob } from "./facts.ts";

/** One scan being decided: who, where, what was read under the locks, and the writes so far. */
export type ScanContext = {
  tx: SqlTx;
  actor: Extract<ActorRef, { type: "user" }>;
  now: Date;
  pkg: { id: string; carrier: string; trackingNumber: string };
  serial: string;
  /** The scan's idempotency key (`scan:<scanId>`), also on its events. */
  key: string;
  requestHash: string;
  facts: ScanFacts;
  writes: WriteBatch;
};

export function newWrites(tx: SqlTx): WriteBatch {
  return new WriteBatch(tx);
}

export function jobOf(ctx: ScanContext, jobId: string): ScanJob {
  const job = ctx.facts.jobs.find((j) => j.id === jobId);
  if (!job) throw new Error(`job ${jobId} was not read under the scan's locks`);
  return job;
}

export function driveOf(ctx: ScanContext, driveId: string): ScanDrive {
  const drive = ctx.facts.serialDrives.find((d) => d.id === driveId);
  if (!drive) throw new Error(`drive ${driveId} was not read under the scan's locks`);
  return drive;
}

/** The drives of a job after this scan's change to one of them (or with a new one added). */
export function drivesOfJobWith(ctx: ScanContext, jobId: string, changed: ScanDrive): ScanDrive[] {
  const others = ctx.facts.jobDrives.filter((d) => d.jobId === jobId && d.id !== changed.id);
  return [...others, changed];
}

/**
 * The answer, written with the request's hash under its idempotency key in the same statement as
 * everything else, then sent: a retry of this scan gets exactly this answer.
 */
export async function answer(
  ctx: ScanContext,
  outcome: ScanOutcome,
): Promise<CommandResult<ScanOutcome>> {
  ctx.writes.insert("IdempotencyRecord", [
    { key: ctx.key, requestHash: ctx.requestHash, response: outcome, createdAt: ctx.now },
  ]);
  await ctx.writes.flush();
  return { ok: true, value: outcome };
}

/** Open an incident (docs/domain.md, R-E) with its deadlines and event among the scan's writes. */
export function openIncident(
  ctx: ScanContext,
  input: { kind: IncidentKind; jobId: string | null; driveId: string; summary: string },
): CommandResult<{ id: string }> {
  const job = input.jobId ? jobOf(ctx, input.jobId) : null;
  const open = ctx.facts.openIncidents.filter((i) => input.jobId && i.jobId === input.jobId);
  const allowed = canOpenIncident(input.kind, job, open);
  if (!allowed.ok) return fromRefusal(allowed.refusal);
  const id = randomUUID();
  ctx.writes.insert("Incident", [
    {
      id,
      kind: input.kind,
      status: "Open",
      jobId: input.jobId,
      driveId: input.driveId,
      packageId: ctx.pkg.id,
      summary: input.summary,
      openedAt: ctx.now,
      ...incidentDeadlines(input.kind, ctx.now),
    },
  ]);
  ctx.writes.events([
    {
      actor: ctx.actor,
      at: ctx.now,
      kind: "incident.opened",
      jobId: input.jobId,
      driveId: input.driveId,
      packageId: ctx.pkg.id,
      incidentId: id,
      toState: "Open",
      reason: input.summary,
      data: { kind: input.kind },
    },
  ]);
  return { ok: true, value: { id } };
}

export function packageLabel(ctx: ScanContext): string {
  return `${ctx.pkg.carrier} ${ctx.pkg.trackingNumber}`;
}
