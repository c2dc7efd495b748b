import "server-only";
import type { JobState } from "@/lib/generated/prisma/enums.ts";
import { jobStatePath, nextJobStateAfterDriveChange, percentComplete } from "@/lib/domain/index.ts";
import type { Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, updateVersioned, type EventInput } from "@/lib/server/command.ts";
import {
  toJobSnapshot,
  type JobRow,
  type SettlementDrive,
  type SnapshotJob,
} from "@/lib/server/jobs/snapshot.ts";

const STATE_TIMESTAMP: Partial<Record<JobState, string>> = {
  Shipping: "shippingAt",
  Received: "receivedAt",
  Transferring: "transferringAt",
  Packaging: "packagingAt",
  Completed: "completedAt",
  Closed: "closedAt",
};

/** The columns to write when a job enters `to` at `now`: the state, its clock, its own timestamp. */
export function enterState(to: JobState, now: Date): Record<string, unknown> {
  const stamp = STATE_TIMESTAMP[to];
  return { state: to, stateChangedAt: now, ...(stamp ? { [stamp]: now } : {}) };
}

/** Load a job for a command, with the drive facts its rules read. */
export async function loadJob(tx: Tx, jobId: string) {
  const job = await tx.job.findUnique({ where: { id: jobId } });
  if (!job) return null;
  const drives = await tx.drive.findMany({
    where: { jobId },
    select: { state: true, extra: true, percentComplete: true, faultedFrom: true, disposal: true },
    orderBy: { id: "asc" },
  });
  return { job, drives, snapshot: toJobSnapshot(job, drives) };
}

/** What a job's drives did to it: the columns to write and the events to append (R-J7..R-J12, R-G2). */
export type JobSettlement = {
  from: JobState;
  to: JobState;
  data: Record<string, unknown>;
  events: EventInput[];
};

export type SettlementCause = {
  driveId: string;
  recordsJobError: boolean;
  idempotencyKey?: string | null | undefined;
};

/**
 * After a drive of the job changed, with the job and its drives as they are now: carry the job
 * forward as its drives imply, one event per state it passes through, and refresh its percent
 * complete. Pure: the Prisma commands and the dock's own SQL both write what it returns.
 */
export function planSettlement(
  job: SnapshotJob,
  drives: readonly SettlementDrive[],
  actor: ActorRef,
  jobId: string,
  now: Date,
  cause: SettlementCause,
): JobSettlement {
  const hadErrors = job.hadErrors || cause.recordsJobError;
  const snapshot = { ...toJobSnapshot(job, drives), hadErrors };
  const next = nextJobStateAfterDriveChange(snapshot);
  const to = next ?? job.state;
  const data: Record<string, unknown> = {
    hadErrors,
    percentComplete: percentComplete({
      state: to,
      drives: drives.map((d) => ({
        state: d.state,
        extra: d.extra,
        percent: d.percentComplete,
        faultedFrom: d.faultedFrom,
      })),
    }),
  };
  const events: EventInput[] = [];
  if (next) {
    let from = job.state;
    for (const [i, step] of jobStatePath(snapshot, next).entries()) {
      Object.assign(data, enterState(step, now));
      events.push({
        actor,
        at: now,
        kind: "job.state",
        jobId,
        driveId: cause.driveId,
        fromState: from,
        toState: step,
        reason: "The job's drives moved it on.",
        idempotencyKey: cause.idempotencyKey ? `${cause.idempotencyKey}:job:${i}` : null,
      });
      from = step;
    }
  }
  return { from: job.state, to, data, events };
}

/**
 * After a drive of the job changed, inside a Prisma command: settle the job (planSettlement) and
 * write it with its version, so concurrent changes to drives of one job serialize.
 */
export async function settleJobAfterDriveChange(
  tx: Tx,
  actor: ActorRef,
  jobId: string,
  now: Date,
  cause: SettlementCause,
): Promise<{ from: JobState; to: JobState }> {
  const loaded = await loadJob(tx, jobId);
  if (!loaded) throw new Error(`job ${jobId} vanished inside its own transaction`);
  const settled = planSettlement(loaded.job, loaded.drives, actor, jobId, now, cause);
  for (const e of settled.events) await appendEvent(tx, e);
  await updateVersioned(tx.job, "job", loaded.job, settled.data);
  return { from: settled.from, to: settled.to };
}

export type { JobRow };
