import "server-only";
import type { Role } from "@/lib/permissions.ts";
import { addressWindowStart, afterFailedSignIn, decideSignInAttempt } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { appendEvent, done, fail, type CommandResult } from "@/lib/server/command.ts";
import { verifyPassword } from "@/lib/server/passwords.ts";

export type SignedInUser = { id: string; email: string; name: string; role: Role };

const WRONG = "The email or password is wrong.";
// Compared against when the email is unknown, so that a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO3lHp8hUhvPq2e0m8W6dL0m9W5rYl7xS";

/**
 * Check an email and password, with throttling per account and per address; every attempt,
 * good or bad, is recorded as an event. The answer never says whether an email exists.
 */
export async function signInWithPassword(
  database: Db,
  credentials: { email: string; password: string },
  address: string,
  now: Date,
): Promise<CommandResult<SignedInUser>> {
  const email = credentials.email.trim().toLowerCase();
  const user = await database.user.findUnique({ where: { email } });
  const recent = await database.event.findMany({
    where: {
      kind: "user.signin.failed",
      at: { gte: addressWindowStart(now) },
      data: { path: ["address"], equals: address },
    },
    select: { at: true },
    orderBy: { at: "asc" },
  });
  const record = (kind: string, reason: string | null) =>
    database.$transaction((tx) =>
      appendEvent(tx, {
        actor: user
          ? { type: "user", id: user.id, label: user.name, role: user.role }
          : { type: "system", label: email },
        at: now,
        kind,
        reason,
        data: { email, address },
      }),
    );

  const attempt = decideSignInAttempt(
    user,
    { failures: recent.length, oldestFailureAt: recent[0]?.at ?? null },
    now,
  );
  if (!attempt.ok) {
    await record("user.signin.refused", attempt.refusal.message);
    return fail("forbidden", attempt.refusal.message);
  }
  const passwordOk = await verifyPassword(credentials.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk) {
    if (user)
      await database.user.update({ where: { id: user.id }, data: afterFailedSignIn(user, now) });
    await record("user.signin.failed", "wrong email or password");
    return fail("invalid", WRONG);
  }
  if (user.disabled) {
    await record("user.signin.failed", "account disabled");
    return fail("forbidden", "This account is disabled. Ask an administrator to enable it.");
  }
  await database.user.update({
    where: { id: user.id },
    data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
  });
  await record("user.signin.succeeded", null);
  return done({ id: user.id, email: user.email, name: user.name, role: user.role });
}
