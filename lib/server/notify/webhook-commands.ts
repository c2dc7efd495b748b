import "server-only";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import type { Db } from "@/lib/server/db.ts";
import { DELIVERY_GIVE_UP_MS } from "@/lib/domain/notifications.ts";
import type { WebhookPolicy } from "./webhook-send.ts";
import { webhookUrlProblem } from "./webhook-send.ts";
import { newWebhookSecret } from "./webhook-signature.ts";
import { webhookDeliveryLog } from "./queries.ts";
import type { WebhookDeliveryView } from "@/lib/views/notifications.ts";

type Customer = Extract<ActorRef, { type: "apiKey" }>;

export type WebhookView = {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
};

const view = (s: { id: string; url: string; events: string[]; createdAt: Date }): WebhookView => ({
  id: s.id,
  url: s.url,
  events: s.events,
  createdAt: s.createdAt.toISOString(),
});

type CreatedWebhook = { created: boolean; webhook: WebhookView; secret: string | null };

/**
 * Subscribe: an https URL (checked against the SSRF policy) and event types. The secret is shown
 * in this answer only. The same URL again for a live subscription updates its events and answers
 * it without the secret (a retried request makes no second subscription).
 */
export function createWebhook(
  database: Db,
  actor: Customer,
  input: { url: string; events: string[] },
  policy: WebhookPolicy,
  now: Date,
): Promise<CommandResult<CreatedWebhook>> {
  return runCommand<CreatedWebhook>(database, async (tx) => {
    const problem = webhookUrlProblem(input.url, policy);
    if (problem) return fail("invalid", problem);
    const url = new URL(input.url).toString();
    const events = [...new Set(input.events)].sort();
    // One subscription per customer and URL: concurrent duplicates take turns on the customer row.
    await tx.customer.update({ where: { id: actor.customerId }, data: {} });
    const existing = await tx.webhookSubscription.findFirst({
      where: { customerId: actor.customerId, url, deletedAt: null },
    });
    if (existing) {
      const updated = await tx.webhookSubscription.update({
        where: { id: existing.id },
        data: { events },
      });
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "webhook.updated",
        data: { webhookId: existing.id, events },
      });
      return done({ created: false, webhook: view(updated), secret: null });
    }
    const secret = newWebhookSecret();
    const row = await tx.webhookSubscription.create({
      data: { customerId: actor.customerId, url, events, secret, createdAt: now },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "webhook.created",
      data: { webhookId: row.id, url, events },
    });
    return done({ created: true, webhook: view(row), secret });
  });
}

/** Unsubscribe. Deleting again answers as the first time did (idempotent); its log is kept. */
export function deleteWebhook(database: Db, actor: Customer, webhookId: string, now: Date) {
  return runCommand(database, async (tx) => {
    const row = await tx.webhookSubscription.findFirst({
      where: { id: webhookId, customerId: actor.customerId },
    });
    if (!row) return fail("not_found", "There is no such webhook.");
    if (row.deletedAt) return done({ deleted: true });
    await tx.webhookSubscription.update({ where: { id: row.id }, data: { deletedAt: now } });
    await tx.delivery.updateMany({
      where: { subscriptionId: row.id, status: "queued" },
      data: { status: "failed", lastError: "The subscription was deleted." },
    });
    await appendEvent(tx, { actor, at: now, kind: "webhook.deleted", data: { webhookId: row.id } });
    return done({ deleted: true });
  });
}

/**
 * Test-send: a `webhook.test` event to this subscription only, delivered like any other. A
 * customer's key reaches its own live subscriptions; staff (an admin on /admin/webhooks) any
 * customer's, and the event records that staff sent it. A deleted subscription takes no test event.
 */
export function testWebhook(database: Db, actor: ActorRef, webhookId: string, now: Date) {
  return runCommand(database, async (tx) => {
    const row = await tx.webhookSubscription.findFirst({
      where:
        actor.type === "apiKey"
          ? { id: webhookId, customerId: actor.customerId, deletedAt: null }
          : { id: webhookId },
    });
    if (!row) return fail("not_found", "There is no such webhook.");
    if (row.deletedAt) {
      return fail("refused", "This webhook was deleted: it takes no test event.");
    }
    const requested = actor.type === "user" ? { requestedBy: "staff" } : {};
    const notice = await tx.notice.create({
      data: {
        at: now,
        kind: "webhook.test",
        fannedOutAt: now,
        data: { webhookId: row.id, ...requested },
      },
    });
    const delivery = await tx.delivery.create({
      data: {
        noticeId: notice.id,
        channel: "webhook",
        target: row.url,
        subscriptionId: row.id,
        nextAttemptAt: now,
        giveUpAt: new Date(now.getTime() + DELIVERY_GIVE_UP_MS),
      },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "webhook.tested",
      data: { webhookId: row.id, customerId: row.customerId, eventId: notice.id, ...requested },
    });
    return done({ eventId: notice.id, deliveryId: delivery.id });
  });
}

/** One line of a subscription's delivery log (lib/server/notify/queries.ts reads it). */
export type DeliveryLogEntry = WebhookDeliveryView;

/** The customer's webhooks (never their secrets), or one with its latest deliveries. */
export async function listWebhooks(database: Db, customerId: string): Promise<WebhookView[]> {
  const rows = await database.webhookSubscription.findMany({
    where: { customerId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(view);
}

export async function webhookWithLog(database: Db, customerId: string, webhookId: string) {
  const row = await database.webhookSubscription.findFirst({
    where: { id: webhookId, customerId, deletedAt: null },
  });
  if (!row) return null;
  return { ...view(row), deliveries: await webhookDeliveryLog(database, row.id) };
}
