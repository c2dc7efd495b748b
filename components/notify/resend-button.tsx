"use client";

import { resendDeliveryAction } from "@/app/(console)/jobs/[id]/delivery-actions";
import { ActionButton } from "@/components/notify/action-button";

/** Send one message again (supervisors); the outcome is read out beside the button. */
export function ResendButton({ deliveryId, label }: { deliveryId: string; label: string }) {
  return (
    <ActionButton
      action={resendDeliveryAction}
      field="deliveryId"
      value={deliveryId}
      text="Resend"
      busy="Queuing…"
      label={label}
    />
  );
}
