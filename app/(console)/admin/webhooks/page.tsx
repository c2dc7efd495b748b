import type { Metadata } from "next";
import { WebhookFilter } from "@/components/admin/webhook-filter";
import { WebhookTable } from "@/components/admin/webhook-table";
import { requirePage } from "@/lib/server/page-access.ts";
import { db } from "@/lib/server/db.ts";
import { adminWebhooks } from "@/lib/server/notify/queries.ts";
import { AdminWebhooksFilter } from "@/lib/validation/webhooks.ts";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

/**
 * Every customer's webhook subscriptions (issue 12), live and deleted, with each one's last
 * delivery; ?customer=<id> shows one customer's. Signing secrets never leave the database here.
 */
export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filter = AdminWebhooksFilter.parse(await searchParams);
  const returnTo = filter.customer
    ? `/admin/webhooks?customer=${filter.customer}`
    : "/admin/webhooks";
  await requirePage("mail:read", returnTo);
  const list = await adminWebhooks(db, { customerId: filter.customer ?? null });
  const customer = list.customers.find((c) => c.id === list.customerId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="text-slate-700">
          The URLs customers&apos; systems subscribed through the Job API, and the events each one
          wants. Open one for its deliveries, a test event and retries.
        </p>
      </div>
      <WebhookFilter customers={list.customers} customerId={list.customerId} />
      <WebhookTable
        webhooks={list.webhooks}
        caption={customer ? `Webhook subscriptions of ${customer.name}` : "Webhook subscriptions"}
      />
    </div>
  );
}
