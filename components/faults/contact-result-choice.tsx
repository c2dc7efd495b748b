"use client";

import { useId, useState } from "react";
import { CONTACT_RESULT_LABELS, CONTACT_RESULTS, type ContactResult } from "@/lib/domain/index.ts";

const INPUT =
  "rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

/**
 * What came of a contact attempt (R-F2, R-E2): one of four results, chosen, never guessed from the
 * note. "Asked us to wait" asks for the day; the wait lasts to the end of that day (UTC).
 */
export function ContactResultChoice({
  errors,
}: {
  errors?: { result?: string[]; waitUntil?: string[] };
}) {
  const [result, setResult] = useState<ContactResult | null>(null);
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-2">
      <fieldset aria-describedby={`${id}-result-error`} className="space-y-1">
        <legend className="text-sm font-semibold text-slate-800">What came of it</legend>
        {CONTACT_RESULTS.map((r) => (
          <label key={r} className="flex items-center gap-2">
            <input
              type="radio"
              name="result"
              value={r}
              required
              checked={result === r}
              onChange={() => setResult(r)}
            />
            {CONTACT_RESULT_LABELS[r]}
          </label>
        ))}
        <p id={`${id}-result-error`} aria-live="polite" className="text-sm text-red-800">
          {errors?.result?.join(" ")}
        </p>
      </fieldset>
      {result === "askedToWait" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-wait`} className="text-sm font-semibold text-slate-800">
            Wait until
          </label>
          <input
            id={`${id}-wait`}
            type="date"
            name="waitUntil"
            required
            min={today}
            aria-invalid={Boolean(errors?.waitUntil) || undefined}
            aria-describedby={`${id}-wait-hint ${id}-wait-error`}
            className={INPUT}
          />
          <p id={`${id}-wait-hint`} className="text-xs text-slate-700">
            No deadline of this job acts before the end of that day (UTC).
          </p>
          <p id={`${id}-wait-error`} aria-live="polite" className="text-sm text-red-800">
            {errors?.waitUntil?.join(" ")}
          </p>
        </div>
      )}
    </div>
  );
}
