/**
 * /admin/webhooks (issue 12): the admins' view of every customer's webhook subscriptions and their
 * delivery logs, and its two actions' commands (a test event sent by staff, Retry now).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { adminWebhook, adminWebhooks } from "@/lib/server/notify/queries.ts";
import { retryWebhookDelivery } from "@/lib/server/notify/resend.ts";
import { createWebhook, deleteWebhook, testWebhook } from "@/lib/server/notify/webhook-commands.ts";

const ADA = { type: "user", id: "u-ada", label: "Ada Admin", role: "admin" } as const;
const policy = { allowPrivateAddresses: false, allowHttp: false };
const T0 = new Date("2026-12-02T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let t: TestDatabase;
let contoso: { customerId: string; customer: ActorRef };
let fabrikam: { customerId: string; customer: ActorRef };
type Customer = Extract<ActorRef, { type: "apiKey" }>;
/** Contoso's live hook (with a failed and a sent delivery), its deleted one, Fabrikam's. */
const hook = { live: "", deleted: "", other: "" };
const delivery = { failed: "", sent: "", ofDeleted: "" };
const secrets: string[] = [];

async function subscribe(who: ActorRef, url: string, minutes: number) {
  const made = ok(
    await createWebhook(
      t.db,
      who as Customer,
      { url, events: ["job.state_changed"] },
      policy,
      at(minutes),
    ),
  );
  secrets.push(made.secret!);
  return made.webhook.id;
}

beforeAll(async () => {
  t = await freshDatabase();
  contoso = await createCustomer(t.db, "Contoso");
  fabrikam = await createCustomer(t.db, "Fabrikam");
  hook.live = await subscribe(contoso.customer, "https://hooks.contoso.example/dockside", 0);
  hook.deleted = await subscribe(contoso.customer, "https://old.contoso.example/hook", 1);
  hook.other = await subscribe(fabrikam.customer, "https://fabrikam.example/events", 2);
  // Two test events to Contoso's live hook: the worker gave up on the first, sent the second.
  const first = ok(await testWebhook(t.db, contoso.customer, hook.live, at(10)));
  const second = ok(await testWebhook(t.db, contoso.customer, hook.live, at(20)));
  delivery.failed = first.deliveryId;
  delivery.sent = second.deliveryId;
  await t.db.delivery.update({
    where: { id: delivery.failed },
    data: { status: "failed", attempts: 4, lastError: "The receiver answered HTTP 500." },
  });
  await t.db.delivery.update({
    where: { id: delivery.sent },
    data: { status: "sent", attempts: 1, sentAt: at(21) },
  });
  // A test event still queued when its subscription is deleted (deleting fails it).
  delivery.ofDeleted = ok(
    await testWebhook(t.db, contoso.customer, hook.deleted, at(30)),
  ).deliveryId;
  ok(await deleteWebhook(t.db, contoso.customer as Customer, hook.deleted, at(31)));
});
afterAll(() => t.drop());

const counts = async () => ({
  events: await t.db.event.count(),
  notices: await t.db.notice.count(),
  deliveries: await t.db.delivery.findMany({ orderBy: { id: "asc" } }),
});

