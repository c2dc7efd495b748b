import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { endSession, liveSessionUser, startSession } from "@/lib/server/auth/sessions.ts";
import { identityOf } from "@/lib/server/auth/session.ts";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/server/users/commands.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

// next-auth's callbacks run against the test database.
const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db.ts", async (original) => ({
  ...(await original<object>()),
  get db() {
    return holder.db;
  },
}));
const { authOptions, SESSION_SECONDS } = await import("@/lib/server/auth/options.ts");

let t: TestDatabase;
const system: ActorRef = { type: "system", label: "test" };
const now = new Date();

beforeAll(async () => {
  t = await freshDatabase();
  holder.db = t.db;
  await createUser(
    t.db,
    system,
    { email: "admin@s.test", name: "Admin", role: "admin", password: "correct horse battery" },
    now,
  );
});
afterAll(() => t.drop());

async function person(email: string, role: "operator" | "supervisor" = "supervisor") {
  const r = await createUser(
    t.db,
    system,
    { email, name: email, role, password: "correct horse battery" },
    now,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

const iat = () => Math.floor(Date.now() / 1000);
const jwt = authOptions.callbacks!.jwt!;
const session = authOptions.callbacks!.session!;

/** The token next-auth would carry after a sign-in. */
async function signedIn(userId: string, role: "operator" | "supervisor" = "supervisor") {
  const token = (await jwt({
    token: { iat: iat() } as JWT,
    user: { id: userId, name: "n", email: "e", role },
    account: null,
  } as never)) as JWT;
  expect(token.sid).toEqual(expect.any(String));
  return token;
}

describe("server-side sessions", () => {
  it("signing out ends the session on the server: a copied token no longer works", async () => {
    const id = await person("copy@s.test");
    const token = await signedIn(id);
    const identity = identityOf(token)!;
    expect(await liveSessionUser(t.db, identity, new Date())).toMatchObject({ id });
    await authOptions.events!.signOut!({ token, session: null } as never);
    expect(await liveSessionUser(t.db, identity, new Date())).toBeNull();
    // /api/auth/session runs the jwt callback: an ended session is no session.
    await expect(jwt({ token } as never)).rejects.toThrow("SessionEnded");
    // Other sessions of the same person are untouched.
    const other = await signedIn(id);
    expect(await liveSessionUser(t.db, identityOf(other)!, new Date())).not.toBeNull();
  });

  it("/api/auth/session gives the database's role, and nothing for a disabled user", async () => {
    const id = await person("demote@s.test");
    const token = await signedIn(id);
    expect((await changeUserRole(t.db, system, id, "operator", new Date())).ok).toBe(true);
    const refreshed = (await jwt({ token } as never)) as JWT;
    expect(refreshed.role).toBe("operator");
    const shown = await session({ session: { expires: "" }, token: refreshed } as never);
    expect(shown).toMatchObject({ user: { id, role: "operator" } });
    expect((await setUserDisabled(t.db, system, id, true, new Date())).ok).toBe(true);
    await expect(jwt({ token } as never)).rejects.toThrow("SessionEnded");
    expect(await t.db.userSession.count({ where: { userId: id, endedAt: null } })).toBe(0);
  });

  it("an expired session, another user's session id, or a token without one is nobody", async () => {
    const id = await person("expire@s.test");
    const other = await person("other@s.test");
    const sid = await startSession(t.db, id, new Date(Date.now() - 2 * SESSION_SECONDS * 1000), 60);
    expect(
      await liveSessionUser(t.db, { sessionId: sid, userId: id, issuedAt: now }, new Date()),
    ).toBeNull();
    const live = await startSession(t.db, id, new Date(), SESSION_SECONDS);
    expect(
      await liveSessionUser(t.db, { sessionId: live, userId: other, issuedAt: now }, new Date()),
    ).toBeNull();
    expect(identityOf({ uid: id, iat: iat() })).toBeNull();
    await endSession(t.db, live, new Date());
    await endSession(t.db, live, new Date());
    expect(
      (await t.db.userSession.findUniqueOrThrow({ where: { id: live } })).endedAt,
    ).not.toBeNull();
  });

  it("next-auth's redirects stay on this site", () => {
    const redirect = authOptions.callbacks!.redirect!;
    const base = "http://localhost:3500";
    for (const evil of [
      "/\\evil.example/",
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example/jobs",
      "http://localhost:3500.evil.example/",
    ]) {
      // Off the site: the start page, which sends each role to its own (START_PAGES).
      expect(redirect({ url: evil, baseUrl: base }), evil).toBe(`${base}/`);
    }
    expect(redirect({ url: `${base}/faults?x=1`, baseUrl: base })).toBe(`${base}/faults?x=1`);
    expect(redirect({ url: "/sign-in", baseUrl: base })).toBe(`${base}/sign-in`);
  });
});
