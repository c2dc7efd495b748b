"use client";

import { useActionState, useEffect, useRef } from "react";
import { createUserAction } from "@/app/(console)/admin/users/actions";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { ROLES, ROLE_LABELS } from "@/lib/permissions.ts";
import type { ActionState } from "@/lib/action-state.ts";

export function NewUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={form}
      action={action}
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
        <div className="flex flex-col gap-1">
          <label htmlFor="new-user-role" className="text-sm font-semibold text-slate-800">
            Role
          </label>
          <select
            id="new-user-role"
            name="role"
            defaultValue="operator"
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
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
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? "Adding…" : "Add user"}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
