/**
 * The live views' route handlers (docs/architecture.md: live queues poll them): GET /api/faults and
 * GET /api/incidents answer the very data their pages render, never cached, to supervisors only,
 * and what changed elsewhere since the last poll is in the next answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { SAM, createCustomer, ok, openTestSession, testIdentity } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { raiseDriveFault } from "@/lib/server/faults/commands.ts";
import { faultsPageData } from "@/lib/server/faults/queries.ts";
import { openIncidentByHand } from "@/lib/server/incidents/commands.ts";
import { incidentsPageData } from "@/lib/server/incidents/queries.ts";
import { parseFaultListParams, parseIncidentListParams } from "@/lib/validation/list-params.ts";
import type {
  FaultQueueView as FaultsPageData,
  IncidentQueueView as IncidentsPageData,
} from "@/lib/views/queues.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

let t: TestDatabase;
let customerId: string;
const users = { operator: "", supervisor: "" };
let n = 0;

type Handler = (request: Request) => Promise<Response>;
const handler = async (path: "faults" | "incidents") =>
  ((await import(`@/app/api/${path}/route.ts`)) as { GET: Handler }).GET;
const get = async (path: "faults" | "incidents", as: keyof typeof users | null) => {
  identity.current = as ? testIdentity(users[as]) : null;
  return (await handler(path))(new Request(`http://localhost/api/${path}`));
};

async function jobIn(state: "Received" | "Packaging" | "Transferring") {
  return (
    await t.db.job.create({
      data: { customerId, name: `live-${++n}`, type: "Import", storageAccount: "s", state },
    })
  ).id;
}

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  customerId = (await createCustomer(t.db, "Live Co")).customerId;
  for (const role of ["operator", "supervisor"] as const) {
    users[role] = (
      await t.db.user.create({
        data: { email: `${role}@live.test`, name: `Live ${role}`, role, passwordHash: "x" },
      })
    ).id;
    await openTestSession(t.db, users[role]);
  }
});
afterAll(() => t.drop());

describe("GET /api/faults", () => {
  it("R-F2, R-F3: a supervisor gets the queue the page renders, not cached; a new fault is in the next poll", async () => {
    const jobId = await jobIn("Received");
    const drive = await t.db.drive.create({
      data: { jobId, serial: "WD-LIVE0001", state: "Received" },
    });
    const first = await get("faults", "supervisor");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const before = (await first.json()) as FaultsPageData;
    expect(before.items.some((i) => i.id === drive.id)).toBe(false);
    expect(Date.parse(before.generatedAt)).not.toBeNaN();

    // Raised elsewhere (an operator on the job page): the next poll has it, shaped as the page's.
    const operator: ActorRef = {
      type: "user",
      id: users.operator,
      label: "Live operator",
      role: "operator",
    };
    ok(
      await raiseDriveFault(
        t.db,
        operator,
        drive.id,
        { reason: "diskCorrupted", note: "Clicks" },
        new Date(),
      ),
    );
    const after = (await (await get("faults", "supervisor")).json()) as FaultsPageData;
    const page = await faultsPageData(
      t.db,
      new Date(after.generatedAt),
      parseFaultListParams({}).params,
    );
    expect(after.items).toEqual(page.items);
    expect(after.items.find((i) => i.id === drive.id)).toMatchObject({
      kind: "drive",
      serial: "WD-LIVE0001",
      faultedFrom: "Received",
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("an operator is refused (403) and a signed-out caller (401)", async () => {
    expect((await get("faults", "operator")).status).toBe(403);
    expect((await get("faults", null)).status).toBe(401);
  });
});

describe("GET /api/incidents", () => {
  it("R-E4: an incident opened elsewhere is in the next poll, and its job leaves the jobs offered", async () => {
    const jobId = await jobIn("Packaging");
    const first = await get("incidents", "supervisor");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const before = (await first.json()) as IncidentsPageData;
    expect(before.openable.returnAddress.map((j) => j.id)).toContain(jobId);

    const { id } = ok(
      await openIncidentByHand(
        t.db,
        SAM,
        { kind: "ReturnAddressInvalid", jobId, summary: "No such street" },
        new Date(),
      ),
    );
    const after = (await (await get("incidents", "supervisor")).json()) as IncidentsPageData;
    const page = await incidentsPageData(
      t.db,
      new Date(after.generatedAt),
      parseIncidentListParams({}).params,
    );
    expect(after).toEqual(page);
    expect(after.items.find((i) => i.id === id)).toMatchObject({
      rule: "R-E4",
      status: "Open",
      job: { id: jobId, state: "Packaging" },
      deadlines: [{ label: "Destroy by", daysLeft: 90 }],
      addressCorrection: { onRecord: {} },
    });
    expect(after.openable.returnAddress.map((j) => j.id)).not.toContain(jobId);
  });

  it("an operator is refused (403) and a signed-out caller (401)", async () => {
    expect((await get("incidents", "operator")).status).toBe(403);
    expect((await get("incidents", null)).status).toBe(401);
  });
});
