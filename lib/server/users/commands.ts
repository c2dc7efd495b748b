import "server-only";
import type { Role } from "@/lib/permissions.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { hashPassword } from "@/lib/server/passwords.ts";

/** Every live session of the user ends now (the JWTs stop working at their next request). */
function endSessionsOf(tx: Tx, userId: string, now: Date) {
  return tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

export type NewUser = { email: string; name: string; role: Role; password: string };

/** Create a user with a hashed password; the email is the login and must be new. */
export async function createUser(
  database: Db,
  actor: ActorRef,
  input: NewUser,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return runCommand(database, async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) {
      return fail("invalid", `A user with the email ${email} already exists.`);
    }
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        createdAt: now,
        sessionsValidFrom: now,
      },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "user.created",
      toState: input.role,
      data: { userId: user.id, email },
    });
    return done({ id: user.id });
  });
}

/** Someone must always be able to manage users: the last enabled admin cannot be demoted or disabled. */
async function wouldLeaveNoAdmin(tx: Tx, userId: string): Promise<boolean> {
  const admins = await tx.user.findMany({
    where: { role: "admin", disabled: false },
    select: { id: true },
  });
  return admins.length === 1 && admins[0]!.id === userId;
}

async function loadUser(tx: Tx, userId: string) {
  return tx.user.findUnique({ where: { id: userId } });
}

export function changeUserRole(
  database: Db,
  actor: ActorRef,
  userId: string,
  role: Role,
  now: Date,
): Promise<CommandResult<{ email: string }>> {
  return runCommand(database, async (tx) => {
    const user = await loadUser(tx, userId);
    if (!user) return fail("not_found", "There is no such user.");
    if (user.role === role) return fail("already_done", `${user.name} is already ${role}.`);
    if (user.role === "admin" && (await wouldLeaveNoAdmin(tx, user.id))) {
      return fail("refused", "This is the last enabled admin: make another admin first.");
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "user.role",
      fromState: user.role,
      toState: role,
      data: { userId: user.id, email: user.email },
    });
    return done({ email: user.email });
  });
}

/** Disabling ends the user's sessions at once (their next request is refused); enabling lets them sign in again. */
export function setUserDisabled(
  database: Db,
  actor: ActorRef,
  userId: string,
  disabled: boolean,
  now: Date,
): Promise<CommandResult<{ email: string }>> {
  return runCommand(database, async (tx) => {
    const user = await loadUser(tx, userId);
    if (!user) return fail("not_found", "There is no such user.");
    if (user.disabled === disabled)
      return fail("already_done", `${user.name} is already ${disabled ? "disabled" : "enabled"}.`);
    if (disabled && "id" in actor && actor.id === user.id)
      return fail("refused", "You cannot disable your own account.");
    if (disabled && user.role === "admin" && (await wouldLeaveNoAdmin(tx, user.id))) {
      return fail("refused", "This is the last enabled admin: make another admin first.");
    }
    await tx.user.update({
      where: { id: user.id },
      data: { disabled, ...(disabled ? { sessionsValidFrom: now } : {}) },
    });
    if (disabled) await endSessionsOf(tx, user.id, now);
    await appendEvent(tx, {
      actor,
      at: now,
      kind: disabled ? "user.disabled" : "user.enabled",
      data: { userId: user.id, email: user.email },
    });
    return done({ email: user.email });
  });
}

/** A new password ends every session of the user. */
export async function resetUserPassword(
  database: Db,
  actor: ActorRef,
  userId: string,
  password: string,
  now: Date,
): Promise<CommandResult<{ email: string }>> {
  const passwordHash = await hashPassword(password);
  return runCommand(database, async (tx) => {
    const user = await loadUser(tx, userId);
    if (!user) return fail("not_found", "There is no such user.");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionsValidFrom: now },
    });
    await endSessionsOf(tx, user.id, now);
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "user.password_reset",
      data: { userId: user.id, email: user.email },
    });
    return done({ email: user.email });
  });
}
