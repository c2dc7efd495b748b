import "server-only";
import { noticeTopic } from "@/lib/domain/notifications.ts";
import type { Db } from "@/lib/server/db.ts";
import { sqlRead } from "@/lib/server/sql/read.ts";
import type {
  AdminWebhookDetailView,
  AdminWebhookListView,
  AdminWebhookView,
  JobDeliveryView,
  WebhookDeliveryView,
} from "@/lib/views/notifications.ts";

function about(n: { kind: string; toState: string | null; data: unknown }): string {
  if (n.kind === "incident.opened") {
    const kind = (n.data as { kind?: unknown } | null)?.kind;
    return `Error event: ${typeof kind === "string" ? kind : "?"}`;
  }
  if (n.kind.startsWith("drive.")) return "A drive faulted";
  return n.toState ? `Job is now ${n.toState}` : n.kind;
}

/** Every message sent (or waiting) about a job, newest first. */
export async function jobDeliveries(database: Db, jobId: string): Promise<JobDeliveryView[]> {
  const rows = await database.delivery.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    include: { notice: { select: { kind: true, toState: true, data: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel,
    target: d.target,
    about: about(d.notice),
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
  }));
}

/** How many deliveries a subscription's log shows (the API's and the admin page's). */
export const WEBHOOK_LOG_SIZE = 50;

/** A subscription's latest deliveries, newest first: the customer's log and the admin page's. */
export async function webhookDeliveryLog(
  database: Db,
  subscriptionId: string,
): Promise<WebhookDeliveryView[]> {
  const rows = await database.delivery.findMany({
    where: { subscriptionId },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: WEBHOOK_LOG_SIZE,
    include: {
      notice: {
        select: {
          kind: true,
          job: true,
          jobId: true,
          fromState: true,
          toState: true,
          data: true,
        },
      },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    eventId: d.noticeId,
    // The type the receiver got (what it subscribed to), not the audit event's own kind.
    type:
      d.notice.kind === "webhook.test"
        ? "webhook.test"
        : (noticeTopic(d.notice)?.type ?? d.notice.kind),
    jobName: (d.notice.job as { name?: string } | null)?.name ?? null,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}

/** How many subscriptions /admin/webhooks lists (live ones first, then by customer). */
export const ADMIN_WEBHOOKS_LISTED = 200;

const SUBSCRIPTION_COLUMNS = {
  id: true,
  customerId: true,
  url: true,
  events: true,
  createdAt: true,
  deletedAt: true,
  customer: { select: { name: true } },
} as const; // never `secret`

type SubscriptionRow = {
  id: string;
  customerId: string;
  url: string;
  events: string[];
  createdAt: Date;
  deletedAt: Date | null;
  customer: { name: string };
};

/** Each subscription's newest delivery (one row each, chosen in SQL). */
async function lastDeliveries(database: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, AdminWebhookView["lastDelivery"]>();
  const { rows, t } = sqlRead(database);
  const newest = await rows<{ id: string }>(
    `SELECT DISTINCT ON (d."subscriptionId") d."id"
     FROM ${t("Delivery")} d
     WHERE d."subscriptionId" = ANY($1::text[])
     ORDER BY d."subscriptionId", d."createdAt" DESC, d."seq" DESC`,
    [ids],
  );
  const found = await database.delivery.findMany({
    where: { id: { in: newest.map((r) => r.id) } },
    select: { subscriptionId: true, status: true, createdAt: true },
  });
  return new Map(
    found.map((d) => [
      d.subscriptionId!,
      { status: d.status, createdAt: d.createdAt.toISOString() } as const,
    ]),
  );
}

function adminView(
  s: SubscriptionRow,
  last: AdminWebhookView["lastDelivery"] | undefined,
): AdminWebhookView {
  return {
    id: s.id,
    customerId: s.customerId,
    customerName: s.customer.name,
    url: s.url,
    events: s.events,
    createdAt: s.createdAt.toISOString(),
    deletedAt: s.deletedAt?.toISOString() ?? null,
    lastDelivery: last ?? null,
  };
}

/**
 * Every customer's webhook subscriptions for admins (/admin/webhooks), or one customer's: live
 * ones first, then deleted ones (their logs are kept), each with its newest delivery's status.
 */
export async function adminWebhooks(
  database: Db,
  filter: { customerId: string | null },
): Promise<AdminWebhookListView> {
  const [rows, customers] = await Promise.all([
    database.webhookSubscription.findMany({
      where: filter.customerId ? { customerId: filter.customerId } : {},
      select: SUBSCRIPTION_COLUMNS,
      orderBy: [
        { deletedAt: { sort: "desc", nulls: "first" } },
        { createdAt: "desc" },
        { id: "asc" },
      ],
      take: ADMIN_WEBHOOKS_LISTED,
    }),
    database.customer.findMany({
      where: { webhooks: { some: {} } },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  const last = await lastDeliveries(
    database,
    rows.map((r) => r.id),
  );
  return {
    webhooks: rows.map((r) => adminView(r, last.get(r.id))),
    customers,
    customerId: filter.customerId,
  };
}

/** One subscription for admins (/admin/webhooks/[id]), deleted or not, with its delivery log. */
export async function adminWebhook(
  database: Db,
  webhookId: string,
): Promise<AdminWebhookDetailView | null> {
  const row = await database.webhookSubscription.findUnique({
    where: { id: webhookId },
    select: SUBSCRIPTION_COLUMNS,
  });
  if (!row) return null;
  const deliveries = await webhookDeliveryLog(database, row.id);
  const newest = deliveries[0];
  return {
    ...adminView(row, newest ? { status: newest.status, createdAt: newest.createdAt } : null),
    deliveries,
  };
}
