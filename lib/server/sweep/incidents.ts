import "server-only";
import { incidentDue } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { SWEEP } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  done,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyJobEvent } from "@/lib/server/jobs/commands.ts";
import { CONTACT_FACTS_SELECT, toIncidentSnapshot } from "./incident-snapshot.ts";
import type { SweepReport } from "./report.ts";

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
      const key = `sweep:incident:${incidentId}:${action.kind}`;
      if (await alreadyRecorded(tx, key)) continue;
      await appendEvent(tx, {
        actor: SWEEP,
        at: now,
        kind: "incident.deadlinePassed",
        jobId: row.jobId,
        driveId: row.driveId,
        incidentId,
        reason: WHAT[action.kind],
        data: { kind: row.kind, rule: action.rule, action: action.kind },
        idempotencyKey: key,
      });
      out.applied.push({ ...base, detail: "operators told: deadline passed" });
    }
    return done(out);
  });
}
