import "server-only";
import { incidentDue } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { SWEEP } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  appendEvents,
  done,
  runCommand,
  updateVersioned,
  type CommandResult,
  type EventInput,
} from "@/lib/server/command.ts";
import { lockJobs } from "@/lib/server/sql/locks.ts";
import { applyJobEvent } from "@/lib/server/jobs/commands.ts";
import { CONTACT_FACTS_SELECT, toIncidentSnapshot } from "./incident-snapshot.ts";
import type { SweepEntry, SweepReport } from "./report.ts";

type Outcome = Pick<SweepReport, "applied" | "refused">;

export const R_E2_RESOLUTION = "No answer within 30 days: job closed (R-E2)";

const WHAT: Record<"returnDrives" | "destroyDrives", string> = {
  returnDrives:
    "The customer was not reached within 14 days: return the drives to the customer (R-E1).",
  destroyDrives:
    "No return is possible and nobody at the customer answered in time: the drives are due for secure destruction (R-E1, R-E4).",
};

/**
 * One incident's passed deadline as one command. R-E2: the job goes Shipping -> Closed through the
 * job command (the domain checks the answer deadline and the drives) and the incident is resolved.
 * R-E1/R-E4: returning or destroying drives is physical work the service cannot do itself, so the
 * sweep tells the operators once (an `incident.deadlinePassed` event) and the incident stays open.
 */
/** The notice of a passed R-E1/R-E4 deadline: the operators are told once (its idempotency key). */
function deadlineNotice(
  row: { id: string; kind: string; jobId: string | null; driveId: string | null },
  action: { kind: "returnDrives" | "destroyDrives"; rule: string },
  now: Date,
): EventInput {
  return {
    actor: SWEEP,
    at: now,
    kind: "incident.deadlinePassed",
    jobId: row.jobId,
    driveId: row.driveId,
    incidentId: row.id,
    reason: WHAT[action.kind],
    data: { kind: row.kind, rule: action.rule, action: action.kind },
    idempotencyKey: `sweep:incident:${row.id}:${action.kind}`,
  };
}

export function sweepIncident(
  db: Db,
  incidentId: string,
  now: Date,
): Promise<CommandResult<Outcome>> {
  return runCommand(db, async (tx) => {
    const out: Outcome = { applied: [], refused: [] };
    const row = await tx.incident.findUnique({
      where: { id: incidentId },
      include: { contacts: { select: CONTACT_FACTS_SELECT } },
    });
    if (!row || row.status !== "Open") return done(out);
    for (const action of incidentDue(now, toIncidentSnapshot(row, row.contacts))) {
      const base = { rule: action.rule, action: action.kind, jobId: row.jobId, incidentId };
      if (action.kind === "closeJob") {
        if (!row.jobId) {
          out.refused.push({ ...base, detail: "The incident has no job to close." });
          continue;
        }
        const r = await applyJobEvent(
          tx,
          SWEEP,
          row.jobId,
          { type: "closeOverdue", answerDueAt: action.answerDueAt },
          now,
          { note: R_E2_RESOLUTION },
        );
        if (!r.ok) {
          out.refused.push({ ...base, detail: r.error.message });
          continue;
        }
        await updateVersioned(tx.incident, "incident", row, {
          status: "Resolved",
          resolvedAt: now,
          resolution: R_E2_RESOLUTION,
        });
        await appendEvent(tx, {
          actor: SWEEP,
          at: now,
          kind: "incident.resolved",
          jobId: row.jobId,
          incidentId,
          fromState: "Open",
          toState: "Resolved",
          reason: R_E2_RESOLUTION,
          data: { kind: row.kind, rule: action.rule },
          idempotencyKey: `sweep:incident:${incidentId}:closeJob`,
        });
        out.applied.push({ ...base, detail: `job ${r.value.from} -> Closed, incident resolved` });
        continue;
      }
      const notice = deadlineNotice(row, action, now);
      if (await alreadyRecorded(tx, notice.idempotencyKey)) continue;
      await appendEvent(tx, notice);
      out.applied.push({ ...base, detail: "operators told: deadline passed" });
    }
    return done(out);
  });
}

/** What a batch did itself, and the due incidents it leaves to one command each. */
export type IncidentBatchOutcome = Outcome & { perIncident: string[] };

/**
 * A batch of due incidents in ONE transaction, like the jobs' (jobs.ts, sweepJobBatch): the jobs of
 * the batch's incidents locked in id order (lock order 3), the incidents and their contact facts
 * read in one statement, the domain asked for each (`incidentDue`), and the R-E1/R-E4 notices not
 * yet given (one statement reads their idempotency keys) appended in one INSERT. An R-E2 close,
 * which moves a job through its command, is answered in `perIncident` for sweepIncident.
 */
export function sweepIncidentBatch(
  db: Db,
  incidentIds: readonly string[],
  now: Date,
): Promise<CommandResult<IncidentBatchOutcome>> {
  return runCommand(db, async (tx) => {
    const out: IncidentBatchOutcome = { applied: [], refused: [], perIncident: [] };
    const ids = [...new Set(incidentIds)];
    const owners = await tx.incident.findMany({
      where: { id: { in: ids } },
      select: { jobId: true },
    });
    await lockJobs(
      tx,
      owners.flatMap((o) => (o.jobId ? [o.jobId] : [])),
    );
    const rows = await tx.incident.findMany({
      where: { id: { in: ids }, status: "Open" },
      include: { contacts: { select: CONTACT_FACTS_SELECT } },
      orderBy: { id: "asc" },
    });
    const notices: { event: EventInput; entry: SweepEntry }[] = [];
    for (const row of rows) {
      const actions = incidentDue(now, toIncidentSnapshot(row, row.contacts));
      if (actions.some((a) => a.kind === "closeJob")) {
        out.perIncident.push(row.id);
        continue;
      }
      for (const action of actions) {
        if (action.kind === "closeJob") continue;
        notices.push({
          event: deadlineNotice(row, action, now),
          entry: {
            rule: action.rule,
            action: action.kind,
            jobId: row.jobId,
            incidentId: row.id,
            detail: "operators told: deadline passed",
          },
        });
      }
    }
    const keys = notices.flatMap((n) => (n.event.idempotencyKey ? [n.event.idempotencyKey] : []));
    const told = new Set(
      keys.length
        ? (
            await tx.event.findMany({
              where: { idempotencyKey: { in: keys } },
              select: { idempotencyKey: true },
            })
          ).map((e) => e.idempotencyKey)
        : [],
    );
    const fresh = notices.filter((n) => !told.has(n.event.idempotencyKey ?? null));
    await appendEvents(
      tx,
      fresh.map((n) => n.event),
    );
    out.applied.push(...fresh.map((n) => n.entry));
    return done(out);
  });
}
