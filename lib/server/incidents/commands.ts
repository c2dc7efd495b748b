import "server-only";
import type { IncidentKind } from "@/lib/generated/prisma/enums.ts";
import { canOpenIncident, incidentDeadlines } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";

export type NewIncident = {
  kind: IncidentKind;
  jobId: string;
  driveId?: string;
  packageId?: string;
  summary: string;
};

/** Open an incident for one of DOMAIN.md's error events, with its deadlines counted from `now`. */
export function openIncident(
  database: Db,
  actor: ActorRef,
  input: NewIncident,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  return runCommand(database, async (tx) => {
    const loaded = await loadJob(tx, input.jobId);
    if (!loaded) return fail("not_found", "There is no such job.");
    const open = await tx.incident.findMany({
      where: { jobId: input.jobId, status: "Open" },
      select: { kind: true, resolvedAt: true },
    });
    const allowed = canOpenIncident(input.kind, loaded.snapshot, open);
    if (!allowed.ok) return fail("refused", allowed.refusal.message, allowed.refusal.rule);
    const deadlines = incidentDeadlines(input.kind, now);
    const incident = await tx.incident.create({
      data: {
        kind: input.kind,
        jobId: input.jobId,
        driveId: input.driveId ?? null,
        packageId: input.packageId ?? null,
        summary: input.summary,
        openedAt: now,
        ...deadlines,
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
  });
}
