import Link from "next/link";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { AdminWebhookView, DeliveryStatusView } from "@/lib/views/notifications.ts";

export const DELIVERY_STATUS: Record<DeliveryStatusView, string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
};

/** Live, or deleted since when. */
export function WebhookState({ deletedAt }: { deletedAt: string | null }) {
  return deletedAt ? (
    <span>
      Deleted <Time at={deletedAt} />
    </span>
  ) : (
    <span className="font-semibold text-emerald-800">Live</span>
  );
}

/** Every customer's webhook subscriptions (admins), each linked to its delivery log. */
export function WebhookTable({
  webhooks,
  caption,
}: {
  webhooks: AdminWebhookView[];
  caption: string;
}) {
  return (
    <Table
      id="webhooks-caption"
      caption={caption}
      headers={["URL", "Customer", "Event types", "Created", "State", "Last delivery"]}
    >
      {webhooks.length === 0 && (
        <tr>
          <td colSpan={6} className="px-3 py-4 text-slate-700">
            No webhook subscriptions.
          </td>
        </tr>
      )}
      {webhooks.map((w) => (
        <tr key={w.id} className="align-top">
          <th scope="row" className="px-3 py-2 font-normal break-all">
            <Link
              href={`/admin/webhooks/${w.id}`}
              className="text-blue-800 underline hover:text-blue-950"
            >
              {w.url}
            </Link>
          </th>
          <td className="px-3 py-2">{w.customerName}</td>
          <td className="px-3 py-2">{w.events.join(", ")}</td>
          <td className="px-3 py-2">
            <Time at={w.createdAt} />
          </td>
          <td className="px-3 py-2">
            <WebhookState deletedAt={w.deletedAt} />
          </td>
          <td className="px-3 py-2">
            {w.lastDelivery ? (
              <>
                <span className="block font-semibold">
                  {DELIVERY_STATUS[w.lastDelivery.status]}
                </span>
                <span className="block text-sm">
                  <Time at={w.lastDelivery.createdAt} />
                </span>
              </>
            ) : (
              <span className="text-slate-700">None yet</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
