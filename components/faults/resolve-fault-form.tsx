"use client";

import { useId } from "react";
import { resolveDriveFaultAction, resolveJobFaultAction } from "@/app/(console)/faults/actions";
import { TextAreaField } from "@/components/ui/text-area-field";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";

type Props = {
  kind: "job" | "drive";
  id: string;
  label: string;
  targets: readonly string[];
  /** Said by the queue once resolved: the card (and this form) leaves the page. */
  onResolved: (message: string) => void;
};

/** R-F3: return a faulted job or drive to one of the states the domain offers now, with a note. */
export function ResolveFaultForm({ kind, id, label, targets, onResolved }: Props) {
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    kind === "job" ? resolveJobFaultAction : resolveDriveFaultAction,
    {
      onSuccess: (answer) => {
        // A drive's answer names it; a job's says only "The job".
        onResolved(kind === "job" ? `Resolved ${label}: ${answer.message}` : answer.message);
        return true;
      },
    },
  );
  const fid = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (targets.length === 0) {
    return <p className="text-sm text-slate-700">No state to return to yet for {label}.</p>;
  }
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={`Resolve ${label}`}
      className="space-y-2"
    >
      <input type="hidden" name={kind === "job" ? "jobId" : "driveId"} value={id} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${fid}-to`} className="text-sm font-semibold text-slate-800">
          Return to
        </label>
        <select
          id={`${fid}-to`}
          name="to"
          defaultValue={targets[0]}
          aria-invalid={Boolean(errors?.to) || undefined}
          aria-describedby={`${fid}-to-error`}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
        >
          {targets.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <p id={`${fid}-to-error`} aria-live="polite" className="text-sm text-red-800">
          {errors?.to?.join(" ")}
        </p>
      </div>
      <TextAreaField label="Resolution note" name="note" errors={errors?.note} />
      <div className="flex items-center gap-4">
        <button
          type="submit"
          aria-disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 aria-disabled:opacity-60"
        >
          Resolve<span className="sr-only"> {label}</span>
        </button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
