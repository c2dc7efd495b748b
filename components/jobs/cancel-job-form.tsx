"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cancelJobAction } from "@/app/(console)/jobs/[id]/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import type { ActionState } from "@/lib/action-state.ts";
import { Field, NOTE } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/**
 * The job page's title, where focus goes once the job is cancelled: the page no longer offers
 * the cancel, so this form (and the button that had the focus) is gone, and the title now says
 * "Cancelled". Made focusable by script only (tabindex -1): it is not a stop for Tab.
 */
function focusJobTitle() {
  const active = document.activeElement;
  if (active && active !== document.body) return; // the user has moved on: leave them there
  const title = document.querySelector<HTMLElement>("main h1");
  if (!title) return;
  if (!title.hasAttribute("tabindex")) title.setAttribute("tabindex", "-1");
  title.focus();
}

/**
 * R-J14: a supervisor cancels the job with a reason. Shown only when the domain allows it now; the
 * button asks for confirmation first, since a cancelled job skips its copy for good.
 */
export function CancelJobForm({ jobId, jobName }: { jobId: string; jobName: string }) {
  // Set once the server has cancelled the job: the page then drops this form.
  const cancelled = useRef(false);
  async function cancel(previous: ActionState, data: FormData): Promise<ActionState> {
    const answer = await cancelJobAction(previous, data);
    if (answer?.ok) cancelled.current = true;
    return answer;
  }
  // Submitted by hand (useFormSubmission): a refused cancel keeps the reason typed, and "Yes,
  // cancel the job" keeps the focus while the answer is on its way.
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(cancel);
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Set when the user opens or closes the confirmation (not on the first render).
  const asked = useRef(false);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  // The button pressed goes away with the confirmation's opening or closing: the focus goes to the
  // safe choice ("Keep the job"), then back to "Cancel job".
  useEffect(() => {
    if (!asked.current) return;
    asked.current = false;
    (confirming ? keepButton : cancelButton).current?.focus();
  }, [confirming]);
  const ask = (open: boolean) => {
    asked.current = true;
    setConfirming(open);
  };

  // Runs after the commit that removed this form, when the page's title already says "Cancelled".
  useEffect(
    () => () => {
      if (cancelled.current) focusJobTitle();
    },
    [],
  );

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Cancel this job
      </h2>
      <form
        ref={form}
        action={dispatch}
        onSubmit={onSubmit}
        aria-label="Cancel this job"
        className="max-w-xl space-y-3 rounded-md border border-slate-300 bg-white p-3"
      >
        <input type="hidden" name="jobId" value={jobId} />
        <Field {...NOTE} label="Reason for cancelling" name="reason" errors={errors?.reason} />
        {confirming ? (
          <div
            onKeyDown={(e) => {
              if (e.key === "Escape") ask(false);
            }}
            className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3"
          >
            <p className="text-sm text-red-950">
              Cancel job <span className="font-mono">{jobName}</span>? Its data copy is skipped and
              its drives go back to the customer. This cannot be undone.
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" variant="danger" pending={pending} pendingLabel="Cancelling…">
                Yes, cancel the job
              </Button>
              <Button ref={keepButton} onClick={() => ask(false)} variant="secondary">
                Keep the job
              </Button>
            </div>
          </div>
        ) : (
          <Button ref={cancelButton} onClick={() => ask(true)} variant="danger-outline">
            Cancel job
          </Button>
        )}
        <FormResult ref={result} state={state} />
      </form>
    </section>
  );
}

/** R-J14: where a cancel is not allowed now, the section says why, in the domain's own sentence. */
export function CancelNotAllowed({ reason }: { reason: string }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Cancel this job
      </h2>
      <p className="max-w-xl rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-900">
        Cancelling is not possible now. {reason}
      </p>
    </section>
  );
}
