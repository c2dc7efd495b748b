import "server-only";
import { decideJobEvent, due, type DueAction } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, SWEEP } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  appendEvent,
  appendEvents,
  done,
  runCommand,
  VersionConflict,
  type CommandResult,
  type EventInput,
} from "@/lib/server/command.ts";
import { applyJobEvent, jobEventRecord } from "@/lib/server/jobs/commands.ts";
import { toJobSnapshot } from "@/lib/server/jobs/snapshot.ts";
import { lockJobs } from "@/lib/server/sql/locks.ts";
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
  return runCommand(db, (tx) => sweepJobIn(tx, jobId, now));
}

async function sweepJobIn(tx: Tx, jobId: string, now: Date): Promise<CommandResult<Outcome>> {
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
        const event = a.kind === "purge" ? { type: "purge" as const } : { type: "expire" as const };
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
}

/** What a batch did itself, and the due jobs it leaves to one command each. */
export type BatchOutcome = Outcome & { perJob: string[] };

/** The actions a batch applies set-based: each ends the job in one event and one row deleted. */
const SET_BASED = new Set<DueAction["kind"]>(["expireCreating", "purge"]);

/**
 * A batch of due jobs in ONE transaction (docs/architecture.md, "The sweep"). It locks every job of
 * the batch in id order (lock order 3, lib/server/sql/locks.ts), reads them, their drives and their
 * package-overdue incidents in three statements, and asks the domain for each job what is due
 * (`due`) and whether it may happen (`decideJobEvent`). The jobs whose due work is one job event
 * that ends them, R-J2's expiry or R-J11/R-J13's purge, are then written set-based: their events
 * (tombstones included) in one INSERT, their rows in one compare-and-set DELETE. A job whose due
 * work is several steps (R-D5's drives, R-E2's incident, R-J6's notice) is answered in `perJob`
 * and the caller runs it as its own short command (sweepJob): those are Shipping jobs a dock scan
 * may be waiting for, not to be held behind a whole batch. Idempotent like the rest: a deleted job
 * is not selected again, and a job the domain refuses writes nothing.
 */
export function sweepJobBatch(
  db: Db,
  jobIds: readonly string[],
  now: Date,
): Promise<CommandResult<BatchOutcome>> {
  return runCommand(db, async (tx) => {
    const out: BatchOutcome = { applied: [], refused: [], perJob: [] };
    const ids = [...new Set(jobIds)].sort();
    await lockJobs(tx, ids);
    const jobs = await tx.job.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const drives = await tx.drive.findMany({
      where: { jobId: { in: ids } },
      select: {
        jobId: true,
        state: true,
        extra: true,
        percentComplete: true,
        faultedFrom: true,
        disposal: true,
      },
      orderBy: { id: "asc" },
    });
    const shipping = jobs.filter((j) => j.state === "Shipping").map((j) => j.id);
    const incidents = shipping.length
      ? await tx.incident.findMany({
          where: { jobId: { in: shipping }, kind: "PackageOverdue" },
          include: { contacts: { select: CONTACT_FACTS_SELECT } },
        })
      : [];
    const drivesOf = groupBy(drives, (d) => d.jobId);
    const incidentsOf = groupBy(incidents, (i) => i.jobId);

    const events: EventInput[] = [];
    const deleted: { id: string; version: number }[] = [];
    const actor = domainActor(SWEEP);
    for (const job of jobs) {
      const snapshot = toJobSnapshot(job, drivesOf.get(job.id) ?? []);
      const views = (incidentsOf.get(job.id) ?? []).map((i) => toIncidentSnapshot(i, i.contacts));
      const actions = due(now, { ...snapshot, incidents: views });
      if (actions.length === 0) continue; // moved on since the selection: nothing is due
      const [a] = actions;
      if (actions.length > 1 || !a || !SET_BASED.has(a.kind)) {
        out.perJob.push(job.id);
        continue;
      }
      const event = a.kind === "purge" ? { type: "purge" as const } : { type: "expire" as const };
      const decision = decideJobEvent(snapshot, event, actor, now);
      if (!decision.ok) {
        out.refused.push(entry(a, job.id, decision.refusal.message));
        continue;
      }
      if (decision.value.to !== "Deleted") {
        out.perJob.push(job.id); // not a deletion after all: the job's own command writes it
        continue;
      }
      events.push(jobEventRecord(SWEEP, job, event, decision.value, now));
      deleted.push({ id: job.id, version: job.version });
      const what =
        a.kind === "purge" ? `purged from ${job.state}` : "deleted after 14 days in Creating";
      out.applied.push(entry(a, job.id, `${job.name} ${what}`));
    }
    // Events first, as applyJobEvent does: each deleted job keeps its audit event (R-J11, R-J13).
    await appendEvents(tx, events);
    if (deleted.length > 0) {
      const { count } = await tx.job.deleteMany({ where: { OR: deleted } });
      if (count !== deleted.length) throw new VersionConflict("job");
    }
    return done(out);
  });
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
