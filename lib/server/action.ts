import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/permissions.ts";
import { authorize } from "@/lib/server/authorize.ts";
import type { CurrentUser } from "@/lib/server/auth/current-user.ts";
import type { CommandResult } from "@/lib/server/command.ts";

import type { ActionState } from "@/lib/action-state.ts";

export type { ActionState };

export type ActionContext = { user: CurrentUser; now: Date };

/**
 * A server action is a public POST endpoint. This wrapper makes each one authorize first (a live
 * session whose role has the permission, re-read from the database), then validate its input with
 * zod, then run; refusals and invalid input return a message and change nothing.
 */
export function protectedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const auth = await authorize(permission);
    if (!auth.ok) return { ok: false, error: auth.message };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, error: "Check the fields marked below.", fieldErrors };
    }
    return run(parsed.data, { user: auth.user, now: new Date() });
  };
}

/** A command's refusal as the form shows it: the message only, never internals. */
export function fromCommand<T>(
  result: CommandResult<T>,
  success: (value: T) => string,
): ActionState {
  return result.ok
    ? { ok: true, message: success(result.value) }
    : { ok: false, error: result.error.message };
}
