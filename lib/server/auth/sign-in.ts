import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/permissions.ts";
import {
  KNOWN_ADDRESS_DAYS,
  SIGN_IN_SCOPES,
  decideSignInAttempt,
  needsKnownAddress,
  signInWindowStart,
  type SignInCounts,
  type SignInScope,
} from "@/lib/domain/sign-in-throttle.ts";
import type { Db } from "@/lib/server/db.ts";
import { appendEvent, done, fail, type CommandResult } from "@/lib/server/command.ts";
import { hashPassword, verifyPassword } from "@/lib/server/passwords.ts";
import type { SignInErrorCode } from "@/lib/auth/sign-in-errors.ts";

export type SignedInUser = { id: string; email: string; name: string; role: Role };
export type SignInResult = CommandResult<SignedInUser> & { code?: SignInErrorCode };

const DAY = 86_400_000;
const KEEP_ATTEMPTS_MS = DAY;

// Compared against when the email is unknown, so that a wrong email costs what a wrong password
// costs: a real bcrypt hash of this server's cost, made once per process.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

type Attempt = { email: string; address: string };

/** Failures (and attempts still being checked) in each scope's window, other than this one. */
async function countFailures(
  database: Db,
  attempt: Attempt,
  ownId: bigint,
  now: Date,
): Promise<SignInCounts> {
  const where: Record<SignInScope, object> = {
    accountAtAddress: { email: attempt.email, address: attempt.address },
    address: { address: attempt.address },
    account: { email: attempt.email },
    everyone: {},
  };
  // One after the other: the embedded database serves one statement at a time anyway.
  const counted: { _count: { _all: number }; _min: { at: Date | null } }[] = [];
  for (const scope of SIGN_IN_SCOPES) {
    counted.push(
      await database.signInAttempt.aggregate({
        where: {
          ...where[scope],
          id: { not: ownId },
          outcome: { in: ["pending", "failed"] },
          at: { gte: signInWindowStart(scope, now), lte: now },
        },
        _count: { _all: true },
        _min: { at: true },
      }),
    );
  }
  return Object.fromEntries(
    SIGN_IN_SCOPES.map((scope, i) => [
      scope,
      { failures: counted[i]!._count._all, oldestAt: counted[i]!._min.at },
    ]),
  ) as SignInCounts;
}

/** Attempts outlive every window by a day; successes are kept while they make an address known. */
function forgetOldAttempts(database: Db, now: Date) {
  return database.signInAttempt.deleteMany({
    where: {
      OR: [
        { at: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) }, outcome: { not: "succeeded" } },
        { at: { lt: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * DAY) } },
      ],
    },
  });
}

/** Has someone signed in to this email from this address lately? (The same query either way.) */
async function isKnownAddress(database: Db, attempt: Attempt, now: Date): Promise<boolean> {
  const seen = await database.signInAttempt.count({
    where: {
      email: attempt.email,
      address: attempt.address,
      outcome: "succeeded",
      at: { gte: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * DAY) },
    },
  });
  return seen > 0;
}

/**
 * Check an email and password, with throttling (lib/domain/sign-in-throttle.ts); every attempt,
 * good or bad, is recorded as an event. Neither the answer nor its timing says whether an email
 * exists: limits count emails as typed, refused attempts never touch the account, and an unknown
 * email is checked against a dummy hash of the same cost.
 */
export async function signInWithPassword(
  database: Db,
  credentials: { email: string; password: string },
  address: string,
  now: Date,
): Promise<SignInResult> {
  const attempt = { email: credentials.email.trim().toLowerCase(), address };
  // Written first, so that attempts racing each other each see the others (insert, then count).
  const own = await database.signInAttempt.create({
    data: { at: now, ...attempt },
    select: { id: true },
  });
  const finish = (outcome: string) =>
    database.signInAttempt.update({ where: { id: own.id }, data: { outcome } });

  const counts = await countFailures(database, attempt, own.id, now);
  const known = needsKnownAddress(counts) && (await isKnownAddress(database, attempt, now));
  const user = await database.user.findUnique({ where: { email: attempt.email } });
  const record = (kind: string, reason: string | null) =>
    database.$transaction((tx) =>
      appendEvent(tx, {
        actor: user
          ? { type: "user", id: user.id, label: user.name, role: user.role }
          : { type: "system", label: attempt.email },
        at: now,
        kind,
        reason,
        data: { email: attempt.email, address },
      }),
    );

  await forgetOldAttempts(database, now);
  const decision = decideSignInAttempt(counts, known, now);
  if (!decision.ok) {
    await finish("refused");
    await record("user.signin.refused", decision.refusal.message);
    return { ...fail("forbidden", decision.refusal.message), code: "TooManyAttempts" };
  }
  const passwordOk = await verifyPassword(
    credentials.password,
    user?.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!user || !passwordOk) {
    await finish("failed");
    await record("user.signin.failed", "wrong email or password");
    return { ...fail("invalid", "The email or password is wrong."), code: "WrongCredentials" };
  }
  if (user.disabled) {
    // The password was right: not a guess, so it does not count against the limits.
    await finish("disabled");
    await record("user.signin.failed", "account disabled");
    return {
      ...fail("forbidden", "This account is disabled. Ask an administrator to enable it."),
      code: "AccountDisabled",
    };
  }
  await finish("succeeded");
  await database.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await record("user.signin.succeeded", null);
  return done({ id: user.id, email: user.email, name: user.name, role: user.role });
}
