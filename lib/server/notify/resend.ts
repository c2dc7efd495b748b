import "server-only";
import { DELIVERY_GIVE_UP_MS } from "@/lib/domain/notifications.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import type { Db, Tx } from "@/lib/server/db.ts";

type Queued = { jobId: string | null; subscriptionId: string | null };

/**
 * Put a message back in the queue for the worker's next pass, with the same id (a receiver that
 * has it already drops it), tried for another 24 hours. Refused while a worker holds it, and when
 * it is already due (pressing twice queues it once). `check` refuses what its caller may not
 * send again; the audit event is `kind`.
 */
function requeue(
  database: Db,
  actor: ActorRef,
  deliveryId: string,
  now: Date,
  kind: "delivery.resent" | "delivery.retried",
  check: (
    row: { channel: string; status: string; subscriptionId: string | null },
    tx: Tx,
  ) => Promise<CommandResult<never> | null>,
) {
  return runCommand<Queued>(database, async (tx) => {
    const row = await tx.delivery.findUnique({ where: { id: deliveryId } });
    if (!row) return fail("not_found", "There is no such message.");
    const refused = await check(row, tx);
    if (refused) return refused;
    if (row.status === "queued" && row.nextAttemptAt <= now) {
      return fail("already_done", "This message is already waiting to be sent.");
    }
    const { count } = await tx.delivery.updateMany({
      where: { id: row.id, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
      data: {
        status: "queued",
        nextAttemptAt: now,
        giveUpAt: new Date(now.getTime() + DELIVERY_GIVE_UP_MS),
        leaseUntil: null,
      },
    });
    if (count !== 1)
      return fail("conflict", "This message is being sent right now. Try again in a moment.");
    await appendEvent(tx, {
      actor,
      at: now,
      kind,
      jobId: row.jobId,
      data: { deliveryId: row.id, channel: row.channel, subscriptionId: row.subscriptionId },
    });
    return done({ jobId: row.jobId, subscriptionId: row.subscriptionId });
  });
}

/** A supervisor's Resend on the job page: any message about the job, sent or not. */
export function resendDelivery(database: Db, actor: ActorRef, deliveryId: string, now: Date) {
  return requeue(database, actor, deliveryId, now, "delivery.resent", async () => null);
}

/**
 * An admin's "Retry now" on /admin/webhooks: a webhook delivery still queued (tried sooner) or
 * failed (tried again), of a subscription not deleted. One that was sent is not sent again.
 */
export function retryWebhookDelivery(database: Db, actor: ActorRef, deliveryId: string, now: Date) {
  return requeue(database, actor, deliveryId, now, "delivery.retried", async (row, tx) => {
    if (row.channel !== "webhook" || !row.subscriptionId) {
      return fail("not_found", "There is no such webhook delivery.");
    }
    if (row.status === "sent") {
      return fail("refused", "This delivery was sent already: there is nothing to retry.");
    }
    const subscription = await tx.webhookSubscription.findUnique({
      where: { id: row.subscriptionId },
      select: { deletedAt: true },
    });
    if (subscription?.deletedAt) {
      return fail("refused", "This webhook was deleted: its deliveries are not tried again.");
    }
    return null;
  });
}
