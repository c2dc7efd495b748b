/**
 * The job page's status-link actions, called as the browser calls them (previous state, form
 * data), by a signed-in supervisor, an admin and an operator: the URL comes back once in
 * `secret`, built from NEXTAUTH_URL, and never in the message.
 */
import { rereadEnv } from "@/lib/env.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import {
  createCustomer,
  ok,
  openTestSession,
  RETURN_ADDRESS,
  testIdentity,
} from "@/test/fixtures.ts";
import { createJob } from "@/lib/server/jobs/commands.ts";
import { hashStatusToken } from "@/lib/server/status-links/token.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let t: TestDatabase;
let actions: typeof import("@/app/(console)/jobs/[id]/status-link-actions.ts");
const users = { supervisor: "", admin: "", operator: "" };
let n = 0;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

async function job() {
  const { customerId, customer } = await createCustomer(t.db, `Customer ${++n}`);
  return ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `links-${n}`,
        type: "Import",
        storageAccount: "s",
        drives: [{ serial: `WD-LINK${n}` }],
        returnAddress: RETURN_ADDRESS,
      },
      new Date(),
    ),
  ).id;
}

const as = (role: keyof typeof users) => {
  identity.current = testIdentity(users[role], new Date(Date.now() + 1000));
};
const form = (jobId: string) => {
  const f = new FormData();
  f.set("jobId", jobId);
  return f;
};

beforeAll(async () => {
  t = await freshDatabase();
  const url = new URL(t.url);
  url.searchParams.set("schema", t.schema);
  process.env.DATABASE_URL = url.toString();
  process.env.NEXTAUTH_URL = "https://dockside.example.com/";
  rereadEnv();
  delete (globalThis as { docksideDb?: unknown }).docksideDb;
  for (const role of ["supervisor", "admin", "operator"] as const) {
    users[role] = (
      await t.db.user.create({
        data: {
          email: `${role}@links.test`,
          name: `The ${role}`,
          role,
          passwordHash: "x",
          sessionsValidFrom: new Date(0),
        },
      })
    ).id;
    await openTestSession(t.db, users[role]);
  }
  actions = await import("@/app/(console)/jobs/[id]/status-link-actions.ts");
});
afterAll(async () => {
  const { db } = await import("@/lib/server/db.ts");
  await db.$disconnect();
  delete (globalThis as { docksideDb?: unknown }).docksideDb;
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rereadEnv();
  await t.drop();
});

describe("status link actions", () => {
  it("create: the full URL once, in `secret`, from NEXTAUTH_URL; the message does not hold it", async () => {
    const jobId = await job();
    as("supervisor");
    const state = await actions.createStatusLinkAction(null, form(jobId));
    expect(state).toMatchObject({ ok: true });
    if (!state?.ok) throw new Error("refused");
    expect(state.secret).toMatch(/^https:\/\/dockside\.example\.com\/status\/[A-Za-z0-9_-]{43}$/);
    const token = state.secret!.split("/").pop()!;
    expect(state.message).not.toContain(token);
    expect(await t.db.statusLink.findFirst({ where: { jobId } })).toMatchObject({
      tokenHash: hashStatusToken(token),
      createdById: users.supervisor,
    });
  });

  it("rotate and revoke, by an admin", async () => {
    const jobId = await job();
    as("admin");
    const first = await actions.createStatusLinkAction(null, form(jobId));
    const second = await actions.rotateStatusLinkAction(first, form(jobId));
    expect(second).toMatchObject({ ok: true });
    expect(second?.ok && second.secret).not.toBe(first?.ok && first.secret);
    const revoked = await actions.revokeStatusLinkAction(second, form(jobId));
    expect(revoked).toEqual({ ok: true, message: "Status link revoked: it no longer works." });
    expect(await t.db.statusLink.count({ where: { jobId, revokedAt: null } })).toBe(0);
  });

  it("an operator, or a signed-out caller, is refused and nothing is written", async () => {
    const jobId = await job();
    as("operator");
    for (const action of [
      actions.createStatusLinkAction,
      actions.rotateStatusLinkAction,
      actions.revokeStatusLinkAction,
    ]) {
      expect(await action(null, form(jobId))).toMatchObject({ ok: false });
    }
    identity.current = null;
    expect(await actions.createStatusLinkAction(null, form(jobId))).toMatchObject({
      ok: false,
      error: "You are signed out. Sign in again to continue.",
    });
    expect(await t.db.statusLink.count({ where: { jobId } })).toBe(0);
  });

  it("a malformed job id is refused before any command runs", async () => {
    as("supervisor");
    const state = await actions.createStatusLinkAction(null, form("not-a-uuid"));
    expect(state).toMatchObject({ ok: false, fieldErrors: { jobId: ["There is no such job."] } });
  });

  it("a refusal of the command is a message, with no secret", async () => {
    const jobId = await job();
    as("supervisor");
    await actions.createStatusLinkAction(null, form(jobId));
    const again = await actions.createStatusLinkAction(null, form(jobId));
    expect(again).toEqual({
      ok: false,
      error:
        "This job already has a status link. Rotate it to get a new one: the old one stops working.",
    });
  });
});
