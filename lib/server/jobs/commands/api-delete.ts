import "server-only";
import { JOB_TRANSITIONS, type JobState, type Refusal } from "@/lib/domain/index.ts";
import { incidentRecordsRefusal } from "@/lib/domain/job-guards.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import {
  done,
  fromRefusal,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyJobEvent } from "@/lib/server/jobs/commands/lifecycle.ts";
import type { ArmScope } from "@/lib/server/jobs/arm-scope.ts";
import {
  findJobForApi,
  heldDriveSerials,
  noSuchJob,
  type ApiCustomer,
} from "@/lib/server/jobs/commands/api-update.ts";

/** The states Delete Job starts from (JOB_TRANSITIONS): Creating, Completed and Closed. */
const DELETABLE_STATES: ReadonlySet<JobState> = new Set(
  JOB_TRANSITIONS.filter((t) => t.event === "delete").flatMap((t) => t.from),
);

/** What the job's incidents keep (open ones, destruction records): the domain weighs it. */
async function incidentRecordsOf(tx: Tx, jobId: string) {
  const open = await tx.incident.findMany({
    where: { jobId, status: "Open" },
    select: { kind: true },
  });
  const destructions = await tx.destructionRecord.findMany({
    where: { incident: { jobId } },
    select: { incident: { select: { kind: true } } },
  });
  return {
    openIncidents: open.map((i) => i.kind),
    destructions: destructions.map((d) => d.incident.kind),
  };
}

/**
 * Delete Job: only a job that never shipped (Creating) or a finished one (Completed, Closed), with
 * nothing of it at the datacenter, no open incident and no destruction record (deleting a job
 * deletes its incidents with it); a tombstone event keeps its name and final state.
 */
export function deleteJobFromApi(
  db: Db,
  actor: ApiCustomer,
  name: string,
  now: Date,
  scope: ArmScope | null = null,
): Promise<CommandResult<{ from: string }>> {
  return runCommand(db, async (tx) => {
    const job = await findJobForApi(tx, actor, name, scope);
    if (!job) return noSuchJob(name);
    // Hold the job, then its drives, while deciding: an incident opened by hand bumps the job and
    // a drive held at the dock updates its row, so either finishes first and is seen below, or
    // waits and is retried after the deletion. Not for a job the state rules refuse anyway.
    await updateVersioned(tx.job, "job", job, {});
    let kept: Refusal | null = null;
    if (DELETABLE_STATES.has(job.state)) {
      await tx.drive.updateMany({ where: { jobId: job.id }, data: { version: { increment: 1 } } });
      kept = incidentRecordsRefusal(await incidentRecordsOf(tx, job.id));
    }
    const heldDrives = await heldDriveSerials(tx, job.id);
    const r = await applyJobEvent(tx, actor, job.id, { type: "delete", heldDrives }, now);
    if (!r.ok) return r;
    // After the state rules, so that theirs is the answer when both refuse; a refusal returned
    // here rolls the whole deletion back.
    return kept ? fromRefusal(kept) : done({ from: r.value.from });
  });
}
