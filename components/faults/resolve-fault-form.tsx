"use client";

import { resolveDriveFaultAction, resolveJobFaultAction } from "@/app/(console)/faults/actions";
import { Field, NOTE } from "@/components/ui/field";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Button } from "@/components/ui/button";

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
      <Field as="select" label="Return to" name="to" defaultValue={targets[0]} errors={errors?.to}>
        {targets.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Field>
      <Field {...NOTE} label="Resolution note" name="note" errors={errors?.note} />
      <div className="flex items-center gap-4">
        <Button type="submit" pending={pending}>
          Resolve<span className="sr-only"> {label}</span>
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
