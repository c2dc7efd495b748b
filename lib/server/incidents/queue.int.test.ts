import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomer, openTestSession, testIdentity } from "@/test/fixtures.ts";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import type { IncidentKind } from "@/lib/domain/incidents.ts";
import { faultQueue } from "@/lib/server/faults/queries.ts";
import { incidentQueue } from "@/lib/server/incidents/queries.ts";
import {
  parseFaultListParams,
  parseIncidentListParams,
  type RawParams,
} from "@/lib/validation/list-params.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

const DAY = 86_400_000;
const NOW = new Date("2026-12-02T12:00:00Z");
let t: TestDatabase;
let contoso: string;
let fabrikam: string;
let supervisor: string;
let n = 0;

async function jobOf(customerId: string, state = "Shipping" as const) {
  return t.db.job.create({
    data: { customerId, name: `queue-${++n}`, type: "Import", storageAccount: "s", state },
  });
}

/** An incident with the deadline given in days from NOW (negative: overdue). */
async function incident(
  customerId: string,
  kind: IncidentKind,
  deadlineDays: number | null,
  openedDaysAgo: number,
  status: "Open" | "Resolved" = "Open",
) {
  const job = await jobOf(customerId);
  const at = deadlineDays === null ? null : new Date(NOW.getTime() + deadlineDays * DAY);
  return t.db.incident.create({
    data: {
      kind,
      status,
      jobId: job.id,
      summary: `incident ${n}`,
      openedAt: new Date(NOW.getTime() - openedDaysAgo * DAY),
      answerDeadline: kind === "PackageOverdue" ? at : null,
      destructionDeadline: kind === "ReturnAddressInvalid" ? at : null,
      contactDeadline: kind === "JobNotShipping" ? at : null,
      ...(status === "Resolved" ? { resolvedAt: NOW, resolution: "done" } : {}),
    },
  });
}

const queue = (raw: RawParams) => incidentQueue(t.db, NOW, parseIncidentListParams(raw).params);
const ids = async (raw: RawParams) => (await queue(raw)).items.map((i) => i.id);

let overdue: string, soon: string, later: string, none: string, other: string, resolved: string;

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  contoso = (await createCustomer(t.db, "Contoso")).customerId;
  fabrikam = (await createCustomer(t.db, "Fabrikam")).customerId;
  supervisor = (
    await t.db.user.create({
      data: { email: "sup@queue.test", name: "Sup", role: "supervisor", passwordHash: "x" },
    })
  ).id;
  await openTestSession(t.db, supervisor);
  overdue = (await incident(contoso, "PackageOverdue", -2, 40)).id;
  soon = (await incident(contoso, "JobNotShipping", 1, 13)).id;
  later = (await incident(contoso, "ReturnAddressInvalid", 60, 30)).id;
  none = (await incident(contoso, "ExtraDrive", null, 50)).id;
  other = (await incident(fabrikam, "PackageOverdue", 5, 25)).id;
  resolved = (await incident(contoso, "PackageOverdue", 3, 20, "Resolved")).id;
});
afterAll(() => t.drop());

describe("the incident queue (R-E1..R-E5)", () => {
  it("lists open incidents by nearest deadline, those without one last, with counts", async () => {
    const q = await queue({});
    expect(q.items.map((i) => i.id)).toEqual([overdue, soon, other, later, none]);
    expect(q.total).toBe(5);
    expect(q.counts).toEqual({
      open: 5,
      overdue: 1,
      dueIn48h: 1,
      byRule: { "R-E1": 1, "R-E2": 2, "R-E3": 0, "R-E4": 1, "R-E5": 1 },
    });
    expect(q.items[0]).toMatchObject({
      rule: "R-E2",
      customer: { name: "Contoso" },
      deadlines: [{ label: "Answer by", daysLeft: -2 }],
    });
  });

  it("filters by rule, customer, deadline within N days and overdue (either, when both)", async () => {
    expect(await ids({ rule: "R-E2" })).toEqual([overdue, other]);
    expect(await ids({ customer: fabrikam })).toEqual([other]);
    expect(await ids({ due: "7" })).toEqual([soon, other]);
    expect(await ids({ overdue: "1" })).toEqual([overdue]);
    expect(await ids({ due: "2", overdue: "1" })).toEqual([overdue, soon]);
    expect(await ids({ rule: "R-E2", customer: contoso })).toEqual([overdue]);
    expect((await queue({ customer: fabrikam })).counts.open).toBe(1);
    expect(await ids({ status: "resolved" })).toEqual([resolved]);
  });

  it("sorts by deadline, opened, rule and job, either way, ties broken by id", async () => {
    expect(await ids({ sort: "deadline", dir: "desc" })).toEqual([
      later,
      other,
      soon,
      overdue,
      none,
    ]);
    expect(await ids({ sort: "opened", dir: "asc" })).toEqual([none, overdue, later, other, soon]);
    const byRule = (await queue({ sort: "rule" })).items.map((i) => i.rule);
    expect(byRule).toEqual(["R-E1", "R-E2", "R-E2", "R-E4", "R-E5"]);
    const byJob = (await queue({ sort: "job", dir: "desc" })).items.map((i) => i.job?.name);
    expect(byJob).toEqual([...byJob].sort().reverse());
  });

  it("pages 25 at a time without overlap; a page past the last shows the last", async () => {
    for (let i = 0; i < 26; i++) await incident(fabrikam, "ExtraDrive", null, 1);
    const first = await queue({ customer: fabrikam, sort: "opened" });
    const second = await queue({ customer: fabrikam, sort: "opened", page: "2" });
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2, pageSize: 25 });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(2);
    const all = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(all).size).toBe(27);
    expect((await queue({ customer: fabrikam, page: "9" })).page).toBe(2);
  });
});

