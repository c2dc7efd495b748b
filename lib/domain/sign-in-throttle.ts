import { allow, refuse, type Decision } from "./refusal.ts";

/**
 * Login throttling: an account locks for a while after repeated wrong passwords, and an address
 * that fails too often is refused for a while, whichever account it tries.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

const MINUTE = 60_000;

function minutesLeft(now: Date, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/** May this attempt be checked at all? (Refused attempts do not even look at the password.) */
export function decideSignInAttempt(
  account: { lockedUntil: Date | null } | null,
  address: { failures: number; oldestFailureAt: Date | null },
  now: Date,
): Decision<null> {
  if (account?.lockedUntil && account.lockedUntil > now) {
    const m = minutesLeft(now, account.lockedUntil);
    return refuse(
      "guard_failed",
      `Too many wrong passwords for this account. Try again in ${m} minute${m === 1 ? "" : "s"}.`,
    );
  }
  if (address.failures >= MAX_FAILURES_PER_ADDRESS && address.oldestFailureAt) {
    const m = minutesLeft(
      now,
      new Date(address.oldestFailureAt.getTime() + ADDRESS_WINDOW_MINUTES * MINUTE),
    );
    return refuse(
      "guard_failed",
      `Too many failed sign-ins from this address. Try again in ${m} minute${m === 1 ? "" : "s"}.`,
    );
  }
  return allow(null);
}

/** After a wrong password: the account's new failure count, and the lock when it reaches the limit. */
export function afterFailedSignIn(
  account: { failedSignIns: number },
  now: Date,
): { failedSignIns: number; lockedUntil: Date | null } {
  const failed = account.failedSignIns + 1;
  if (failed >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * MINUTE) };
  }
  return { failedSignIns: failed, lockedUntil: null };
}

/** The window over which an address's failures count. */
export function addressWindowStart(now: Date): Date {
  return new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * MINUTE);
}
