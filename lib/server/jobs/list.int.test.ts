import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomer, openTestSession, testIdentity } from "@/test/fixtures.ts";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { jobsCsvStream, jobIdsPage, listJobs } from "@/lib/server/jobs/queries.ts";
import { searchEverything } from "@/lib/server/search/search.ts";
import { parseJobListParams, type RawParams } from "@/lib/validation/list-params.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

let t: TestDatabase;
let contoso: string;
let fabrikam: string;
let operator: string;
const JOBS = 120;

const list = (raw: RawParams) => listJobs(parseJobListParams(raw).params, t.db);
const names = async (raw: RawParams) => (await list(raw)).rows.map((r) => r.name);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  contoso = (await createCustomer(t.db, "Contoso")).customerId;
  fabrikam = (await createCustomer(t.db, '=Fabrikam, "Inc"')).customerId;
  operator = (
    await t.db.user.create({
      data: { email: "op@list.test", name: "Op", role: "operator", passwordHash: "x" },
    })
  ).id;
  await openTestSession(t.db, operator);
  const base = Date.parse("2026-11-01T00:00:00Z");
  await t.db.job.createMany({
    data: Array.from({ length: JOBS }, (_, i) => ({
      customerId: i % 3 === 0 ? fabrikam : contoso,
      name: `list-${String(i).padStart(3, "0")}`,
      type: i % 2 === 0 ? ("Import" as const) : ("Export" as const),
      state: (["Creating", "Shipping", "Received"] as const)[i % 3]!,
      storageAccount: "s",
      percentComplete: i % 101,
      // Day i % 30 of November; several jobs share each instant, so ties need the id.
      createdAt: new Date(base + (i % 30) * 86_400_000),
      stateChangedAt: new Date(base + (i % 7) * 3_600_000),
      deliveryTrackingNumber: i === 42 ? "1Z999AA10123456784" : null,
    })),
  });
  const job = await t.db.job.findFirstOrThrow({ where: { name: "list-007" } });
  await t.db.drive.createMany({
    data: [
      { jobId: job.id, serial: "WD-WCC4N0SEARCH1", state: "Received" },
      { jobId: job.id, serial: "ZA5XSEARCH2", state: "Specified" },
    ],
  });
  const returned = await t.db.package.create({
    data: { direction: "Return", carrier: "UPS", trackingNumber: "1Z999AA10000000018" },
  });
  await t.db.drive.create({
    data: {
      jobId: job.id,
      serial: "WD-RETURNED3",
      state: "ShippedBack",
      returnPackageId: returned.id,
    },
  });
});
afterAll(() => t.drop());

