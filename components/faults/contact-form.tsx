"use client";

import { recordContactAction } from "@/app/(console)/faults/actions";
import { ContactChannelChoice } from "@/components/ui/contact-channel-choice";
import { Field, NOTE } from "@/components/ui/field";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { ContactResultChoice } from "./contact-result-choice";
import { Button } from "@/components/ui/button";

type Props = { jobId: string; driveId: string | null; label: string };

/** R-F2: record one attempt to reach the customer: email or phone, what came of it, and a note. */
export function ContactForm({ jobId, driveId, label }: Props) {
  const { state, pending, dispatch, onSubmit, form, result } =
    useFormSubmission(recordContactAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={`Record a contact about ${label}`}
      className="space-y-2"
    >
      <input type="hidden" name="jobId" value={jobId} />
      {driveId && <input type="hidden" name="driveId" value={driveId} />}
      <ContactChannelChoice className="flex gap-4" />
      <ContactResultChoice errors={errors} />
      <Field {...NOTE} label="Note" name="outcome" errors={errors?.outcome} />
      <div className="flex items-center gap-4">
        <Button type="submit" variant="secondary" pending={pending}>
          Record contact<span className="sr-only"> about {label}</span>
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
