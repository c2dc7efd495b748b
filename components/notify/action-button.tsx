"use client";

import { useFormSubmission } from "@/components/ui/form-submission";
import type { ActionState } from "@/lib/action-state.ts";

type ServerAction = (previous: ActionState, data: FormData) => Promise<ActionState>;

/**
 * One button posting one id to a notifications action (Resend on the job page, the admin's test
 * event and Retry now); the outcome is read out beside it.
 */
export function ActionButton({
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
