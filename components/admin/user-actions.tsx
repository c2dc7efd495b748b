"use client";

import { useId, type Ref } from "react";
import {
  changeRoleAction,
  resetPasswordAction,
  setDisabledAction,
} from "@/app/(console)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormSubmission } from "@/components/ui/form-submission";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions.ts";
import type { ActionState } from "@/lib/action-state.ts";

type Props = { user: { id: string; name: string; role: Role; disabled: boolean } };

/**
 * Change role, disable or enable, reset password: one small form each, each with its own outcome.
 * Each is submitted by hand (useFormSubmission): a refused change keeps what was picked or typed,
 * the buttons keep the keyboard focus while a change is on its way, and the answer takes it.
 */
export function UserActions({ user }: Props) {
  // The role and disable forms are not reset: their fields follow the user, re-read by the page.
  const {
    state: roleState,
    pending: rolePending,
    dispatch: roleAction,
    onSubmit: onRoleSubmit,
    form: roleForm,
    result: roleResult,
  } = useFormSubmission(changeRoleAction, { reset: false });
  const {
    state: disableState,
    pending: disablePending,
    dispatch: disableAction,
    onSubmit: onDisableSubmit,
    form: disableForm,
    result: disableResult,
  } = useFormSubmission(setDisabledAction, { reset: false });
  const {
    state: resetState,
    pending: resetPending,
    dispatch: resetAction,
    onSubmit: onResetSubmit,
    form: resetForm,
    result: resetResult,
  } = useFormSubmission(resetPasswordAction);
  const id = useId();
  const passwordErrors = resetState && !resetState.ok ? resetState.fieldErrors?.password : null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <form
          ref={roleForm}
          action={roleAction}
          onSubmit={onRoleSubmit}
          className="flex items-center gap-2"
        >
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`${id}-role`} className="sr-only">
            Role of {user.name}
          </label>
          <select
            id={`${id}-role`}
            name="role"
            defaultValue={user.role}
            className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" size="sm" pending={rolePending}>
            Save role<span className="sr-only"> of {user.name}</span>
          </Button>
        </form>
        <form ref={disableForm} action={disableAction} onSubmit={onDisableSubmit}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <Button
            type="submit"
            variant={user.disabled ? "secondary" : "danger-outline"}
            size="sm"
            pending={disablePending}
          >
            {user.disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {user.name}</span>
          </Button>
        </form>
        <form
          ref={resetForm}
          action={resetAction}
          onSubmit={onResetSubmit}
          className="flex items-center gap-2"
        >
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`${id}-password`} className="sr-only">
            New password for {user.name}
          </label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            placeholder="New password"
            aria-invalid={Boolean(passwordErrors) || undefined}
            aria-describedby={passwordErrors ? `${id}-reset-result` : undefined}
            className="w-36 rounded border border-slate-400 px-2 py-1 text-sm aria-[invalid=true]:border-red-700"
          />
          <Button type="submit" variant="secondary" size="sm" pending={resetPending}>
            Reset password<span className="sr-only"> of {user.name}</span>
          </Button>
        </form>
      </div>
      <Outcome ref={roleResult} state={roleState} />
      <Outcome ref={disableResult} state={disableState} />
      <Outcome ref={resetResult} state={resetState} id={`${id}-reset-result`} />
    </div>
  );
}

/**
 * One form's answer, where focus lands once it is in. Takes no room until there is one: a table
 * row holds three of these.
 */
function Outcome({
  state,
  ref,
  id,
}: {
  state: ActionState;
  ref: Ref<HTMLDivElement>;
  id?: string;
}) {
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      className="rounded-sm empty:hidden focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
    >
      {state && <FormStatus state={state} />}
    </div>
  );
}
