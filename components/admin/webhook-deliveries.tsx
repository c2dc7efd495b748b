import { Table } from "@/components/ui/table";
import { RetryDeliveryButton } from "@/components/notify/webhook-admin-buttons";
import { DELIVERY_STATUS } from "@/components/admin/webhook-table";
import { MaybeTime, Time } from "@/components/ui/time";
import type { WebhookDeliveryView } from "@/lib/views/notifications.ts";

/**
 * A subscription's latest deliveries (admins): the event, its status, tries, last error, next
 * try and when it was sent; "Retry now" on each queued or failed one when `canRetry`.
 */
export function WebhookDeliveries({
  deliveries,
  canRetry,
}: {
  deliveries: WebhookDeliveryView[];
  canRetry: boolean;
}) {
  const headers = [
    "Queued at",
    "Event type",
    "Event id",
    "Status",
    "Tries",
    "Last error",
    "Next try",
    "Sent at",
    ...(canRetry ? ["Action"] : []),
  ];
  return (
    <Table
      id="webhook-deliveries-caption"
      caption="Latest deliveries, newest first"
      headers={headers}
    >
      {deliveries.length === 0 && (
        <tr>
          <td colSpan={headers.length} className="px-3 py-4 text-slate-700">
            No delivery yet.
          </td>
        </tr>
      )}
      {deliveries.map((d) => (
        <tr key={d.id} className="align-top">
          <th scope="row" className="px-3 py-2 font-normal">
            <Time at={d.createdAt} />
          </th>
          <td className="px-3 py-2">
            {d.type}
            {d.jobName ? <span className="block text-sm">Job {d.jobName}</span> : null}
          </td>
          <td className="px-3 py-2 font-mono text-xs break-all">{d.eventId}</td>
          <td className="px-3 py-2 font-semibold">{DELIVERY_STATUS[d.status]}</td>
          <td className="px-3 py-2 tabular-nums">{d.attempts}</td>
          <td className="px-3 py-2 break-all text-red-800">
            {d.lastError ?? <span className="text-slate-600">—</span>}
          </td>
          <td className="px-3 py-2">
            <MaybeTime at={d.nextAttemptAt} />
          </td>
          <td className="px-3 py-2">
            <MaybeTime at={d.sentAt} />
          </td>
          {canRetry ? (
            <td className="px-3 py-2">
              {d.status === "sent" ? (
                <span className="text-slate-600">—</span>
              ) : (
                <RetryDeliveryButton deliveryId={d.id} label={`${d.type} event ${d.eventId}`} />
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
