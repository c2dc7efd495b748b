import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { signInWithPassword } from "@/lib/server/auth/sign-in.ts";
import {
  createUser,
  changeUserRole,
  setUserDisabled,
  resetUserPassword,
} from "@/lib/server/users/commands.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { SIGN_IN_LIMITS } from "@/lib/domain/sign-in-throttle.ts";

let t: TestDatabase;
const system: ActorRef = { type: "system", label: "test" };
const now = new Date("2026-11-24T06:00:00Z");
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

async function user(email: string, role: "operator" | "supervisor" | "admin" = "operator") {
  const r = await createUser(
    t.db,
    system,
    { email, name: email.split("@")[0]!, role, password: "correct horse battery" },
    now,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

const signIn = (email: string, password: string, address: string, at: Date) =>
  signInWithPassword(t.db, { email, password }, address, at);

describe("signing in", () => {
  it("accepts the right password, records it, and never stores or returns the hash", async () => {
    await user("ana@dock.test");
    const r = await signInWithPassword(
      t.db,
      { email: "  ANA@dock.test ", password: "correct horse battery" },
      "10.0.0.1",
      now,
    );
    expect(r).toMatchObject({ ok: true, value: { email: "ana@dock.test", role: "operator" } });
    expect(JSON.stringify(r)).not.toMatch(/\$2[aby]\$/);
    const events = await t.db.event.findMany({ where: { kind: "user.signin.succeeded" } });
    expect(events).toHaveLength(1);
  });

  it("gives the same answer for an unknown email and a wrong password, and records both", async () => {
    await user("ben@dock.test");
    const unknown = await signInWithPassword(
      t.db,
      { email: "nobody@dock.test", password: "x" },
      "10.0.0.2",
      now,
    );
    const wrong = await signInWithPassword(
      t.db,
      { email: "ben@dock.test", password: "x" },
      "10.0.0.2",
      now,
    );
    expect(unknown).toEqual(wrong);
    expect(await t.db.event.count({ where: { kind: "user.signin.failed" } })).toBe(2);
  });

  it(`refuses one email from one address after ${SIGN_IN_LIMITS.accountAtAddress.failures} failures, even with the right password; other addresses are not locked out`, async () => {
    await user("cy@dock.test");
    for (let i = 0; i < SIGN_IN_LIMITS.accountAtAddress.failures; i++) {
      await signIn("cy@dock.test", "wrong", "10.0.0.3", minutes(i / 10));
    }
    const locked = await signIn("cy@dock.test", "correct horse battery", "10.0.0.3", minutes(1));
    expect(locked).toMatchObject({
      ok: false,
      code: "TooManyAttempts",
      error: {
        message: expect.stringMatching(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/),
      },
    });
    // Five requests from an attacker's address do not lock the person out from theirs.
    expect(
      (await signIn("cy@dock.test", "correct horse battery", "10.0.0.30", minutes(1))).ok,
    ).toBe(true);
    expect(
      (await signIn("cy@dock.test", "correct horse battery", "10.0.0.3", minutes(16))).ok,
    ).toBe(true);
  });

  it("answers an unknown email exactly as a real one, at every step up to and past the limit", async () => {
    await user("real@dock.test");
    const answers = async (email: string, address: string) => {
      const out = [];
      for (let i = 0; i < SIGN_IN_LIMITS.accountAtAddress.failures + 2; i++) {
        const r = await signIn(email, "wrong", address, minutes(100 + i / 10));
        out.push(JSON.stringify(r));
      }
      return out;
    };
    expect(await answers("nobody-here@dock.test", "10.1.0.1")).toEqual(
      await answers("real@dock.test", "10.1.0.2"),
    );
  });

  it("refuses an address that failed too often, whichever account it tries", async () => {
    await user("dee@dock.test");
    for (let i = 0; i < SIGN_IN_LIMITS.address.failures; i++) {
      await signIn(`guess${i}@dock.test`, "x", "203.0.113.9", minutes(200));
    }
    const r = await signIn("dee@dock.test", "correct horse battery", "203.0.113.9", minutes(201));
    expect(r).toMatchObject({ ok: false, code: "TooManyAttempts" });
    const elsewhere = await signIn(
      "dee@dock.test",
      "correct horse battery",
      "10.0.0.4",
      minutes(201),
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("rotating addresses buys no more guesses: the account refuses new addresses after its hourly limit, but not the person's usual one", async () => {
    await user("gus@dock.test");
    // The person signed in from their desk before.
    expect(
      (await signIn("gus@dock.test", "correct horse battery", "10.9.9.9", minutes(300))).ok,
    ).toBe(true);
    for (let i = 0; i < SIGN_IN_LIMITS.account.failures; i++) {
      await signIn("gus@dock.test", "guess", `198.51.100.${i + 1}`, minutes(301));
    }
    const fresh = await signIn(
      "gus@dock.test",
      "correct horse battery",
      "198.51.100.200",
      minutes(302),
    );
    expect(fresh).toMatchObject({ ok: false, code: "TooManyAttempts" });
    const usual = await signIn("gus@dock.test", "correct horse battery", "10.9.9.9", minutes(302));
    expect(usual.ok).toBe(true);
    // And the same for an email nobody has: same refusal after the same count.
    for (let i = 0; i < SIGN_IN_LIMITS.account.failures; i++) {
      await signIn("ghost@dock.test", "guess", `198.51.101.${i + 1}`, minutes(301));
    }
    expect(await signIn("ghost@dock.test", "x", "198.51.100.201", minutes(302))).toMatchObject({
      ok: false,
      code: "TooManyAttempts",
    });
  });

  // Concurrency needs a server with real connections (the embedded PGlite serves one backend).
  it.runIf(inject("databaseKind") === "postgresql")(
    "concurrent guesses cannot slip past the limit: at most the limit's number of passwords is checked",
    async () => {
      await user("hal@dock.test");
      const results = await Promise.all(
        Array.from({ length: 15 }, () =>
          signIn("hal@dock.test", "wrong", "10.7.7.7", minutes(400)),
        ),
      );
      const checked = results.filter((r) => r.code === "WrongCredentials").length;
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAtAddress.failures);
      expect(results.filter((r) => r.code === "TooManyAttempts").length).toBe(15 - checked);
    },
  );

  it("refuses a disabled user with a clear message once the password is right", async () => {
    const id = await user("eve@dock.test");
    await user("root@dock.test", "admin");
    expect((await setUserDisabled(t.db, system, id, true, now)).ok).toBe(true);
    const r = await signInWithPassword(
      t.db,
      { email: "eve@dock.test", password: "correct horse battery" },
      "10.0.0.5",
      minutes(1),
    );
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/disabled/) } });
  });
});

describe("managing users", () => {
  it("keeps at least one enabled admin", async () => {
    const db = t.db;
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "supervisor" } });
    const only = await user("only-admin@dock.test", "admin");
    expect(await changeUserRole(db, system, only, "operator", now)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/last enabled admin/) },
    });
    expect(await setUserDisabled(db, system, only, true, now)).toMatchObject({ ok: false });
    await user("second-admin@dock.test", "admin");
    expect((await changeUserRole(db, system, only, "operator", now)).ok).toBe(true);
  });

  it("a password reset starts a new session era (older sessions are refused: see the authorization matrix)", async () => {
    const id = await user("fay@dock.test");
    await resetUserPassword(t.db, system, id, "a brand new password", minutes(30));
    const u = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(u.sessionsValidFrom).toEqual(minutes(30));
    const old = await signInWithPassword(
      t.db,
      { email: "fay@dock.test", password: "correct horse battery" },
      "10.0.0.6",
      minutes(31),
    );
    expect(old.ok).toBe(false);
    const fresh = await signInWithPassword(
      t.db,
      { email: "fay@dock.test", password: "a brand new password" },
      "10.0.0.6",
      minutes(31),
    );
    expect(fresh.ok).toBe(true);
  });
});