describe("the jobs list", () => {
  it("sorts by each column both ways, ties broken by id, pages never overlap", async () => {
    for (const sort of ["name", "customer", "type", "state", "complete", "created", "changed"]) {
      for (const dir of ["asc", "desc"]) {
        const seen = new Set<string>();
        const first = await list({ sort, dir });
        const second = await list({ sort, dir, page: "2" });
        const third = await list({ sort, dir, page: "3" });
        for (const r of [...first.rows, ...second.rows, ...third.rows]) seen.add(r.id);
        expect(seen.size, `${sort} ${dir}`).toBe(JOBS);
        expect(first.total).toBe(JOBS);
      }
    }
    expect((await names({ sort: "name" })).slice(0, 2)).toEqual(["list-000", "list-001"]);
    expect((await names({ sort: "name", dir: "desc" }))[0]).toBe("list-119");
    const byComplete = (await list({ sort: "complete", dir: "desc" })).rows.map(
      (r) => r.percentComplete,
    );
    expect(byComplete).toEqual([...byComplete].sort((a, b) => b - a));
    const byCustomer = (await list({ sort: "customer" })).rows.map((r) => r.customerName);
    expect(byCustomer[0]).toBe('=Fabrikam, "Inc"');
  });

  it("filters by state, customer, type, creation days and text, all together", async () => {
    expect((await list({ customer: fabrikam })).total).toBe(40);
    expect((await list({ type: "Export" })).total).toBe(60);
    expect((await list({ state: "Shipping", type: "Import" })).total).toBe(20);
    // 2026-11-03 to 2026-11-04: days 2 and 3 of 30, four jobs each.
    expect((await list({ from: "2026-11-03", to: "2026-11-04" })).total).toBe(8);
    expect(await names({ q: "1Z999AA1012" })).toEqual(["list-042"]);
    // A drive's serial finds its job (each arm of the text filter is its own trigram index).
    expect(await names({ q: "SEARCH2" })).toEqual(["list-007"]);
    expect(await names({ q: "wcc4n0search" })).toEqual(["list-007"]);
    expect((await list({ q: "fabrik" })).total).toBe(40);
    // The state chips count under the other filters.
    const counted = await list({ customer: fabrikam, state: "Creating" });
    expect(counted.countsByState).toEqual({ Creating: 40 });
    // ILIKE's wildcards in the text are literal.
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("walks the whole list by keyset in every order, each row once", async () => {
    for (const sort of ["name", "state", "created", "customer"] as const) {
      const filter = { ...parseJobListParams({ sort, dir: "desc" }).params };
      const seen: string[] = [];
      let after = null;
      do {
        const batch = await jobIdsPage(t.db, filter, { after, limit: 17 });
        seen.push(...batch.ids);
        after = batch.next;
      } while (after);
      const paged = [];
      for (let page = 1; page <= 3; page++)
        paged.push(
          ...(await list({ sort, dir: "desc", page: String(page) })).rows.map((r) => r.id),
        );
      expect(seen, sort).toEqual(paged);
    }
  });
});

describe("the CSV export", () => {
  it("streams the filtered list in its order, with a header, formula-safe cells and CRLF lines", async () => {
    const filter = parseJobListParams({ customer: fabrikam, sort: "name" }).params;
    const text = await readAll(jobsCsvStream(t.db, filter, 7));
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toMatch(/^Job,Customer,Type,State,Cancelled,Percent complete,/);
    expect(lines).toHaveLength(1 + 40 + 1);
    expect(lines[1]).toMatch(
      /^list-000,"'=Fabrikam, ""Inc""",Import,Creating,no,0,0,0,0,0,0,,2026-11-01T00:00:00.000Z,/,
    );
    const jobNames = lines.slice(1, -1).map((l) => l.split(",")[0]);
    expect(jobNames).toEqual([...jobNames].sort());
  });

  it("answers text/csv as a download, and 422 for a bad parameter", async () => {
    identity.current = testIdentity(operator);
    const { GET } = (await import("@/app/api/jobs/export/route.ts")) as {
      GET: (r: Request) => Promise<Response>;
    };
    const res = await GET(
      new Request("http://localhost/api/jobs/export?type=Export&sort=complete"),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="dockside-jobs-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect((await res.text()).split("\r\n")).toHaveLength(1 + 60 + 1);
    const bad = await GET(new Request("http://localhost/api/jobs/export?from=2026-13-01"));
    expect(bad.status).toBe(422);
  });
});

describe("search everywhere", () => {
  it("finds a drive serial exactly first, then the ones that contain it", async () => {
    const hits = await searchEverything(t.db, "wd-wcc4n0search1", 5);
    expect(hits[0]).toMatchObject({ kind: "drive", label: "WD-WCC4N0SEARCH1", exact: true });
    expect(hits[0]?.detail).toBe("job list-007 · Contoso");
    const partial = await searchEverything(t.db, "SEARCH", 5);
    expect(
      partial
        .filter((h) => h.kind === "drive")
        .map((h) => h.label)
        .sort(),
    ).toEqual(["WD-WCC4N0SEARCH1", "ZA5XSEARCH2"]);
    expect(partial.every((h) => !h.exact)).toBe(true);
  });

  it("finds tracking numbers as typed with spaces, delivery and return", async () => {
    const delivery = await searchEverything(t.db, "1Z 999 AA1 01 2345 6784", 5);
    expect(delivery[0]).toMatchObject({
      kind: "tracking",
      exact: true,
      label: "1Z999AA10123456784",
    });
    expect(delivery[0]?.detail).toMatch(/^delivery package of job list-042/);
    const returned = await searchEverything(t.db, "1Z999AA10000000018", 5);
    expect(returned[0]).toMatchObject({ kind: "tracking", exact: true });
    expect(returned[0]?.detail).toMatch(/^return package of job list-007/);
  });

  it("ranks names that start with the text before those that contain it, and limits each kind", async () => {
    const hits = await searchEverything(t.db, "list-01", 5);
    const jobs = hits.filter((h) => h.kind === "job");
    expect(jobs).toHaveLength(5);
    expect(jobs.every((h) => h.label.startsWith("list-01"))).toBe(true);
    const customers = await searchEverything(t.db, "ntos", 5);
    expect(customers).toEqual([
      expect.objectContaining({
        kind: "customer",
        label: "Contoso",
        href: `/jobs?customer=${contoso}`,
      }),
    ]);
  });

  it("looks for short text exactly only, and treats wildcards as text", async () => {
    expect(await searchEverything(t.db, "li", 5)).toEqual([]);
    expect(await searchEverything(t.db, "%%%", 5)).toEqual([]);
    expect(await searchEverything(t.db, "   ", 5)).toEqual([]);
  });

  it("GET /api/search answers staff, and refuses empty or invisible text with 422", async () => {
    identity.current = testIdentity(operator);
    const { GET } = (await import("@/app/api/search/route.ts")) as {
      GET: (r: Request) => Promise<Response>;
    };
    const ok = await GET(new Request("http://localhost/api/search?q=ZA5XSEARCH2"));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { hits: { label: string; exact: boolean }[] };
    expect(body.hits[0]).toMatchObject({ label: "ZA5XSEARCH2", exact: true });
    for (const q of ["", "a%E2%80%8Bb", "x".repeat(101)]) {
      const res = await GET(new Request(`http://localhost/api/search?q=${q}`));
      expect(res.status, q).toBe(422);
    }
    identity.current = null;
    expect((await GET(new Request("http://localhost/api/search?q=abc"))).status).toBe(401);
  });
});
