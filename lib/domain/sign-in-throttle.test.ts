import { describe, expect, it } from "vitest";
import {
  SIGN_IN_LIMITS,
  SIGN_IN_SCOPES,
  decideSignInAttempt,
  needsKnownAddress,
  signInWindowStart,
  type SignInCounts,
} from "./sign-in-throttle.ts";

const NOW = new Date("2026-12-02T08:00:00Z");
const MIN = 60_000;
const quiet: SignInCounts = {
  accountAtAddress: { failures: 0, oldestAt: null },
  address: { failures: 0, oldestAt: null },
  account: { failures: 0, oldestAt: null },
  everyone: { failures: 0, oldestAt: null },
};
const at = (scope: keyof SignInCounts, failures: number, minutesAgo: number): SignInCounts => ({
  ...quiet,
  [scope]: { failures, oldestAt: new Date(NOW.getTime() - minutesAgo * MIN) },
});

describe("sign-in throttling", () => {
  it("allows attempts below every limit", () => {
    expect(decideSignInAttempt(quiet, false, NOW).ok).toBe(true);
    for (const scope of SIGN_IN_SCOPES) {
      expect(
        decideSignInAttempt(at(scope, SIGN_IN_LIMITS[scope].failures - 1, 1), false, NOW).ok,
      ).toBe(true);
    }
  });

  it("refuses at each limit, with one sentence whichever limit it is (nothing says whether the account exists)", () => {
    const messages = new Set<string>();
    for (const scope of SIGN_IN_SCOPES) {
      const d = decideSignInAttempt(at(scope, SIGN_IN_LIMITS[scope].failures, 0), false, NOW);
      expect(d.ok, scope).toBe(false);
      if (!d.ok) messages.add(d.refusal.message.replace(/\d+ minutes?/, "N minutes"));
    }
    expect([...messages]).toEqual(["Too many failed sign-ins. Try again in N minutes."]);
  });

  it("says how long until the oldest failure leaves the window", () => {
    const d = decideSignInAttempt(at("accountAtAddress", 5, 10), false, NOW);
    expect(!d.ok && d.refusal.message).toBe("Too many failed sign-ins. Try again in 5 minutes.");
    const hour = decideSignInAttempt(at("account", 30, 59.5), false, NOW);
    expect(!hour.ok && hour.refusal.message).toBe(
      "Too many failed sign-ins. Try again in 1 minute.",
    );
  });

  it("an address that signed in to this email before is held to the per-address limits only", () => {
    expect(decideSignInAttempt(at("account", 30, 1), true, NOW).ok).toBe(true);
    expect(decideSignInAttempt(at("everyone", 300, 1), true, NOW).ok).toBe(true);
    expect(decideSignInAttempt(at("accountAtAddress", 5, 1), true, NOW).ok).toBe(false);
    expect(decideSignInAttempt(at("address", 20, 1), true, NOW).ok).toBe(false);
    expect(needsKnownAddress(at("account", 30, 1))).toBe(true);
    expect(needsKnownAddress(at("accountAtAddress", 5, 1))).toBe(false);
  });

  it("nobody can shut a chosen account out cheaply: the cross-address limit is many times the per-address one", () => {
    expect(SIGN_IN_LIMITS.account.failures).toBeGreaterThanOrEqual(
      5 * SIGN_IN_LIMITS.accountAtAddress.failures,
    );
  });

  it("windows end where each limit says", () => {
    expect(signInWindowStart("accountAtAddress", NOW)).toEqual(new Date(NOW.getTime() - 15 * MIN));
    expect(signInWindowStart("account", NOW)).toEqual(new Date(NOW.getTime() - 60 * MIN));
  });
});
