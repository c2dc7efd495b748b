"use client";

import { useId, useRef, useState } from "react";
import { recordOutcomeAction } from "@/app/(console)/incidents/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import {
  INCIDENT_OUTCOMES,
  OUTCOME_LABELS,
  resolvesIncident,
  type IncidentOutcome,
} from "@/lib/validation/incidents.ts";
import { ContactChannelChoice } from "@/components/ui/contact-channel-choice";
import { Field, NOTE } from "@/components/ui/field";
import type { AddressDraft } from "@/lib/views/queues.ts";
import { ReturnAddressFields } from "./return-address-fields";
import { ContactResultChoice } from "@/components/faults/contact-result-choice";
import type { DriveDisposal } from "@/lib/domain/index.ts";
import { Button } from "@/components/ui/button";

type Props = {
  incidentId: string;
  label: string;
  canExtend: boolean;
  hasJob: boolean;
  /** R-E1, R-E4: the drive outcomes this incident's kind can take. */
  disposals: readonly DriveDisposal[];
  /** R-E1: a failed return may be recorded now. */
  canRecordReturnFailed: boolean;
  /** R-E4: the address on record when the domain lets the corrected one be recorded now. */
  addressOnRecord: AddressDraft | null;
  /** R-E2: the current answer deadline (ISO), which an extended wait must go past. */
  answerBy: string | null;
  /** Said by the list when the incident is resolved: this form leaves the page with its card. */
  onResolved: (message: string) => void;
};

const INPUT =
  "rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";
const LABEL = "text-sm font-semibold text-slate-800";

/** The first day an extended wait may end on: the day after the current deadline's (UTC). */
function dayAfter(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** Record one step on an incident; the fields follow the chosen outcome. */
export function OutcomeForm({
  incidentId,
  label,
  canExtend,
  hasJob,
  disposals,
  canRecordReturnFailed,
  addressOnRecord,
  answerBy,
  onResolved,
}: Props) {
  const [outcome, setOutcome] = useState<IncidentOutcome>("contacted");
  const sent = useRef<IncidentOutcome>(outcome);
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    recordOutcomeAction,
    {
      onSuccess: (answer) => {
        if (resolvesIncident(sent.current)) {
          onResolved(`${label}: ${answer.message}`);
          return true;
        }
        setOutcome("contacted");
      },
    },
  );
  const fid = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const offered = INCIDENT_OUTCOMES.filter(
    (o) =>
      (o !== "extended" || canExtend) &&
      (o !== "jobCancelled" || hasJob) &&
      ((o !== "drivesReturned" && o !== "drivesDestroyed") || disposals.includes(o)) &&
      (o !== "returnFailed" || canRecordReturnFailed) &&
      (o !== "addressCorrected" || addressOnRecord !== null),
  );
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={(event) => {
        if (!pending) sent.current = outcome;
        onSubmit(event);
      }}
      aria-label={`Record an outcome for ${label}`}
      className="space-y-2"
    >
      <input type="hidden" name="incidentId" value={incidentId} />
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${fid}-outcome`} className={LABEL}>
            Outcome
          </label>
          <select
            id={`${fid}-outcome`}
            name="outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as IncidentOutcome)}
            className={INPUT}
          >
            {offered.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
        {outcome === "contacted" && <ContactChannelChoice className="flex items-end gap-4" />}
        {outcome === "contacted" && <ContactResultChoice errors={errors} />}
        {outcome === "extended" && (
          <Field
            label="Wait until"
            type="date"
            name="extendUntil"
            required
            min={answerBy ? dayAfter(answerBy) : undefined}
            errors={errors?.extendUntil}
            hint={
              answerBy
                ? `A day after the current deadline (${answerBy.slice(0, 10)}); the wait lasts to the end of that day (UTC).`
                : "The wait lasts to the end of that day (UTC)."
            }
          />
        )}
        {outcome === "drivesDestroyed" && (
          <>
            <Field
              label="Destruction method"
              name="method"
              required
              minLength={3}
              maxLength={200}
              errors={errors?.method}
            />
            <Field {...NOTE} label="Drive serials" name="serials" errors={errors?.serials} mono />
          </>
        )}
        {outcome === "addressCorrected" && addressOnRecord && (
          <ReturnAddressFields onRecord={addressOnRecord} errors={errors} />
        )}
      </div>
      <Field {...NOTE} label="Note" name="note" errors={errors?.note} />
      <div className="flex items-center gap-4">
        <Button type="submit" pending={pending}>
          Record outcome<span className="sr-only"> for {label}</span>
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
