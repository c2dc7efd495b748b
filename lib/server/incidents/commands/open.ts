import "server-only";
import type { IncidentKind } from "@/lib/generated/prisma/enums.ts";
import {
  type HAND_OPENED_INCIDENT_KINDS,
  canOpenIncident,
  canOpenIncidentByHand,
  incidentDeadlines,
} from "@/lib/domain/index.ts";
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

/** Open an incident for one of the error events of docs/domain.md, as a command of its own. */
export function openIncident(
  database: Db,
  actor: ActorRef,
  input: NewIncident,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  return runCommand(database, (tx) => openIncidentIn(tx, actor, input, now));
}

export type HandOpenedIncident = {
  kind: (typeof HAND_OPENED_INCIDENT_KINDS)[number];
  jobId: string;
  summary: string;
};

/**
 * A supervisor opens an incident by hand from the incidents page (R-E3, R-E4): checked as the
 * supervisor's own decision first (canOpenIncidentByHand), then opened like any other, with its
 * kind's deadlines. Refused for anyone but a supervisor, in a state the kind does not apply to, or
 * while the same kind is already open for the job.
 */
export function openIncidentByHand(
  database: Db,
  actor: ActorRef,
  input: HandOpenedIncident,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  return runCommand(database, async (tx) => {
    if (actor.type !== "user") return fail("forbidden", "Only staff open incidents by hand.");
    const job = await tx.job.findUnique({
      where: { id: input.jobId },
      select: { id: true, version: true, type: true, state: true },
    });
    if (!job) return fail("not_found", "There is no such job.");
    const open = await tx.incident.findMany({
      where: { jobId: input.jobId, status: "Open" },
      select: { kind: true, resolvedAt: true },
    });
    const allowed = canOpenIncidentByHand(input.kind, domainActor(actor), job, open);
    if (!allowed.ok) return fromRefusal(allowed.refusal);
    // Two supervisors opening the same incident at once: the job's version check lets one through;
    // the other is retried, sees the open incident and is refused (one open per kind and job).
    await updateVersioned(tx.job, "job", job, {});
    return openIncidentIn(tx, actor, input, now);
  });
}