describe("GET /api/incidents and /api/faults with filters", () => {
  const get = async (path: string) => {
    identity.current = testIdentity(supervisor);
    const [route, query = ""] = path.split("?");
    const mod = (await import(`@/app/api/${route}/route.ts`)) as {
      GET: (r: Request) => Promise<Response>;
    };
    return mod.GET(new Request(`http://localhost/api/${route}?${query}`));
  };

  it("answers the page's data for the same filters", async () => {
    const res = await get(`incidents?rule=R-E2&customer=${contoso}&overdue=1`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[]; total: number };
    expect(body.items.map((i) => i.id)).toEqual([overdue]);
    expect(body.total).toBe(1);
  });

  it("refuses a bad parameter with 422 and the sentence, never a 500", async () => {
    for (const [path, words] of [
      ["incidents?due=soon", /“due” is a whole number/],
      ["incidents?rule=E-7", /“rule” is one of/],
      ["incidents?page=0", /“page”/],
      ["faults?customer=nope", /customer's id/],
      ["faults?sort=drop%20table", /“sort”/],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(422);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(words);
    }
  });
});

describe("the faults queue (R-F2, R-F3)", () => {
  let jobFault: string, driveFault: string, waitingFault: string;

  beforeAll(async () => {
    const j1 = await jobOf(contoso, "Shipping");
    jobFault = (
      await t.db.job.update({
        where: { id: j1.id },
        data: {
          state: "Faulted",
          faultedFrom: "Received",
          stateChangedAt: new Date(NOW.getTime() - 5 * DAY),
        },
      })
    ).id;
    const j2 = await jobOf(fabrikam, "Shipping");
    await t.db.job.update({ where: { id: j2.id }, data: { state: "Received" } });
    driveFault = (
      await t.db.drive.create({
        data: {
          jobId: j2.id,
          serial: "WD-QUEUE0001",
          state: "Faulted",
          faultedFrom: "Received",
          stateChangedAt: new Date(NOW.getTime() - 1 * DAY),
        },
      })
    ).id;
    waitingFault = (
      await t.db.drive.create({
        data: {
          jobId: j2.id,
          serial: "WD-QUEUE0002",
          state: "Faulted",
          faultedFrom: "Received",
          stateChangedAt: new Date(NOW.getTime() - 3 * DAY),
        },
      })
    ).id;
    // The customer asked us to wait until tomorrow about the second drive.
    await t.db.contactAttempt.create({
      data: {
        jobId: j2.id,
        driveId: waitingFault,
        channel: "phone",
        at: new Date(NOW.getTime() - DAY),
        result: "askedToWait",
        waitUntil: new Date(NOW.getTime() + DAY),
        outcome: "call back",
        byUserId: supervisor,
      },
    });
  });

  const faults = async (raw: RawParams) =>
    (await faultQueue(t.db, NOW, parseFaultListParams(raw).params)).items.map((i) => i.id);

  it("lists faulted jobs and drives together, oldest first, with counts", async () => {
    const q = await faultQueue(t.db, NOW, parseFaultListParams({}).params);
    expect(q.items.map((i) => i.id)).toEqual([jobFault, waitingFault, driveFault]);
    expect(q.counts).toEqual({ open: 3, jobs: 1, drives: 2, followUpOverdue: 0 });
    expect(q.items[1]).toMatchObject({ kind: "drive", serial: "WD-QUEUE0002", contactCount: 1 });
  });

  it("filters by kind, customer, age and follow-up day; sorts either way", async () => {
    expect(await faults({ kind: "job" })).toEqual([jobFault]);
    expect(await faults({ customer: fabrikam })).toEqual([waitingFault, driveFault]);
    expect(await faults({ age: "2" })).toEqual([jobFault, waitingFault]);
    expect(await faults({ due: "2" })).toEqual([waitingFault]);
    expect(await faults({ overdue: "1" })).toEqual([]);
    expect(await faults({ dir: "desc" })).toEqual([driveFault, waitingFault, jobFault]);
    expect(await faults({ sort: "due" })).toEqual([waitingFault, jobFault, driveFault]);
    // Two days after the day asked for, the follow-up is overdue.
    const later = new Date(NOW.getTime() + 3 * DAY);
    const overdueLater = await faultQueue(
      t.db,
      later,
      parseFaultListParams({ overdue: "1" }).params,
    );
    expect(overdueLater.items.map((i) => i.id)).toEqual([waitingFault]);
    expect(overdueLater.counts.followUpOverdue).toBe(1);
  });
});
