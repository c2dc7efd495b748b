/**
 * With the database gone (nothing listening on its port, or the embedded server killed under an
 * open pool), every /api route answers 503 with Retry-After and its own JSON error shape, never a
 * 500; and a dock scan refused that way is applied once, by its scanId, when the database is back.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { seededRandom, upsTrackingNumber } from "@/prisma/demo-data.ts";
import { createDb, type Db } from "@/lib/server/db.ts";
import { serveEmbeddedDatabase } from "@/lib/embedded/pglite-server.ts";
import { databaseFault, DATABASE_RETRY_AFTER_SECONDS } from "./database-unavailable.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

let t: TestDatabase;
let operatorId: string;
const app = globalThis as unknown as { docksideDb: Db };
const uuid = "00000000-0000-4000-8000-000000000000";
const KEY = `dsk_outage0000_${"K".repeat(43)}`; // well formed, so it is looked up

type Handler = (
  request: Request,
  context?: { params?: Promise<Record<string, string>> },
) => Promise<Response>;
type Call = {
  route: string;
  method: string;
  params?: Record<string, string>;
  body?: unknown;
  api?: boolean;
};

/** Every route handler under app/api that reads the database, with a plausible request. */
const CALLS: Call[] = [
  {
    route: "dock/packages",
    method: "POST",
    body: { code: "1Z999AA10123456784", direction: "Inbound" },
  },
  { route: "dock/packages/[id]", method: "GET", params: { id: uuid } },
  { route: "dock/packages/[id]/close", method: "POST", params: { id: uuid }, body: {} },
  {
    route: "dock/scans",
    method: "POST",
    body: { packageId: uuid, code: "WDOUTAGE0001", scanId: uuid },
  },
  { route: "dock/scans/undo", method: "POST", body: { packageId: uuid } },
  { route: "faults", method: "GET" },
  { route: "incidents", method: "GET" },
  { route: "health", method: "GET" },
  { route: "v1/jobs", method: "GET", api: true },
  { route: "v1/jobs/[jobName]", method: "GET", params: { jobName: "j1" }, api: true },
  { route: "v1/jobs/[jobName]", method: "PUT", params: { jobName: "j1" }, body: {}, api: true },
  { route: "v1/jobs/[jobName]", method: "PATCH", params: { jobName: "j1" }, body: {}, api: true },
  { route: "v1/jobs/[jobName]", method: "DELETE", params: { jobName: "j1" }, api: true },
  { route: "v1/stations/drives", method: "GET", api: true },
  {
    route: "v1/stations/drives/[id]/start",
    method: "POST",
    params: { id: "WD-1" },
    body: {},
    api: true,
  },
  {
    route: "v1/stations/drives/[id]/progress",
    method: "POST",
    params: { id: "WD-1" },
    body: { percentComplete: 5 },
    api: true,
  },
  {
    route: "v1/stations/drives/[id]/finish",
    method: "POST",
    params: { id: "WD-1" },
    body: {},
    api: true,
  },
];

/** Static imports: Vite cannot follow a variable path. */
const ROUTES: Record<string, () => Promise<Record<string, unknown>>> = {
  "dock/packages": () => import("@/app/api/dock/packages/route.ts"),
  "dock/packages/[id]": () => import("@/app/api/dock/packages/[id]/route.ts"),
  "dock/packages/[id]/close": () => import("@/app/api/dock/packages/[id]/close/route.ts"),
  "dock/scans": () => import("@/app/api/dock/scans/route.ts"),
  "dock/scans/undo": () => import("@/app/api/dock/scans/undo/route.ts"),
  faults: () => import("@/app/api/faults/route.ts"),
  incidents: () => import("@/app/api/incidents/route.ts"),
  health: () => import("@/app/api/health/route.ts"),
  "v1/jobs": () => import("@/app/api/v1/jobs/route.ts"),
  "v1/jobs/[jobName]": () => import("@/app/api/v1/jobs/[jobName]/route.ts"),
  "v1/stations/drives": () => import("@/app/api/v1/stations/drives/route.ts"),
  "v1/stations/drives/[id]/start": () => import("@/app/api/v1/stations/drives/[id]/start/route.ts"),
  "v1/stations/drives/[id]/progress": () =>
    import("@/app/api/v1/stations/drives/[id]/progress/route.ts"),
  "v1/stations/drives/[id]/finish": () =>
    import("@/app/api/v1/stations/drives/[id]/finish/route.ts"),
};

async function call(c: Call): Promise<Response> {
  const mod = (await ROUTES[c.route]!()) as Record<string, Handler>;
  const handler = mod[c.method];
  if (!handler) throw new Error(`${c.method} /api/${c.route} has no handler`);
  const path = Object.entries(c.params ?? {}).reduce(
    (p, [k, v]) => p.replace(`[${k}]`, v),
    c.route,
  );
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (c.api) headers.authorization = `Bearer ${KEY}`;
  return handler(
    new Request(`http://localhost/api/${path}`, {
      method: c.method,
      headers,
      ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
    }),
    { params: Promise.resolve(c.params ?? {}) },
  );
}

