import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LOCK_MINUTES,
  MAX_FAILED_SIGN_INS,
  MAX_FAILURES_PER_ADDRESS,
  addressWindowStart,
  afterFailedSignIn,
  decideSignInAttempt,
} from "./sign-in-throttle.ts";

const NOW = new Date("2026-11-24T06:00:00Z");
const quiet = { failures: 0, oldestFailureAt: null };

describe("sign-in throttling", () => {
  it("lets an unlocked account with a quiet address try", () => {
    expect(decideSignInAttempt({ lockedUntil: null }, quiet, NOW).ok).toBe(true);
    expect(decideSignInAttempt(null, quiet, NOW).ok).toBe(true);
  });

  it(`locks the account for ${LOCK_MINUTES} minutes at the ${MAX_FAILED_SIGN_INS}th wrong password`, () => {
    let account = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      account = afterFailedSignIn(account, NOW);
      expect(account.lockedUntil).toBeNull();
    }
    account = afterFailedSignIn(account, NOW);
    expect(account.lockedUntil).toEqual(new Date(NOW.getTime() + LOCK_MINUTES * 60_000));
    const refused = decideSignInAttempt(account, quiet, NOW);
    expect(refused).toMatchObject({
      ok: false,
      refusal: { message: "Too many wrong passwords for this account. Try again in 15 minutes." },
    });
  });

  it("lifts the lock exactly when it ends", () => {
    const until = new Date(NOW.getTime() + 60_000);
    expect(
      decideSignInAttempt({ lockedUntil: until }, quiet, new Date(until.getTime() - 1)).ok,
    ).toBe(false);
    expect(decideSignInAttempt({ lockedUntil: until }, quiet, until).ok).toBe(true);
  });

  it("refuses an address after too many failures in the window, whatever the account", () => {
    const busy = {
      failures: MAX_FAILURES_PER_ADDRESS,
      oldestFailureAt: new Date(NOW.getTime() - 5 * 60_000),
    };
    const d = decideSignInAttempt(null, busy, NOW);
    expect(d).toMatchObject({
      ok: false,
      refusal: { message: "Too many failed sign-ins from this address. Try again in 10 minutes." },
    });
    expect(
      decideSignInAttempt(null, { ...busy, failures: MAX_FAILURES_PER_ADDRESS - 1 }, NOW).ok,
    ).toBe(true);
    expect(addressWindowStart(NOW)).toEqual(new Date(NOW.getTime() - 15 * 60_000));
  });

  it("never locks before the limit and always locks at it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FAILED_SIGN_INS - 1 }), (n) => {
        const next = afterFailedSignIn({ failedSignIns: n }, NOW);
        expect(next.lockedUntil !== null).toBe(n + 1 >= MAX_FAILED_SIGN_INS);
      }),
    );
  });
});
