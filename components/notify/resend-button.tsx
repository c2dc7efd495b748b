"use client";

import { resendDeliveryAction } from "@/app/(console)/jobs/[id]/delivery-actions";
import { useFormSubmission } from "@/components/ui/form-submission";

/** Send one message again (supervisors); the outcome is read out beside the button. */
export function ResendButton({ deliveryId, label }: { deliveryId: string; label: string }) {
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    resendDeliveryAction,
    { reset: false },
  );
  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button
        type="submit"
        aria-disabled={pending}
        className="self-start rounded-md border border-blue-800 bg-white px-3 py-1 text-sm font-semibold text-blue-900 hover:bg-blue-50 aria-disabled:opacity-60"
      >
        {pending ? "Queuing…" : "Resend"}
        <span className="sr-only"> {label}</span>
      </button>
      <div
        ref={result}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={`max-w-64 text-sm font-medium focus:outline-none ${state?.ok ? "text-emerald-800" : "text-red-800"}`}
      >
        {state ? (state.ok ? state.message : state.error) : ""}
      </div>
    </form>
  );
}
