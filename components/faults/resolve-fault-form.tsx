"use client";

import { useActionState, useId } from "react";
import { resolveDriveFaultAction, resolveJobFaultAction } from "@/app/(console)/faults/actions";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField } from "@/components/ui/text-area-field";

type Props = { kind: "job" | "drive"; id: string; label: string; targets: readonly string[] };

/** R-F3: return a faulted job or drive to one of the states the domain offers now, with a note. */
export function ResolveFaultForm({ kind, id, label, targets }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    kind === "job" ? resolveJobFaultAction : resolveDriveFaultAction,
    null,
  );
  const fid = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (targets.length === 0) {
    return <p className="text-sm text-slate-700">No state to return to yet for {label}.</p>;
  }
  return (
    <form action={action} aria-label={`Resolve ${label}`} className="space-y-2">
      <input type="hidden" name={kind === "job" ? "jobId" : "driveId"} value={id} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${fid}-to`} className="text-sm font-semibold text-slate-800">
          Return to
        </label>
        <select
          id={`${fid}-to`}
          name="to"
          defaultValue={targets[0]}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          {targets.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <TextAreaField label="Resolution note" name="note" errors={errors?.note} />
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          Resolve<span className="sr-only"> {label}</span>
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
