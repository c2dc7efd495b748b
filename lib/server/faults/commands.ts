import "server-only";
import type { ContactChannel } from "@/lib/generated/prisma/enums.ts";
import { describeFault, type FaultReasonCode } from "@/lib/domain/fault-reasons.ts";
import { contactWait, type ContactResult } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, fromRefusal, runCommand } from "@/lib/server/command.ts";
import { faultJob } from "@/lib/server/jobs/commands.ts";
import { faultDrive } from "@/lib/server/drives/commands.ts";

export type FaultInput = { reason: FaultReasonCode; note: string };

/** R-F1: the job moves to Faulted; its reason is stored as "<label>: <note>". */
export const raiseJobFault = (db: Db, actor: ActorRef, jobId: string, f: FaultInput, now: Date) =>
  faultJob(db, actor, jobId, describeFault(f.reason, f.note), now);

/** R-F1: the drive moves to Faulted; its reason is stored as "<label>: <note>". */
export const raiseDriveFault = (
  db: Db,
  actor: ActorRef,
  driveId: string,
  f: FaultInput,
  now: Date,
) => faultDrive(db, actor, driveId, describeFault(f.reason, f.note), now);

export type ContactAttemptInput = {
  jobId: string;
  driveId?: string;
  channel: ContactChannel;
  /** What came of it, chosen (R-F2); askedToWait needs `waitUntil`. */
  result: ContactResult;
  waitUntil?: Date;
  /** The supervisor's note. */
  outcome: string;
};

/** R-F2: one attempt to reach the customer, by email or phone, and what came of it. */
export function recordContactAttempt(
  db: Db,
  actor: ActorRef,
  input: ContactAttemptInput,
  now: Date,
) {
  return runCommand(db, async (tx) => {
    if (actor.type !== "user") return fail("forbidden", "Only staff record contact attempts.");
    const wait = contactWait(input.result, input.waitUntil, now);
    if (!wait.ok) return fromRefusal(wait.refusal);
    const job = await tx.job.findUnique({ where: { id: input.jobId }, select: { id: true } });
    if (!job) return fail("not_found", "There is no such job.");
    if (input.driveId) {
      const drive = await tx.drive.findUnique({
        where: { id: input.driveId },
        select: { jobId: true },
      });
      if (!drive || drive.jobId !== job.id) {
        return fail("not_found", "There is no such drive in this job.");
      }
    }
    const attempt = await tx.contactAttempt.create({
      data: {
        jobId: job.id,
        driveId: input.driveId ?? null,
        channel: input.channel,
        result: input.result,
        waitUntil: wait.value,
        outcome: input.outcome,
        at: now,
        byUserId: actor.id,
      },
      select: { id: true },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "contact.recorded",
      jobId: job.id,
      driveId: input.driveId ?? null,
      reason: input.outcome,
      data: {
        contactAttemptId: attempt.id,
        channel: input.channel,
        result: input.result,
        waitUntil: wait.value?.toISOString() ?? null,
        rule: "R-F2",
      },
    });
    return done({ id: attempt.id });
  });
}