async function expectAllUnavailable() {
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    for (const c of CALLS) {
      const response = await call(c);
      const what = `${c.method} /api/${c.route}`;
      expect(response.status, what).toBe(503);
      expect(response.headers.get("retry-after"), what).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, what).toBe(c.api ? "ServiceUnavailable" : "database_unavailable");
      expect(body.error.message, what).toMatch(/^The database is not answering\./);
    }
  } finally {
    quiet.mockRestore();
  }
}

/** A port nothing listens on: taken from the OS, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  t = await freshDatabase();
  operatorId = (
    await t.db.user.create({
      data: {
        email: "operator@outage.test",
        name: "Olu Outage",
        role: "operator",
        passwordHash: "x",
      },
    })
  ).id;
  // A server-side session of the operator's, as signing in makes (lib/server/auth/sessions.ts).
  const session = await t.db.userSession.create({
    data: { userId: operatorId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  identity.current = { userId: operatorId, sessionId: session.id, issuedAt: new Date() };
});
afterAll(() => t.drop());

describe("every /api route while the database is down", () => {
  it("answers 503, Retry-After and its JSON error shape when nothing listens on the database's port", async () => {
    const dead = createDb(`postgresql://postgres:postgres@127.0.0.1:${await deadPort()}/postgres`);
    app.docksideDb = dead;
    try {
      await expectAllUnavailable();
      // The customer's status page (a route handler too): a plain 503, not a 500.
      const { GET } = await import("@/app/status/[token]/route.ts");
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      const page = await GET(new Request("http://localhost/status/abc"), {
        params: Promise.resolve({ token: "abc" }),
      });
      quiet.mockRestore();
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(await page.text()).toMatch(/not answering/);
    } finally {
      await dead.$disconnect();
    }
  });

  it("answers the same when the embedded server is killed under an open connection pool", async () => {
    const server = await serveEmbeddedDatabase({ dataDir: "memory://", port: 0 });
    const killed = createDb(server.url, { max: 4 });
    await Promise.all(
      [1, 2, 3, 4].map(() => killed.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.05)`),
    );
    await server.close();
    app.docksideDb = killed;
    try {
      await expectAllUnavailable();
    } finally {
      await killed.$disconnect().catch(() => {});
    }
  }, 120_000); // starting PGlite takes 5 s on an idle machine, 30 s on a busy one
});

describe("a dock scan through an outage", () => {
  it("is refused with 503 while the database is down, then applied once by its scanId", async () => {
    const r = seededRandom(11);
    app.docksideDb = t.db;
    const opened = await call({
      route: "dock/packages",
      method: "POST",
      body: { code: upsTrackingNumber(r), direction: "Inbound" },
    });
    expect(opened.ok).toBe(true);
    const { packageId } = (await opened.json()) as { packageId: string };
    const scan = {
      route: "dock/scans",
      method: "POST",
      body: { packageId, code: "WDOUTAGE0002", scanId: randomUUID() },
    };

    const dead = createDb(`postgresql://postgres:postgres@127.0.0.1:${await deadPort()}/postgres`);
    app.docksideDb = dead;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const during = await call(scan);
    quiet.mockRestore();
    await dead.$disconnect();
    expect(during.status).toBe(503);
    const scanEvents = { packageId, kind: { startsWith: "drive." } };
    expect(await t.db.event.count({ where: scanEvents })).toBe(0);

    app.docksideDb = t.db; // the database is back: the page sends the same scan again
    const first = await call(scan);
    const again = await call(scan);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await t.db.event.count({ where: scanEvents })).toBe(1);
  });
});

describe("databaseFault", () => {
  it("tells an outage or a busy database from a bug", () => {
    expect(databaseFault(Object.assign(new Error("x"), { code: "P1001" }))).toBe("unavailable");
    expect(databaseFault(new Error("Connection terminated unexpectedly"))).toBe("unavailable");
    expect(databaseFault(new Error("outer", { cause: { kind: "DatabaseNotReachable" } }))).toBe(
      "unavailable",
    );
    expect(databaseFault(Object.assign(new Error("x"), { code: "08006" }))).toBe("unavailable");
    expect(databaseFault(Object.assign(new Error("x"), { code: "55P03" }))).toBe("busy");
    expect(databaseFault(new Error("canceling statement due to statement timeout"))).toBe("busy");
    expect(databaseFault(new TypeError("cannot read properties of undefined"))).toBeNull();
    expect(databaseFault(Object.assign(new Error("dup"), { code: "P2002" }))).toBeNull();
    expect(databaseFault(undefined)).toBeNull();
  });
});
