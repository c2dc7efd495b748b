"use client";

import { useId, useState } from "react";
import {
  openReturnAddressIncidentAction,
  openReturnedDrivesIncidentAction,
} from "@/app/(console)/incidents/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Field, NOTE } from "@/components/ui/field";
import type { JobOptionView as JobOption } from "@/lib/views/queues.ts";
import { Button } from "@/components/ui/button";

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

const NO_LONGER_OFFERED = "That job is no longer offered: someone else opened this incident.";

/**
 * Open an incident by hand on one of the jobs the domain allows now (the list is the server's,
 * kept fresh by the page's poll). Nothing is picked at first. When a refresh drops the job picked
 * (another supervisor opened the incident), the choice is cleared and the form says so, rather
 * than the browser quietly picking the first job left.
 */
export function OpenIncidentForm({ rule, jobs }: { rule: keyof typeof KINDS; jobs: JobOption[] }) {
  const kind = KINDS[rule];
  const [picked, setPicked] = useState("");
  const [notice, setNotice] = useState("");
  const [sent, setSent] = useState("");
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(kind.action, {
    onSuccess: () => setPicked(""),
  });
  const fid = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  // Adjusted while rendering, so the select never shows a job that is gone. Our own incident
  // taking the job off the list is no news.
  if (picked !== "" && !pending && !jobs.some((j) => j.id === picked)) {
    setPicked("");
    setNotice(state?.ok && sent === picked ? "" : NO_LONGER_OFFERED);
  }

  return (
    <section aria-labelledby={`${fid}-heading`} className="space-y-2">
      <h2 id={`${fid}-heading`} className="text-xl font-semibold">
        Open an {rule} incident
      </h2>
      {jobs.length === 0 ? (
        <>
          <p className="text-slate-700">{kind.none}</p>
          {notice && <p className="text-sm text-red-800">{notice}</p>}
        </>
      ) : (
        <form
          ref={form}
          action={dispatch}
          onSubmit={(event) => {
            setSent(picked);
            onSubmit(event);
          }}
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
              required
              value={picked}
              onChange={(e) => {
                setPicked(e.target.value);
                setNotice("");
              }}
              aria-invalid={Boolean(errors?.jobId || notice) || undefined}
              aria-describedby={`${fid}-job-note`}
              className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
            >
              <option value="">Pick a job</option>
              {jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.type}, {j.state})
                </option>
              ))}
            </select>
            <p id={`${fid}-job-note`} aria-live="polite" className="text-sm text-red-800">
              {notice || errors?.jobId?.join(" ")}
            </p>
          </div>
          <Field {...NOTE} label={kind.summaryLabel} name="summary" errors={errors?.summary} />
          <Button type="submit" variant="secondary" pending={pending}>
            Open incident<span className="sr-only"> {rule}</span>
          </Button>
        </form>
      )}
      {/* Outside the form: after the last job is taken the form goes, and the answer stays. */}
      <FormResult ref={result} state={state} />
    </section>
  );
}
