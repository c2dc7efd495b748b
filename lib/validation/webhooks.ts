import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/notifications.ts";
import { printableText } from "@/lib/validation/text.ts";

/** POST /api/v1/webhooks: where to send, and which events. */
export const CreateWebhookInput = z
  .strictObject({
    url: printableText()
      .min(1, "Give the https URL to send events to.")
      .max(2000, "Use a URL of at most 2000 characters.")
      .meta({ examples: ["https://hooks.contoso.example/dockside"] }),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES, `Each event is one of ${WEBHOOK_EVENT_TYPES.join(", ")}.`))
      .min(1, "Name at least one event type.")
      .max(WEBHOOK_EVENT_TYPES.length)
      .meta({
        description:
          "job.state_changed: every change of a job's state (R-J1..R-J13, Faulted and back); job.error_event: an error event opened on a job (R-E1..R-E5); drive.faulted: a drive moved to Faulted (R-F1).",
      }),
  })
  .meta({ id: "WebhookInput" });

export const WebhookId = z.strictObject({ webhookId: z.uuid("There is no such webhook.") });

/** /admin/webhooks' filter (?customer=<id>): anything else shows every customer's. */
export const AdminWebhooksFilter = z.object({
  customer: z.uuid().optional().catch(undefined),
});

/** /admin/webhooks' "Send a test event". */
export const AdminTestWebhookInput = z.object({
  webhookId: z.uuid("There is no such webhook."),
});

/** /admin/webhooks' "Retry now". */
export const AdminRetryDeliveryInput = z.object({
  deliveryId: z.uuid("There is no such webhook delivery."),
});
