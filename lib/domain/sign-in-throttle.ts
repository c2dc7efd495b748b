import { allow, refuse, type Decision } from "./refusal.ts";

/**
 * Sign-in throttling. Failed attempts are counted by the email as typed (an email nobody has is
 * counted exactly like a real one, so no answer says whether an account exists), by the client's
 * address, and by both:
 * - ACCOUNT_AT_ADDRESS: 5 failures for one email from one address in 15 minutes refuse that pair.
 *   Guessing one password from one place stops quickly, and nobody elsewhere is locked out.
 * - ADDRESS: 20 failures from one address in 15 minutes, whichever emails, refuse that address.
 * - ACCOUNT: 30 failures for one email in an hour from all addresses together refuse new
 *   addresses for that email, so rotating addresses buys no more than 30 guesses an hour; an
 *   address this email has signed in from before keeps working (the person at their usual
 *   desk is not locked out by someone else's guesses).
 * - EVERYONE: 300 failures in 15 minutes over the whole service refuse every new address (a
 *   spray over many emails from many addresses); known addresses keep working.
 * An attempt still being checked counts as a failure, so concurrent guesses cannot slip past.
 */
export type SignInLimit = { failures: number; windowMinutes: number };

export const SIGN_IN_LIMITS = {
  accountAtAddress: { failures: 5, windowMinutes: 15 },
  address: { failures: 20, windowMinutes: 15 },
  account: { failures: 30, windowMinutes: 60 },
  everyone: { failures: 300, windowMinutes: 15 },
} as const satisfies Record<string, SignInLimit>;

export type SignInScope = keyof typeof SIGN_IN_LIMITS;
export const SIGN_IN_SCOPES = Object.keys(SIGN_IN_LIMITS) as SignInScope[];

/** Failures counted in one scope's window, and the oldest of them (when the window frees up). */
export type FailureCount = { failures: number; oldestAt: Date | null };
export type SignInCounts = Record<SignInScope, FailureCount>;

/** Scopes an address that has signed in to this email before is not held to. */
const WAIVED_FOR_KNOWN_ADDRESS: readonly SignInScope[] = ["account", "everyone"];

/** How long a known address stays known after its last successful sign-in. */
export const KNOWN_ADDRESS_DAYS = 30;

const MINUTE = 60_000;

/** The start of a scope's window: failures at or after it count. */
export function signInWindowStart(scope: SignInScope, now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_LIMITS[scope].windowMinutes * MINUTE);
}

/** The scopes whose limit is reached, before looking at whether the address is known. */
export function exhaustedScopes(counts: SignInCounts): SignInScope[] {
  return SIGN_IN_SCOPES.filter((s) => counts[s].failures >= SIGN_IN_LIMITS[s].failures);
}

/** Whether the answer needs to know if this address signed in to this email before. */
export function needsKnownAddress(counts: SignInCounts): boolean {
  return exhaustedScopes(counts).some((s) => WAIVED_FOR_KNOWN_ADDRESS.includes(s));
}

/**
 * May this attempt be checked at all? A refused attempt never looks at the password, and the
 * refusal reads the same whichever limit was reached and whether or not the account exists.
 */
export function decideSignInAttempt(
  counts: SignInCounts,
  knownAddress: boolean,
  now: Date,
): Decision<null> {
  const holding = exhaustedScopes(counts).filter(
    (s) => !(knownAddress && WAIVED_FOR_KNOWN_ADDRESS.includes(s)),
  );
  if (holding.length === 0) return allow(null);
  // Wait until every limit that holds has freed a place.
  const until = Math.max(
    ...holding.map(
      (s) => (counts[s].oldestAt ?? now).getTime() + SIGN_IN_LIMITS[s].windowMinutes * MINUTE,
    ),
  );
  const m = Math.max(1, Math.ceil((until - now.getTime()) / MINUTE));
  return refuse(
    "guard_failed",
    `Too many failed sign-ins. Try again in ${m} minute${m === 1 ? "" : "s"}.`,
  );
}
