"use client";

import { useActionState, useEffect, useId, useRef, useTransition } from "react";
import type { FormEvent } from "react";
import { createCustomerAction } from "@/app/(console)/admin/api-keys/actions";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";

/** Add a customer, so that its jobs and API keys have someone to belong to. */
export function CustomerForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(
    createCustomerAction,
    null,
  );
  const [, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  // By hand, so that a refused name does not wipe the contact fields (see ApiKeyIssueForm).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      await action(data);
    });
  }

  return (
    <form
      ref={form}
      action={action}
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
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? "Adding…" : "Add customer"}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
