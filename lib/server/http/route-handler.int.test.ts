/**
 * The staff route wrapper in front of every dock route that changes data: only JSON, only from a
 * page of this site, at most 1 MB, checked before anything is read or written. The dock route
 * that opens packages is the one a cross-site text/plain form post used to reach.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { openTestSession, testIdentity } from "@/test/fixtures.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

let t: TestDatabase;
type Handler = (request: Request, context?: object) => Promise<Response>;
let openPackage: Handler;

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const operator = await t.db.user.create({
    data: { email: "op@wrap.test", name: "Op", role: "operator", passwordHash: "x" },
  });
  await openTestSession(t.db, operator.id);
  identity.current = testIdentity(operator.id);
  openPackage = ((await import("@/app/api/dock/packages/route.ts")) as { POST: Handler }).POST;
});
afterAll(() => t.drop());

const LABEL = { code: "1Z999AA10123456784", direction: "Inbound" };
const send = (body: BodyInit, headers: Record<string, string>) =>
  openPackage(
    new Request("http://localhost:3500/api/dock/packages", {
      method: "POST",
      body,
      headers: { host: "localhost:3500", ...headers },
    }),
  );

describe("staffRoute: what a dock route that changes data accepts", () => {
  it("refuses a cross-site text/plain form post (403), and creates nothing", async () => {
    const r = await send(JSON.stringify(LABEL), {
      origin: "https://evil.example",
      "content-type": "text/plain",
    });
    expect(r.status).toBe(403);
    expect(await t.db.package.count()).toBe(0);
  });

  it("refuses a same-site body that is not JSON (415)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const r = await send(JSON.stringify(LABEL), {
        origin: "http://localhost:3500",
        "content-type": type,
      });
      expect(r.status, type).toBe(415);
    }
    expect(await t.db.package.count()).toBe(0);
  });

  it("refuses a body over 1 MB (413) before parsing it, and malformed JSON (400)", async () => {
    const big = JSON.stringify({ ...LABEL, padding: "x".repeat(1024 * 1024) });
    const r = await send(big, { "content-type": "application/json" });
    expect(r.status).toBe(413);
    const bad = await send("{not json", { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    expect(await t.db.package.count()).toBe(0);
  });

  it("accepts JSON from this site, and from a client that is not a browser (no Origin)", async () => {
    const ours = await send(JSON.stringify(LABEL), {
      origin: "http://localhost:3500",
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
    });
    expect(ours.status, await ours.clone().text()).toBe(201);
    const script = await send(JSON.stringify(LABEL), { "content-type": "application/json" });
    expect([200, 201]).toContain(script.status);
  });
});
