"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import {
  changeUserRole,
  createUser,
  resetUserPassword,
  setUserDisabled,
} from "@/lib/server/users/commands.ts";
import {
  changeRoleSchema,
  newUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
} from "@/lib/validation/users.ts";

const USERS_PAGE = "/admin/users";

export const createUserAction = protectedAction(
  "users:manage",
  newUserSchema,
  async (input, { user, now }) => {
    const result = await createUser(db, user.actor, input, now);
    if (result.ok) revalidatePath(USERS_PAGE);
    return fromCommand(result, () => `${input.name} can now sign in as ${input.email}.`);
  },
);

export const changeRoleAction = protectedAction(
  "users:manage",
  changeRoleSchema,
  async (input, { user, now }) => {
    const result = await changeUserRole(db, user.actor, input.userId, input.role, now);
    if (result.ok) revalidatePath(USERS_PAGE);
    return fromCommand(result, (u) => `${u.email} is now ${input.role}.`);
  },
);

export const setDisabledAction = protectedAction(
  "users:manage",
  setDisabledSchema,
  async (input, { user, now }) => {
    const result = await setUserDisabled(db, user.actor, input.userId, input.disabled, now);
    if (result.ok) revalidatePath(USERS_PAGE);
    return fromCommand(result, (u) =>
      input.disabled ? `${u.email} is disabled and signed out.` : `${u.email} can sign in again.`,
    );
  },
);

export const resetPasswordAction = protectedAction(
  "users:manage",
  resetPasswordSchema,
  async (input, { user, now }) => {
    const result = await resetUserPassword(db, user.actor, input.userId, input.password, now);
    return fromCommand(
      result,
      (u) => `New password set for ${u.email}; their sessions have ended.`,
    );
  },
);
