"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { recordOutcomeAction } from "@/app/(console)/incidents/actions";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";
import {
  INCIDENT_OUTCOMES,
  OUTCOME_LABELS,
  type IncidentOutcome,
} from "@/lib/validation/incidents.ts";
import { TextAreaField, ContactChannelChoice } from "@/components/ui/text-area-field";
import type { AddressDraft } from "@/lib/server/incidents/queries.ts";
import { ReturnAddressFields } from "./return-address-fields";

type Props = {
  incidentId: string;
  label: string;
  canExtend: boolean;
  hasJob: boolean;
  /** R-E4: the address on record when the domain lets the corrected one be recorded now. */
  addressOnRecord: AddressDraft | null;
};

const INPUT = "rounded-md border border-slate-400 bg-white px-3 py-2";
const LABEL = "text-sm font-semibold text-slate-800";

/** Record one step on an incident; the fields follow the chosen outcome. */
export function OutcomeForm({ incidentId, label, canExtend, hasJob, addressOnRecord }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(recordOutcomeAction, null);
  const [outcome, setOutcome] = useState<IncidentOutcome>("contacted");
  const select = useRef<HTMLSelectElement>(null);
  // A form action resets the form when it returns, the outcome picker included, while the fields
  // shown still follow the chosen outcome: put the picker back so the two never disagree.
  useEffect(() => {
    if (select.current && select.current.value !== outcome) select.current.value = outcome;
  }, [state, outcome]);
  const fid = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const offered = INCIDENT_OUTCOMES.filter(
    (o) =>
      (o !== "extended" || canExtend) &&
      (o !== "jobCancelled" || hasJob) &&
      (o !== "addressCorrected" || addressOnRecord !== null),
  );
  return (
    <form action={action} aria-label={`Record an outcome for ${label}`} className="space-y-2">
      <input type="hidden" name="incidentId" value={incidentId} />
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${fid}-outcome`} className={LABEL}>
            Outcome
          </label>
          <select
            ref={select}
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
        {outcome === "extended" && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${fid}-until`} className={LABEL}>
              Wait until
            </label>
            <input
              id={`${fid}-until`}
              type="date"
              name="extendUntil"
              required
              aria-invalid={Boolean(errors?.extendUntil) || undefined}
              className={INPUT}
            />
          </div>
        )}
        {outcome === "drivesDestroyed" && (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${fid}-method`} className={LABEL}>
                Destruction method
              </label>
              <input
                id={`${fid}-method`}
                name="method"
                required
                minLength={3}
                maxLength={200}
                aria-invalid={Boolean(errors?.method) || undefined}
                className={INPUT}
              />
            </div>
            <TextAreaField label="Drive serials" name="serials" errors={errors?.serials} mono />
          </>
        )}
        {outcome === "addressCorrected" && addressOnRecord && (
          <ReturnAddressFields onRecord={addressOnRecord} errors={errors} />
        )}
      </div>
      <TextAreaField label="Note" name="note" errors={errors?.note} />
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          Record outcome<span className="sr-only"> for {label}</span>
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
