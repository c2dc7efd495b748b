import "server-only";
import { DELIVERY_GIVE_UP_MS } from "@/lib/domain/notifications.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand } from "@/lib/server/command.ts";
import type { Db } from "@/lib/server/db.ts";

/**
 * A supervisor's Resend: the message goes out again at the worker's next pass, with the same id
 * (a receiver that has it already drops it), tried for another 24 hours. Refused while a worker
 * holds it; pressing twice queues it once.
 */
export function resendDelivery(database: Db, actor: ActorRef, deliveryId: string, now: Date) {
  return runCommand(database, async (tx) => {
    const row = await tx.delivery.findUnique({ where: { id: deliveryId } });
    if (!row) return fail("not_found", "There is no such message.");
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
      kind: "delivery.resent",
      jobId: row.jobId,
      data: { deliveryId: row.id, channel: row.channel },
    });
    return done({ jobId: row.jobId });
  });
}
