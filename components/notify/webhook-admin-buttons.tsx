"use client";

import {
  retryWebhookDeliveryAction,
  sendTestWebhookAction,
} from "@/app/(console)/admin/webhooks/actions";
import { useFormSubmission } from "@/components/ui/form-submission";
import type { ActionState } from "@/lib/action-state.ts";

type ServerAction = (previous: ActionState, data: FormData) => Promise<ActionState>;

/** One button posting one id to an admin's webhook action; the outcome is read out beside it. */
function ActionButton({
  action,
  field,
  value,
  text,
  busy,
  label,
}: {
  action: ServerAction;
  field: string;
  value: string;
  text: string;
  busy: string;
  /** Said after `text` to screen readers, naming what the button acts on. */
  label?: string;
}) {
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(action, {
    reset: false,
  });
  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name={field} value={value} />
      <button
        type="submit"
        aria-disabled={pending}
        className="self-start rounded-md border border-blue-800 bg-white px-3 py-1 text-sm font-semibold whitespace-nowrap text-blue-900 hover:bg-blue-50 aria-disabled:opacity-60"
      >
        {pending ? busy : text}
        {label ? <span className="sr-only"> {label}</span> : null}
      </button>
      <div
        ref={result}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={`max-w-80 text-sm font-medium focus:outline-none ${state?.ok ? "text-emerald-800" : "text-red-800"}`}
      >
        {state ? (state.ok ? state.message : state.error) : ""}
      </div>
    </form>
  );
}

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
