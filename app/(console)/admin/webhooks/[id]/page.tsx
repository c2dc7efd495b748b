import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { WebhookDeliveries } from "@/components/admin/webhook-deliveries";
import { WebhookState } from "@/components/admin/webhook-table";
import { SendTestEventButton } from "@/components/notify/webhook-admin-buttons";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/permissions.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { db } from "@/lib/server/db.ts";
import { adminWebhook } from "@/lib/server/notify/queries.ts";

export const metadata: Metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

/** One customer's webhook subscription: what it receives, its latest deliveries, and actions. */
export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requirePage("mail:read", `/admin/webhooks/${encodeURIComponent(id)}`);
  const webhookId = z.uuid().safeParse(id);
  const webhook = webhookId.success ? await adminWebhook(db, webhookId.data) : null;
  if (!webhook) notFound();
  const manage = can(user.role, "webhooks:manage") && webhook.deletedAt === null;
  return (
    <div className="space-y-6">
      <Link href="/admin/webhooks" className="text-blue-800 underline hover:text-blue-950">
        All webhooks
      </Link>
      <div>
        <h1 className="text-2xl font-bold">Webhook of {webhook.customerName}</h1>
        <p className="break-all text-slate-700">{webhook.url}</p>
      </div>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Customer</dt>
        <dd>
          <Link
            href={`/admin/webhooks?customer=${webhook.customerId}`}
            className="text-blue-800 underline hover:text-blue-950"
          >
            {webhook.customerName}
          </Link>
        </dd>
        <dt className="font-semibold">Event types</dt>
        <dd>{webhook.events.join(", ")}</dd>
        <dt className="font-semibold">Created</dt>
        <dd>
          <Time at={webhook.createdAt} />
        </dd>
        <dt className="font-semibold">State</dt>
        <dd>
          <WebhookState deletedAt={webhook.deletedAt} />
        </dd>
      </dl>
      {manage ? (
        <section aria-labelledby="webhook-test" className="space-y-2">
          <h2 id="webhook-test" className="text-lg font-bold">
            Test event
          </h2>
          <p className="text-slate-700">
            A <code>webhook.test</code> event, signed and delivered like any other, to this URL
            only. The log records that Dockside staff sent it.
          </p>
          <SendTestEventButton webhookId={webhook.id} />
        </section>
      ) : null}
      <section aria-labelledby="webhook-deliveries" className="space-y-2">
        <h2 id="webhook-deliveries" className="text-lg font-bold">
          Deliveries
        </h2>
        <WebhookDeliveries deliveries={webhook.deliveries} canRetry={manage} />
      </section>
    </div>
  );
}
