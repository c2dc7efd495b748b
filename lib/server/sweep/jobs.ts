import "server-only";
import { due, type DueAction } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { SWEEP } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  done,
  runCommand,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyJobEvent } from "@/lib/server/jobs/commands.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";
import { applyDriveEvent } from "@/lib/server/drives/commands.ts";
import { openIncidentIn } from "@/lib/server/incidents/commands.ts";
import { CONTACT_FACTS_SELECT, toIncidentSnapshot } from "./incident-snapshot.ts";
import type { SweepEntry, SweepReport } from "./report.ts";

type Outcome = Pick<SweepReport, "applied" | "refused">;

/** The job as `due` reads it: its snapshot plus its package-overdue incidents (R-E2). */
async function loadDueView(tx: Tx, jobId: string) {
  const loaded = await loadJob(tx, jobId);
  if (!loaded) return null;
  const incidents = await tx.incident.findMany({
    where: { jobId, kind: "PackageOverdue" },
    include: { contacts: { select: CONTACT_FACTS_SELECT } },
  });
  const views = incidents.map((i) => toIncidentSnapshot(i, i.contacts));
  return { ...loaded, incidents: views, packageOverdueCount: incidents.length };
}

const entry = (a: DueAction, jobId: string, detail: string, extra: Partial<SweepEntry> = {}) => ({
  rule: a.rule,
  action: a.kind,
  jobId,
  detail,
  ...extra,
});

/**
 * One job's due work as one command (one short transaction): ask the domain what is due, apply each
 * action through the ordinary commands as the sweep actor, and answer what was done. A step the
 * domain refuses writes nothing and is reported; the other steps still commit.
 */
export function sweepJob(db: Db, jobId: string, now: Date): Promise<CommandResult<Outcome>> {
  return runCommand(db, async (tx) => {
    const out: Outcome = { applied: [], refused: [] };
    let view = await loadDueView(tx, jobId);
    if (!view) return done(out); // gone since the candidate query: nothing is due
    let actions = due(now, { ...view.snapshot, incidents: view.incidents });

    // R-D5 first: the drives' new states may move the job on, and what else is due is then judged
    // on the job as it is after them.
    const mark = actions.find((a) => a.kind === "markDrivesNeverReceived");
    if (mark) {
      const drives = await tx.drive.findMany({
        where: { jobId, state: "Specified", extra: false },
        select: { id: true, serial: true },
        orderBy: { serial: "asc" },
      });
      for (const d of drives) {
        const r = await applyDriveEvent(tx, SWEEP, d.id, { type: "markNeverReceived" }, now, {
          reason: "No package 14 days after the shipping information (R-D5).",
          idempotencyKey: `sweep:neverReceived:${d.id}`,
        });
        if (r.ok)
          out.applied.push(entry(mark, jobId, `${d.serial} NeverReceived`, { driveId: d.id }));
        else out.refused.push(entry(mark, jobId, r.error.message, { driveId: d.id }));
      }
      view = await loadDueView(tx, jobId);
      if (!view) return done(out);
      actions = due(now, { ...view.snapshot, incidents: view.incidents }).filter(
        (a) => a.kind !== "markDrivesNeverReceived",
      );
    }

    // R-E2 before R-J6, so that the operators' notification can name the incident it opened.
    let incidentId: string | null = null;
    const open = actions.find((a) => a.kind === "openPackageOverdueIncident");
    if (open) {
      const r = await openIncidentIn(
        tx,
        SWEEP,
        {
          kind: "PackageOverdue",
          jobId,
          summary: `Package of job ${view.job.name} not received 14 days after shipping (R-E2).`,
        },
        now,
      );
      if (r.ok) {
        incidentId = r.value.id;
        out.applied.push(entry(open, jobId, "package-overdue incident opened", { incidentId }));
      } else out.refused.push(entry(open, jobId, r.error.message));
    }

    for (const a of actions) {
      switch (a.kind) {
        case "notifyShippingOverdue": {
          // One notice per overdue episode: a new one only after the last incident was resolved
          // and its wait ran out (timers.ts), and then a new incident count makes a new key.
          const key = `sweep:overdue:${jobId}:${view.packageOverdueCount}`;
          if (await alreadyRecorded(tx, key)) break;
          await appendEvent(tx, {
            actor: SWEEP,
            at: now,
            kind: "job.shippingOverdue",
            jobId,
            incidentId,
            fromState: view.job.state,
            toState: view.job.state,
            reason: "The drives have not arrived 14 days after the job was shipped (R-J6).",
            data: {
              rule: a.rule,
              name: view.job.name,
              shippingInfoAt: (view.job.shippingInfoAt ?? view.job.stateChangedAt).toISOString(),
            },
            idempotencyKey: key,
          });
          out.applied.push(entry(a, jobId, "operators notified: package overdue"));
          break;
        }
        case "expireCreating":
        case "purge": {
          const event =
            a.kind === "purge" ? { type: "purge" as const } : { type: "expire" as const };
          const r = await applyJobEvent(tx, SWEEP, jobId, event, now);
          if (r.ok) {
            const what =
              a.kind === "purge"
                ? `purged from ${r.value.from}`
                : "deleted after 14 days in Creating";
            out.applied.push(entry(a, jobId, `${view.job.name} ${what}`));
          } else out.refused.push(entry(a, jobId, r.error.message));
          break;
        }
        case "openPackageOverdueIncident":
        case "markDrivesNeverReceived":
          break; // done above
      }
    }
    return done(out);
  });
}
