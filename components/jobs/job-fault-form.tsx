"use client";

import { faultDriveAction, faultJobAction } from "@/app/(console)/faults/actions";
import {
  FormResult,
  ListAnnouncement,
  useFormSubmission,
  useListAnnouncement,
} from "@/components/ui/form-submission";
import { FAULT_REASONS } from "@/lib/domain/fault-reasons.ts";
import type { ActionState } from "@/lib/action-state.ts";
import { Field, NOTE } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

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
        <Field
          as="select"
          label="Reason"
          name="reason"
          required
          defaultValue=""
          errors={errors?.reason}
        >
          <option value="" disabled>
            Pick a reason
          </option>
          {FAULT_REASONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </Field>
        <Field {...NOTE} label="Note" name="note" errors={errors?.note} />
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="danger" pending={pending} pendingLabel="Saving…">
            Mark Faulted
          </Button>
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
