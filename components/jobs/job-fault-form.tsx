"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { faultDriveAction, faultJobAction } from "@/app/(console)/faults/actions";
import { FormStatus } from "@/components/ui/form-status";
import { FAULT_REASONS } from "@/lib/domain/fault-reasons.ts";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField } from "@/components/ui/text-area-field";

type Target =
  { kind: "job"; id: string; label: string } | { kind: "drive"; id: string; label: string };

/** Move the job or one of its drives to Faulted with a reason and a note (R-F1). */
export function JobFaultForm({ target }: { target: Target }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    target.kind === "job" ? faultJobAction : faultDriveAction,
    null,
  );
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const title = target.kind === "job" ? "Fault this job" : `Fault drive ${target.label}`;
  return (
    <details className="rounded-md border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold text-red-900">{title}</summary>
      <form ref={form} action={action} aria-label={title} className="mt-3 space-y-3">
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
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
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
        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60"
          >
            {pending ? "Saving…" : "Mark Faulted"}
          </button>
          <FormStatus state={state} />
        </div>
      </form>
    </details>
  );
}

/** The job page's fault forms: only for what the domain lets this user fault now. */
export function JobFaultForms({
  jobId,
  job,
  drives,
}: {
  jobId: string;
  job: boolean;
  drives: { id: string; serial: string }[];
}) {
  if (!job && drives.length === 0) return null;
  return (
    <section aria-labelledby="job-faults" className="space-y-2">
      <h2 id="job-faults" className="text-lg font-bold">
        Report a fault
      </h2>
      <div className="grid gap-2 lg:grid-cols-2">
        {job && <JobFaultForm target={{ kind: "job", id: jobId, label: "this job" }} />}
        {drives.map((d) => (
          <JobFaultForm key={d.id} target={{ kind: "drive", id: d.id, label: d.serial }} />
        ))}
      </div>
    </section>
  );
}
