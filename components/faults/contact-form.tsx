"use client";

import { useActionState, useEffect, useRef } from "react";
import { recordContactAction } from "@/app/(console)/faults/actions";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";
import { TextAreaField, ContactChannelChoice } from "@/components/ui/text-area-field";

type Props = { jobId: string; driveId: string | null; label: string };

/** R-F2: record one attempt to reach the customer: email or phone, and what came of it. */
export function ContactForm({ jobId, driveId, label }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(recordContactAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      action={action}
      aria-label={`Record a contact about ${label}`}
      className="space-y-2"
    >
      <input type="hidden" name="jobId" value={jobId} />
      {driveId && <input type="hidden" name="driveId" value={driveId} />}
      <ContactChannelChoice className="flex gap-4" />
      <TextAreaField label="Outcome" name="outcome" />
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-500 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
        >
          Record contact<span className="sr-only"> about {label}</span>
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
