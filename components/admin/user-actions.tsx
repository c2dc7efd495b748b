"use client";

import { useActionState, useId } from "react";
import {
  changeRoleAction,
  resetPasswordAction,
  setDisabledAction,
} from "@/app/(console)/admin/users/actions";
import { FormStatus } from "@/components/ui/form-status";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions.ts";
import type { ActionState } from "@/lib/action-state.ts";

type Props = { user: { id: string; name: string; role: Role; disabled: boolean } };

/** Change role, disable or enable, reset password: one small form each, each with its own outcome. */
export function UserActions({ user }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState, FormData>(
    changeRoleAction,
    null,
  );
  const [disableState, disableAction, disablePending] = useActionState<ActionState, FormData>(
    setDisabledAction,
    null,
  );
  const [resetState, resetAction, resetPending] = useActionState<ActionState, FormData>(
    resetPasswordAction,
    null,
  );
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
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
          <button
            type="submit"
            disabled={rolePending}
            className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
          >
            Save role<span className="sr-only"> of {user.name}</span>
          </button>
        </form>
        <form action={disableAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <button
            type="submit"
            disabled={disablePending}
            className={`rounded px-2 py-1 text-sm font-semibold ${user.disabled ? "border border-emerald-700 text-emerald-800" : "border border-red-700 text-red-800"}`}
          >
            {user.disabled ? "Enable" : "Disable"}
            <span className="sr-only"> {user.name}</span>
          </button>
        </form>
        <form action={resetAction} className="flex items-center gap-2">
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
            className="w-36 rounded border border-slate-400 px-2 py-1 text-sm"
          />
          <button
            type="submit"
            disabled={resetPending}
            className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
          >
            Reset password<span className="sr-only"> of {user.name}</span>
          </button>
        </form>
      </div>
      {[roleState, disableState, resetState].map((state, i) =>
        state ? <FormStatus key={i} state={state} /> : null,
      )}
    </div>
  );
}
