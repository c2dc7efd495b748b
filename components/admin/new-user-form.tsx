"use client";

import { createUserAction } from "@/app/(console)/admin/users/actions";
import { Field } from "@/components/ui/field";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { ROLES, ROLE_LABELS } from "@/lib/permissions.ts";
import { Button } from "@/components/ui/button";

export function NewUserForm() {
  // Submitted by hand (useFormSubmission): a refused email keeps the name, role and password typed
  // in this browser (the server never sends them back); the form is cleared once the user exists.
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(createUserAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-labelledby="new-user-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="new-user-heading" className="text-lg font-semibold">
        Add a user
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="name" autoComplete="off" required errors={errors?.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          errors={errors?.email}
        />
        <Field as="select" label="Role" name="role" defaultValue="operator" errors={errors?.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Field>
        <Field
          label="First password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint="At least 12 characters. Give it to the person in person."
          errors={errors?.password}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending} pendingLabel="Adding…">
          Add user
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
