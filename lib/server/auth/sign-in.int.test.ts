import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { signInWithPassword } from "@/lib/server/auth/sign-in.ts";
import {
  createUser,
  changeUserRole,
  setUserDisabled,
  resetUserPassword,
} from "@/lib/server/users/commands.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { MAX_FAILED_SIGN_INS, MAX_FAILURES_PER_ADDRESS } from "@/lib/domain/index.ts";

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

  it(`locks an account after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one, until the lock ends`, async () => {
    await user("cy@dock.test");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await signInWithPassword(
        t.db,
        { email: "cy@dock.test", password: "wrong" },
        "10.0.0.3",
        minutes(i / 10),
      );
    }
    const locked = await signInWithPassword(
      t.db,
      { email: "cy@dock.test", password: "correct horse battery" },
      "10.0.0.3",
      minutes(1),
    );
    expect(locked).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/Too many wrong passwords.*Try again in 15 minutes/),
      },
    });
    const later = await signInWithPassword(
      t.db,
      { email: "cy@dock.test", password: "correct horse battery" },
      "10.0.0.3",
      minutes(16),
    );
    expect(later.ok).toBe(true);
  });

  it("refuses an address that failed too often, whichever account it tries", async () => {
    await user("dee@dock.test");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signInWithPassword(
        t.db,
        { email: `guess${i}@dock.test`, password: "x" },
        "203.0.113.9",
        minutes(20),
      );
    }
    const r = await signInWithPassword(
      t.db,
      { email: "dee@dock.test", password: "correct horse battery" },
      "203.0.113.9",
      minutes(21),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/from this address/) },
    });
    const elsewhere = await signInWithPassword(
      t.db,
      { email: "dee@dock.test", password: "correct horse battery" },
      "10.0.0.4",
      minutes(21),
    );
    expect(elsewhere.ok).toBe(true);
  });

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
