"use client";

import { useActionState, useId, useState } from "react";
import { cancelJobAction } from "@/app/(console)/jobs/[id]/actions";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField } from "@/components/ui/text-area-field";

/**
 * R-J14: a supervisor cancels the job with a reason. Shown only when the domain allows it now; the
 * button asks for confirmation first, since a cancelled job skips its copy for good.
 */
export function CancelJobForm({ jobId, jobName }: { jobId: string; jobName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(cancelJobAction, null);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Cancel this job
      </h2>
      <form
        action={action}
        aria-label="Cancel this job"
        className="max-w-xl space-y-3 rounded-md border border-slate-300 bg-white p-3"
      >
        <input type="hidden" name="jobId" value={jobId} />
        <TextAreaField label="Reason for cancelling" name="reason" errors={errors?.reason} />
        {confirming ? (
          <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
            <p className="text-sm text-red-950">
              Cancel job <span className="font-mono">{jobName}</span>? Its data copy is skipped and
              its drives go back to the customer. This cannot be undone.
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="submit"
                disabled={pending}
                className="rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60"
              >
                {pending ? "Cancelling…" : "Yes, cancel the job"}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
              >
                Keep the job
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md border border-red-800 bg-white px-4 py-2 font-semibold text-red-900 hover:bg-red-50"
          >
            Cancel job
          </button>
        )}
        <FormStatus state={state} />
      </form>
    </section>
  );
}
