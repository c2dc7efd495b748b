import "server-only";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import type { Db } from "@/lib/server/db.ts";
import { DELIVERY_GIVE_UP_MS } from "@/lib/domain/notifications.ts";
import type { WebhookPolicy } from "./webhook-send.ts";
import { webhookUrlProblem } from "./webhook-send.ts";
import { newWebhookSecret } from "./webhook-signature.ts";

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

/** Test-send: a `webhook.test` event to this subscription only, delivered like any other. */
export function testWebhook(database: Db, actor: Customer, webhookId: string, now: Date) {
  return runCommand(database, async (tx) => {
    const row = await tx.webhookSubscription.findFirst({
      where: { id: webhookId, customerId: actor.customerId, deletedAt: null },
    });
    if (!row) return fail("not_found", "There is no such webhook.");
    const notice = await tx.notice.create({
      data: { at: now, kind: "webhook.test", fannedOutAt: now, data: { webhookId: row.id } },
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
    await appendEvent(tx, { actor, at: now, kind: "webhook.tested", data: { webhookId: row.id } });
    return done({ eventId: notice.id, deliveryId: delivery.id });
  });
}

export type DeliveryLogEntry = {
  id: string;
  eventId: string;
  type: string;
  jobName: string | null;
  status: "queued" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
};

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
  const deliveries = await database.delivery.findMany({
    where: { subscriptionId: row.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    include: { notice: { select: { kind: true, job: true, fromState: true, toState: true } } },
  });
  return {
    ...view(row),
    deliveries: deliveries.map((d): DeliveryLogEntry => ({
      id: d.id,
      eventId: d.noticeId,
      type: d.notice.kind,
      jobName: (d.notice.job as { name?: string } | null)?.name ?? null,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
      sentAt: d.sentAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}
