"use client";

import { useId } from "react";
import { faultDriveAction, faultJobAction } from "@/app/(console)/faults/actions";
import {
  FormResult,
  ListAnnouncement,
  useFormSubmission,
  useListAnnouncement,
} from "@/components/ui/form-submission";
import { FAULT_REASONS } from "@/lib/domain/fault-reasons.ts";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField } from "@/components/ui/text-area-field";

type Target =
  { kind: "job"; id: string; label: string } | { kind: "drive"; id: string; label: string };

/**
 * Move the job or one of its drives to Faulted with a reason and a note (R-F1). Once it is faulted
 * the page stops offering this form, so `onFaulted` hands the answer to the list, which says it.
 */
export function JobFaultForm({
  target,
  onFaulted,
}: {
  target: Target;
  onFaulted: (message: string) => void;
}) {
  async function fault(previous: ActionState, data: FormData): Promise<ActionState> {
    const answer = await (target.kind === "job" ? faultJobAction : faultDriveAction)(
      previous,
      data,
    );
    // Said by the list here, not in onSuccess: the page's refresh may remove this form first.
    if (answer?.ok) onFaulted(answer.message);
    return answer;
  }
  // Submitted by hand (useFormSubmission): a refused fault keeps the reason and the note typed.
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(fault, {
    onSuccess: () => true, // the list's announcement has the focus
  });
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const title = target.kind === "job" ? "Fault this job" : `Fault drive ${target.label}`;
  return (
    <details className="rounded-md border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold text-red-900">{title}</summary>
      <form
        ref={form}
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={title}
        className="mt-3 space-y-3"
      >
        <input type="hidden" name={target.kind === "job" ? "jobId" : "driveId"} value={target.id} />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-semibold text-slate-800">
            Reason
          </label>
          <select
            id={`${id}-reason`}
            name="reason"
            required
            defaultValue=""
            aria-invalid={Boolean(errors?.reason) || undefined}
            aria-describedby={`${id}-reason-error`}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
          >
            <option value="" disabled>
              Pick a reason
            </option>
            {FAULT_REASONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
          <p id={`${id}-reason-error`} aria-live="polite" className="text-sm text-red-800">
            {errors?.reason?.join(" ")}
          </p>
        </div>
        <TextAreaField label="Note" name="note" errors={errors?.note} />
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            aria-disabled={pending}
            className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 aria-disabled:opacity-60"
          >
            {pending ? "Saving…" : "Mark Faulted"}
          </button>
          <FormResult ref={result} state={state} />
        </div>
      </form>
    </details>
  );
}

/**
 * The job page's fault forms: only for what the domain lets this user fault now. Stays on the page
 * while it has something to say, so that a fault's outcome is read out (and has the focus) after
 * its form has gone.
 */
export function JobFaultForms({
  jobId,
  job,
  drives,
}: {
  jobId: string;
  job: boolean;
  drives: { id: string; serial: string }[];
}) {
  const { message, region, announce } = useListAnnouncement();
  if (!job && drives.length === 0 && message === "") return null;
  return (
    <section aria-labelledby="job-faults" className="space-y-2">
      <h2 id="job-faults" className="text-lg font-bold">
        Report a fault
      </h2>
      <ListAnnouncement ref={region} message={message} />
      {!job && drives.length === 0 && (
        <p className="text-sm text-slate-700">Nothing here can be faulted now.</p>
      )}
      <div className="grid gap-2 lg:grid-cols-2">
        {job && (
          <JobFaultForm
            target={{ kind: "job", id: jobId, label: "this job" }}
            onFaulted={announce}
          />
        )}
        {drives.map((d) => (
          <JobFaultForm
            key={d.id}
            target={{ kind: "drive", id: d.id, label: d.serial }}
            onFaulted={announce}
          />
        ))}
      </div>
    </section>
  );
}
