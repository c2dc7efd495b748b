"use client";

import { useActionState, useState } from "react";
import { revealKeyAction } from "@/app/(console)/jobs/[id]/actions";
import type { ActionState } from "@/lib/action-state.ts";

/**
 * A supervisor's "Reveal key" for one drive. The key comes back only in the action's answer and
 * lives only in this component's state; each reveal is recorded on the server, "Hide" forgets it.
 */
export function KeyReveal({ driveId, serial }: { driveId: string; serial: string }) {
  const [state, reveal, pending] = useActionState<ActionState, FormData>(revealKeyAction, null);
  const [hidden, setHidden] = useState(false);
  const key = state?.ok && !hidden ? state.message : null;
  return (
    <div className="space-y-1">
      {key === null && (
        <form
          action={(form: FormData) => {
            setHidden(false);
            reveal(form);
          }}
          aria-label={`Reveal the BitLocker key of drive ${serial}`}
          className="flex items-center gap-2"
        >
          <span className="text-slate-700">Hidden</span>
          <input type="hidden" name="driveId" value={driveId} />
          <button
            type="submit"
            disabled={pending}
            className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
          >
            {pending ? "Revealing…" : "Reveal key"}
            <span className="sr-only"> of drive {serial}</span>
          </button>
        </form>
      )}
      <div aria-live="polite">
        {key !== null && (
          <div className="flex items-center gap-2">
            <span className="sr-only">BitLocker key of drive {serial}:</span>
            <code className="rounded border border-amber-400 bg-amber-50 px-2 py-1 font-mono text-sm whitespace-nowrap text-slate-950 select-all">
              {key}
            </code>
            <button
              type="button"
              onClick={() => setHidden(true)}
              className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100"
            >
              Hide<span className="sr-only"> the key of drive {serial}</span>
            </button>
          </div>
        )}
        {state && !state.ok && <p className="w-56 text-sm text-red-800">{state.error}</p>}
      </div>
    </div>
  );
}
