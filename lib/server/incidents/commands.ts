import "server-only";
import type { IncidentKind } from "@/lib/generated/prisma/enums.ts";
import { canOpenIncident, incidentDeadlines } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  fromRefusal,
  runCommand,
  type CommandResult,
} from "@/lib/server/command.ts";

export type NewIncident = {
  kind: IncidentKind;
  /** Null for drives of a job we have no record of (R-E1). */
  jobId: string | null;
  driveId?: string;
  packageId?: string;
  summary: string;
};

/** Open an incident inside the caller's transaction, its deadlines counted from `now`. */
export async function openIncidentIn(
  tx: Tx,
  actor: ActorRef,
  input: NewIncident,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  const job = input.jobId
    ? await tx.job.findUnique({ where: { id: input.jobId }, select: { type: true, state: true } })
    : null;
  if (input.jobId && !job) return fail("not_found", "There is no such job.");
  const open = input.jobId
    ? await tx.incident.findMany({
        where: { jobId: input.jobId, status: "Open" },
        select: { kind: true, resolvedAt: true },
      })
    : [];
  const allowed = canOpenIncident(input.kind, job, open);
  if (!allowed.ok) return fromRefusal(allowed.refusal);
  const incident = await tx.incident.create({
    data: {
      kind: input.kind,
      jobId: input.jobId,
      driveId: input.driveId ?? null,
      packageId: input.packageId ?? null,
      summary: input.summary,
      openedAt: now,
      ...incidentDeadlines(input.kind, now),
    },
  });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: "incident.opened",
    jobId: input.jobId,
    driveId: input.driveId ?? null,
    packageId: input.packageId ?? null,
    incidentId: incident.id,
    toState: "Open",
    reason: input.summary,
    data: { kind: input.kind },
  });
  return done({ id: incident.id });
}

/** Open an incident for one of DOMAIN.md's error events, as a command of its own. */
export function openIncident(
  database: Db,
  actor: ActorRef,
  input: NewIncident,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  return runCommand(database, (tx) => openIncidentIn(tx, actor, input, now));
}
