"use client";

import {
  retryWebhookDeliveryAction,
  sendTestWebhookAction,
} from "@/app/(console)/admin/webhooks/actions";
import { ActionButton } from "@/components/notify/action-button";

/** "Send a test event": a `webhook.test` event to this subscription, sent by staff. */
export function SendTestEventButton({ webhookId }: { webhookId: string }) {
  return (
    <ActionButton
      action={sendTestWebhookAction}
      field="webhookId"
      value={webhookId}
      text="Send a test event"
      busy="Queuing…"
    />
  );
}

/** "Retry now" for one queued or failed delivery; `label` names it (its event). */
export function RetryDeliveryButton({ deliveryId, label }: { deliveryId: string; label: string }) {
  return (
    <ActionButton
      action={retryWebhookDeliveryAction}
      field="deliveryId"
      value={deliveryId}
      text="Retry now"
      busy="Queuing…"
      label={label}
    />
  );
}
