import "server-only";
import { can } from "@/lib/permissions.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { hashStatusToken, newStatusToken } from "@/lib/server/status-links/token.ts";

/** A new link: the plain token exists only in this answer; the database keeps its hash. */
export type NewStatusLink = { jobId: string; linkId: string; token: string };

const FORBIDDEN = "Only a supervisor or an administrator can manage a job's status link.";

/**
 * Load the job and take its version: every status-link command writes the job's version, so two
 * supervisors pressing Create or Rotate at once serialize (the second is retried on fresh data and
 * finds the first one's link) instead of leaving two active links.
 */
async function lockJob(tx: Tx, jobId: string) {
  const job = await tx.job.findUnique({
    where: { id: jobId },
    select: { id: true, name: true, version: true },
  });
  if (!job) return null;
  await updateVersioned(tx.job, "job", job, {});
  return job;
}

function activeLinks(tx: Tx, jobId: string) {
  return tx.statusLink.findMany({
    where: { jobId, revokedAt: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
}

async function insertLink(tx: Tx, actor: ActorRef & { type: "user" }, jobId: string, now: Date) {
  const token = newStatusToken();
  const link = await tx.statusLink.create({
    data: { jobId, tokenHash: hashStatusToken(token), createdAt: now, createdById: actor.id },
    select: { id: true },
  });
  return { jobId, linkId: link.id, token };
}

function mayManage(actor: ActorRef): actor is ActorRef & { type: "user" } {
  return actor.type === "user" && can(actor.role, "statusLinks:manage");
}

/** A job's first status link (or its first since the last was revoked). */
export function createStatusLink(
  db: Db,
  actor: ActorRef,
  jobId: string,
  now: Date,
): Promise<CommandResult<NewStatusLink>> {
  return runCommand(db, async (tx) => {
    if (!mayManage(actor)) return fail("forbidden", FORBIDDEN);
    const job = await lockJob(tx, jobId);
    if (!job) return fail("not_found", "There is no such job.");
    if ((await activeLinks(tx, jobId)).length > 0) {
      return fail(
        "already_done",
        "This job already has a status link. Rotate it to get a new one: the old one stops working.",
      );
    }
    const link = await insertLink(tx, actor, jobId, now);
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "statusLink.created",
      jobId,
      data: { linkId: link.linkId, name: job.name },
    });
    return done(link);
  });
}

/** Revoke every active link of the job and make a new one, in one transaction. */
export function rotateStatusLink(
  db: Db,
  actor: ActorRef,
  jobId: string,
  now: Date,
): Promise<CommandResult<NewStatusLink>> {
  return runCommand(db, async (tx) => {
    if (!mayManage(actor)) return fail("forbidden", FORBIDDEN);
    const job = await lockJob(tx, jobId);
    if (!job) return fail("not_found", "There is no such job.");
    const old = await activeLinks(tx, jobId);
    if (old.length === 0) {
      return fail("refused", "This job has no active status link to rotate: create one.");
    }
    await tx.statusLink.updateMany({
      where: { id: { in: old.map((l) => l.id) }, revokedAt: null },
      data: { revokedAt: now },
    });
    const link = await insertLink(tx, actor, jobId, now);
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "statusLink.rotated",
      jobId,
      data: { linkId: link.linkId, revokedLinkIds: old.map((l) => l.id), name: job.name },
    });
    return done(link);
  });
}

/** Revoke the job's active link(s): the customer's page answers 404 from now on. */
export function revokeStatusLink(
  db: Db,
  actor: ActorRef,
  jobId: string,
  now: Date,
): Promise<CommandResult<{ jobId: string; revoked: number }>> {
  return runCommand(db, async (tx) => {
    if (!mayManage(actor)) return fail("forbidden", FORBIDDEN);
    const job = await lockJob(tx, jobId);
    if (!job) return fail("not_found", "There is no such job.");
    const old = await activeLinks(tx, jobId);
    if (old.length === 0) return fail("already_done", "This job has no active status link.");
    await tx.statusLink.updateMany({
      where: { id: { in: old.map((l) => l.id) }, revokedAt: null },
      data: { revokedAt: now },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "statusLink.revoked",
      jobId,
      data: { revokedLinkIds: old.map((l) => l.id), name: job.name },
    });
    return done({ jobId, revoked: old.length });
  });
}
