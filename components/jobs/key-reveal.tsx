"use client";

import { useEffect, useRef, useState } from "react";
import { revealKeyAction } from "@/app/(console)/jobs/[id]/actions";
import { useFormSubmission } from "@/components/ui/form-submission";
import type { ActionState } from "@/lib/action-state.ts";
import { Button } from "@/components/ui/button";

/**
 * A supervisor's "Reveal key" for one drive. The key comes back only in the action's answer and
 * lives only in this component's state; each reveal is recorded on the server, "Hide" forgets it.
 */
export function KeyReveal({ driveId, serial }: { driveId: string; serial: string }) {
  // Submitted by hand (useFormSubmission): the button keeps the focus while the key is on its way,
  // then the answer (the key and its Hide button, or the refusal) takes it.
  // The previous answer (a key) is not sent back with the next request: the action ignores it.
  const { state, pending, dispatch, onSubmit, result } = useFormSubmission(
    (_previous: ActionState, data: FormData) => revealKeyAction(null, data),
    { reset: false },
  );
  // The answer whose key was hidden: a new reveal is a new answer, shown once it is in.
  const [hiddenAnswer, setHiddenAnswer] = useState<ActionState>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const key = state?.ok && state !== hiddenAnswer ? state.message : null;

  // "Hide" goes with the key: the keyboard user's place is back on "Reveal key".
  useEffect(() => {
    if (hiddenAnswer !== null) revealButton.current?.focus();
  }, [hiddenAnswer]);

  return (
    <div className="space-y-1">
      {key === null && (
        <form
          action={dispatch}
          onSubmit={onSubmit}
          aria-label={`Reveal the BitLocker key of drive ${serial}`}
          className="flex items-center gap-2"
        >
          <span className="text-slate-700">Hidden</span>
          <input type="hidden" name="driveId" value={driveId} />
          <Button ref={revealButton} type="submit" variant="secondary" size="sm" pending={pending}>
            {pending ? "Revealing…" : "Reveal key"}
            <span className="sr-only"> of drive {serial}</span>
          </Button>
        </form>
      )}
      <div
        ref={result}
        tabIndex={-1}
        aria-live="polite"
        className="rounded-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
      >
        {key !== null && (
          <div className="flex items-center gap-2">
            <span className="sr-only">BitLocker key of drive {serial}:</span>
            <code className="rounded border border-amber-400 bg-amber-50 px-2 py-1 font-mono text-sm whitespace-nowrap text-slate-950 select-all">
              {key}
            </code>
            <Button onClick={() => setHiddenAnswer(state)} variant="secondary" size="sm">
              Hide<span className="sr-only"> the key of drive {serial}</span>
            </Button>
          </div>
        )}
        {state && !state.ok && <p className="w-56 text-sm text-red-800">{state.error}</p>}
      </div>
    </div>
  );
}
