"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import {
  openReturnAddressIncidentAction,
  openReturnedDrivesIncidentAction,
} from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionState } from "@/lib/action-state.ts";
import type { JobOption } from "@/lib/server/incidents/queries.ts";

/** The incidents a supervisor opens by hand, each with its own words (R-E3, R-E4). */
const KINDS = {
  "R-E3": {
    action: openReturnedDrivesIncidentAction,
    none: "No Completed or Closed export job without an open R-E3 incident.",
    explain:
      "Returned drives of an export job never reached the return address, or arrived damaged.",
    jobLabel: "Export job",
    summaryLabel: "What happened",
  },
  "R-E4": {
    action: openReturnAddressIncidentAction,
    none: "No Transferring or Packaging job without an open R-E4 incident.",
    explain:
      "The return address of a job in Transferring or Packaging is wrong or missing. Its drives are destroyed securely in 90 days if the contact person cannot be reached.",
    jobLabel: "Job (Transferring or Packaging)",
    summaryLabel: "What is wrong with the address",
  },
} as const;

/**
 * Open an incident by hand on one of the jobs the domain allows now (the list is the server's,
 * kept fresh by the page's poll). The select stays uncontrolled: a refresh adds or removes
 * options without changing the one picked, unless that job is no longer offered.
 */
export function OpenIncidentForm({ rule, jobs }: { rule: keyof typeof KINDS; jobs: JobOption[] }) {
  const kind = KINDS[rule];
  const [state, action, pending] = useActionState<ActionState, FormData>(kind.action, null);
  const fid = useId();
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <section aria-labelledby={`${fid}-heading`} className="space-y-2">
      <h2 id={`${fid}-heading`} className="text-xl font-semibold">
        Open an {rule} incident
      </h2>
      {jobs.length === 0 ? (
        <>
          <p className="text-slate-700">{kind.none}</p>
          <FormStatus state={state} />
        </>
      ) : (
        <form
          ref={form}
          action={action}
          aria-label={`Open an ${rule} incident`}
          className="space-y-2 rounded-lg border border-slate-300 bg-white p-4"
        >
          <p className="text-sm text-slate-700">{kind.explain}</p>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${fid}-job`} className="text-sm font-semibold text-slate-800">
              {kind.jobLabel}
            </label>
            <select
              id={`${fid}-job`}
              name="jobId"
              className="rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.type}, {j.state})
                </option>
              ))}
            </select>
          </div>
          <TextAreaField label={kind.summaryLabel} name="summary" errors={errors?.summary} />
          <div className="flex items-center gap-4">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md border border-slate-500 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
            >
              Open incident<span className="sr-only"> {rule}</span>
            </button>
            <FormStatus state={state} />
          </div>
        </form>
      )}
    </section>
  );
}
