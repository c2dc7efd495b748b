"use server";

import { revalidatePath } from "next/cache";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { db } from "@/lib/server/db.ts";
import { retryWebhookDelivery } from "@/lib/server/notify/resend.ts";
import { testWebhook } from "@/lib/server/notify/webhook-commands.ts";
import { AdminRetryDeliveryInput, AdminTestWebhookInput } from "@/lib/validation/webhooks.ts";

/** An admin sends a subscription a `webhook.test` event (the customer's test-send, by staff). */
export const sendTestWebhookAction = protectedAction(
  "webhooks:manage",
  AdminTestWebhookInput,
  async (input, { user, now }) => {
    const result = await testWebhook(db, user.actor, input.webhookId, now);
    if (result.ok) {
      revalidatePath("/admin/webhooks");
      revalidatePath(`/admin/webhooks/${input.webhookId}`);
    }
    return fromCommand(
      result,
      (v) => `Test event ${v.eventId} queued: it goes out within a few seconds.`,
    );
  },
);

/** An admin tries a queued or failed webhook delivery again now (lib/server/notify/resend.ts). */
export const retryWebhookDeliveryAction = protectedAction(
  "webhooks:manage",
  AdminRetryDeliveryInput,
  async (input, { user, now }) => {
    const result = await retryWebhookDelivery(db, user.actor, input.deliveryId, now);
    if (result.ok) {
      revalidatePath("/admin/webhooks");
      if (result.value.subscriptionId) {
        revalidatePath(`/admin/webhooks/${result.value.subscriptionId}`);
      }
      if (result.value.jobId) revalidatePath(`/jobs/${result.value.jobId}`);
    }
    return fromCommand(result, () => "Queued: it goes out within a few seconds.");
  },
);
