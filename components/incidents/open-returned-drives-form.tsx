"use client";

import { useActionState, useId } from "react";
import { openReturnedDrivesIncidentAction } from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField } from "@/components/ui/text-area-field";

type Props = { jobs: { id: string; name: string; state: string }[] };

const INPUT = "rounded-md border border-slate-400 bg-white px-3 py-2";
const LABEL = "text-sm font-semibold text-slate-800";

/** R-E3: returned drives of a Completed or Closed export job lost or damaged, opened by hand. */
export function OpenReturnedDrivesForm({ jobs }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    openReturnedDrivesIncidentAction,
    null,
  );
  const fid = useId();
  return (
    <section aria-labelledby={`${fid}-heading`} className="space-y-2">
      <h2 id={`${fid}-heading`} className="text-xl font-semibold">
        Open an R-E3 incident
      </h2>
      {jobs.length === 0 ? (
        <p className="text-slate-700">No Completed or Closed export job.</p>
      ) : (
        <form
          action={action}
          aria-label="Open an R-E3 incident"
          className="space-y-2 rounded-lg border border-slate-300 bg-white p-4"
        >
          <p className="text-sm text-slate-700">
            Returned drives of an export job never reached the return address, or arrived damaged.
          </p>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${fid}-job`} className={LABEL}>
              Export job
            </label>
            <select id={`${fid}-job`} name="jobId" className={INPUT}>
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.state})
                </option>
              ))}
            </select>
          </div>
          <TextAreaField label="What happened" name="summary" />
          <div className="flex items-center gap-4">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md border border-slate-500 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
            >
              Open incident
            </button>
            <FormStatus state={state} />
          </div>
        </form>
      )}
    </section>
  );
}
