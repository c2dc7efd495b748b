import "server-only";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { hashPassword } from "@/lib/server/passwords.ts";

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
      data: { email, name: input.name.trim(), role: input.role, passwordHash, createdAt: now },
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
