"use client";

import { useId } from "react";
import { createCustomerAction } from "@/app/(console)/admin/api-keys/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Add a customer, so that its jobs and API keys have someone to belong to. */
export function CustomerForm() {
  // Submitted by hand: a refused name keeps the contact fields (see useFormSubmission).
  const { state, pending, dispatch, onSubmit, form, result } =
    useFormSubmission(createCustomerAction);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${id}-title`} className="text-base font-semibold">
        Add a customer
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`${id}-name`}
          label="Customer name"
          name="name"
          autoComplete="off"
          required
          maxLength={100}
          errors={errors?.name}
        />
        <Field
          id={`${id}-contact-name`}
          label="Contact name"
          name="contactName"
          autoComplete="off"
          required
          maxLength={100}
          errors={errors?.contactName}
        />
        <Field
          id={`${id}-contact-email`}
          label="Contact email"
          name="contactEmail"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          errors={errors?.contactEmail}
        />
        <Field
          id={`${id}-contact-phone`}
          label="Contact phone (optional)"
          name="contactPhone"
          type="tel"
          autoComplete="off"
          maxLength={40}
          errors={errors?.contactPhone}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending} pendingLabel="Adding…">
          Add customer
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
