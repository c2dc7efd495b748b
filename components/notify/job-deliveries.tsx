import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ResendButton } from "@/components/notify/resend-button";
import type { JobDeliveryView } from "@/lib/views/notifications.ts";

const STATUS: Record<JobDeliveryView["status"], string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed (gave up)",
};

/** Every email and webhook delivery about this job: queued, sent, failed with the error, next try. */
export function JobDeliveries({
  deliveries,
  canResend,
}: {
  deliveries: JobDeliveryView[];
  canResend: boolean;
}) {
  const headers = ["Queued at", "To", "About", "Status", "Tries", ...(canResend ? ["Action"] : [])];
  return (
    <section aria-labelledby="job-deliveries" className="space-y-2">
      <h2 id="job-deliveries" className="text-lg font-bold">
        Messages to the customer{" "}
        <span className="font-normal text-slate-700">({deliveries.length})</span>
      </h2>
      {deliveries.length === 0 ? (
        <p className="text-slate-700">No message sent about this job.</p>
      ) : (
        <Table
          id="job-deliveries-caption"
          caption="Emails and webhook deliveries, newest first"
          headers={headers}
        >
          {deliveries.map((d) => (
            <tr key={d.id} className="align-top">
              <th scope="row" className="px-3 py-2 font-normal">
                <Time at={new Date(d.createdAt)} />
              </th>
              <td className="px-3 py-2 break-all">
                {d.channel === "email" ? "Email: " : "Webhook: "}
                {d.target}
              </td>
              <td className="px-3 py-2">{d.about}</td>
              <td className="px-3 py-2">
                <span className="font-semibold">{STATUS[d.status]}</span>
                {d.sentAt ? (
                  <span className="block text-sm">
                    <Time at={new Date(d.sentAt)} />
                  </span>
                ) : null}
                {d.lastError && d.status !== "sent" ? (
                  <span className="block text-sm text-red-800">Error: {d.lastError}</span>
                ) : null}
                {d.nextAttemptAt ? (
                  <span className="block text-sm">
                    Next try: <Time at={new Date(d.nextAttemptAt)} />
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{d.attempts}</td>
              {canResend ? (
                <td className="px-3 py-2">
                  <ResendButton deliveryId={d.id} label={`${d.about} to ${d.target}`} />
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