describe("the admins' webhook list and log (lib/server/notify/queries.ts)", () => {
  it("lists every customer's subscriptions, live first, each with its newest delivery's status", async () => {
    const list = await adminWebhooks(t.db, { customerId: null });
    expect(list.customerId).toBeNull();
    expect(list.customers.map((c) => c.name)).toEqual(["Contoso", "Fabrikam"]);
    expect(
      list.webhooks.map((w) => [
        w.customerName,
        w.url,
        w.deletedAt !== null,
        w.lastDelivery?.status ?? null,
      ]),
    ).toEqual([
      ["Fabrikam", "https://fabrikam.example/events", false, null],
      ["Contoso", "https://hooks.contoso.example/dockside", false, "sent"],
      ["Contoso", "https://old.contoso.example/hook", true, "failed"],
    ]);
    const live = list.webhooks.find((w) => w.id === hook.live)!;
    expect(live).toMatchObject({
      customerId: contoso.customerId,
      events: ["job.state_changed"],
      createdAt: at(0).toISOString(),
      deletedAt: null,
      lastDelivery: { status: "sent", createdAt: expect.any(String) },
    });
    expect(list.webhooks.find((w) => w.id === hook.deleted)!.deletedAt).toBe(at(31).toISOString());
  });

  it("filters by customer; an unknown customer has none", async () => {
    const list = await adminWebhooks(t.db, { customerId: fabrikam.customerId });
    expect(list.webhooks.map((w) => w.id)).toEqual([hook.other]);
    expect(list.customerId).toBe(fabrikam.customerId);
    expect(list.customers).toHaveLength(2);
    const none = await adminWebhooks(t.db, { customerId: crypto.randomUUID() });
    expect(none.webhooks).toEqual([]);
  });

  it("shows one subscription's log, newest first: the sent and the failed delivery with their event ids", async () => {
    const view = (await adminWebhook(t.db, hook.live))!;
    expect(view.customerName).toBe("Contoso");
    const notices = await t.db.delivery.findMany({
      where: { id: { in: [delivery.sent, delivery.failed] } },
      select: { id: true, noticeId: true },
    });
    const eventOf = (id: string) => notices.find((n) => n.id === id)!.noticeId;
    expect(view.deliveries).toEqual([
      {
        id: delivery.sent,
        eventId: eventOf(delivery.sent),
        type: "webhook.test",
        jobName: null,
        status: "sent",
        attempts: 1,
        lastError: null,
        nextAttemptAt: null,
        sentAt: at(21).toISOString(),
        createdAt: expect.any(String),
      },
      {
        id: delivery.failed,
        eventId: eventOf(delivery.failed),
        type: "webhook.test",
        jobName: null,
        status: "failed",
        attempts: 4,
        lastError: "The receiver answered HTTP 500.",
        nextAttemptAt: null,
        sentAt: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(view.lastDelivery?.status).toBe("sent");
    expect(await adminWebhook(t.db, crypto.randomUUID())).toBeNull();
  });

  it("never carries a signing secret, in the list or a log", async () => {
    const shown = JSON.stringify([
      await adminWebhooks(t.db, { customerId: null }),
      await adminWebhook(t.db, hook.live),
      await adminWebhook(t.db, hook.deleted),
    ]);
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).not.toMatch(/secret|whsec_/i);
  });
});

describe("an admin's test event (testWebhook, the customer's command)", () => {
  it("queues a webhook.test event to that subscription, with an audit event naming the admin", async () => {
    const now = at(40);
    const sent = ok(await testWebhook(t.db, ADA, hook.other, now));
    const row = await t.db.delivery.findUniqueOrThrow({
      where: { id: sent.deliveryId },
      include: { notice: true },
    });
    expect(row).toMatchObject({
      channel: "webhook",
      target: "https://fabrikam.example/events",
      subscriptionId: hook.other,
      status: "queued",
      nextAttemptAt: now,
    });
    expect(row.notice).toMatchObject({ id: sent.eventId, kind: "webhook.test" });
    expect(row.notice.data).toEqual({ webhookId: hook.other, requestedBy: "staff" });
    const audit = await t.db.event.findFirstOrThrow({
      where: { kind: "webhook.tested", actorId: ADA.id },
    });
    expect(audit).toMatchObject({ actorType: "user", actorLabel: "Ada Admin", at: now });
    expect(audit.data).toEqual({
      webhookId: hook.other,
      customerId: fabrikam.customerId,
      eventId: sent.eventId,
      requestedBy: "staff",
    });
    expect((await adminWebhook(t.db, hook.other))!.deliveries[0]!.id).toBe(sent.deliveryId);
  });

  it("refuses a deleted subscription by name, and writes nothing", async () => {
    const before = await counts();
    const result = await testWebhook(t.db, ADA, hook.deleted, at(41));
    expect(result).toEqual({
      ok: false,
      error: { code: "refused", message: "This webhook was deleted: it takes no test event." },
    });
    expect(await counts()).toEqual(before);
  });

  it("keeps a customer's key to its own live subscriptions", async () => {
    const before = await counts();
    for (const id of [hook.other, hook.deleted]) {
      const result = await testWebhook(t.db, contoso.customer, id, at(42));
      expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await counts()).toEqual(before);
  });
});

describe("an admin's Retry now (retryWebhookDelivery, resend.ts's requeue)", () => {
  it("queues a failed delivery for now, for another 24 hours, with an audit event", async () => {
    const now = at(50);
    const value = ok(await retryWebhookDelivery(t.db, ADA, delivery.failed, now));
    expect(value).toEqual({ jobId: null, subscriptionId: hook.live });
    const row = await t.db.delivery.findUniqueOrThrow({ where: { id: delivery.failed } });
    expect(row).toMatchObject({ status: "queued", nextAttemptAt: now, leaseUntil: null });
    expect(row.giveUpAt).toEqual(new Date(now.getTime() + 24 * 3_600_000));
    const audit = await t.db.event.findFirstOrThrow({ where: { kind: "delivery.retried" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: ADA.id, at: now });
    expect(audit.data).toEqual({
      deliveryId: delivery.failed,
      channel: "webhook",
      subscriptionId: hook.live,
    });
    // Already due now: a second press queues nothing more.
    const again = await retryWebhookDelivery(t.db, ADA, delivery.failed, now);
    expect(again).toMatchObject({ ok: false, error: { code: "already_done" } });
  });

  it("refuses a delivery that was sent, saying so, and changes nothing", async () => {
    const before = await counts();
    const result = await retryWebhookDelivery(t.db, ADA, delivery.sent, at(51));
    expect(result).toEqual({
      ok: false,
      error: {
        code: "refused",
        message: "This delivery was sent already: there is nothing to retry.",
      },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a delivery of a deleted subscription, an email and an unknown id", async () => {
    const before = await counts();
    expect(await retryWebhookDelivery(t.db, ADA, delivery.ofDeleted, at(52))).toMatchObject({
      ok: false,
      error: {
        code: "refused",
        message: "This webhook was deleted: its deliveries are not tried again.",
      },
    });
    const notice = await t.db.notice.create({
      data: { at: at(52), kind: "webhook.test", fannedOutAt: at(52) },
    });
    const email = await t.db.delivery.create({
      data: {
        noticeId: notice.id,
        channel: "email",
        target: "storage@contoso.example",
        status: "failed",
        nextAttemptAt: at(52),
        giveUpAt: at(52),
      },
    });
    const withEmail = await counts();
    expect(await retryWebhookDelivery(t.db, ADA, email.id, at(53))).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "There is no such webhook delivery." },
    });
    expect(await retryWebhookDelivery(t.db, ADA, crypto.randomUUID(), at(53))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await counts()).toEqual(withEmail);
    expect(before.events).toBe(withEmail.events);
  });
});
