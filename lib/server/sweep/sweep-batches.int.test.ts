import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, ok, RETURN_ADDRESS, SAM } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";
import { openIncident, recordIncidentOutcome } from "@/lib/server/incidents/commands.ts";
import { DAY_MS } from "@/lib/domain/index.ts";
import { dueIncidentBatch, dueJobBatch } from "./due-sql.ts";
import { runSweep } from "./sweep.ts";

let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;

const days = (d: number) => d * DAY_MS;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const year = (y: number) => new Date(`${y}-01-01T08:00:00.000Z`);
const sweep = (now: Date, batchSize?: number) =>
  runSweep(t.db, now, {
    lock: { url: t.url, schema: t.schema },
    ...(batchSize ? { batchSize } : {}),
  });

async function creatingJob(now: Date) {
  n++;
  const name = `batch-${n}`;
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name,
        type: "Import",
        storageAccount: "s",
        drives: [{ serial: `BAT${String(n).padStart(4, "0")}` }],
      },
      now,
    ),
  );
  return id;
}

async function shippingJob(now: Date) {
  const id = await creatingJob(now);
  ok(
    await updateJobProperties(
      t.db,
      customer,
      id,
      {
        deliveryPackage: { carrierName: "DHL", trackingNumber: `BTRK${n}X${Date.now()}` },
        returnAddress: RETURN_ADDRESS,
      },
      now,
    ),
  );
  ok(await markJobShipping(t.db, customer, id, now));
  return id;
}

/** Everything a sweep could write: rows with their versions, and the event count. */
async function snapshot() {
  return {
    jobs: await t.db.job.findMany({ select: { id: true, version: true, state: true } }),
    drives: await t.db.drive.findMany({ select: { id: true, version: true, state: true } }),
    incidents: await t.db.incident.findMany({ select: { id: true, version: true } }),
    events: await t.db.event.count(),
  };
}

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("the sweep selects what is due in SQL and applies it in batches", () => {
  it("nothing due touches nothing: every not-yet-due and already-handled timer is left unread", async () => {
    const base = year(2051);
    // A Creating job 1 ms before its 14 days (R-J2).
    await creatingJob(at(base, days(20) + 1));
    // A Shipping job whose package is overdue and already has its open incident (R-J6, R-E2, R-D5
    // done): each later sweep used to load it again.
    await shippingJob(base);
    expect((await sweep(at(base, days(14)))).applied.length).toBeGreaterThan(0);
    // A Shipping job whose overdue incident was resolved with a wait the customer asked for, not
    // over yet (R-E2 answer).
    const waiting = await shippingJob(at(base, days(1)));
    await sweep(at(base, days(15)));
    const incident = await t.db.incident.findFirstOrThrow({ where: { jobId: waiting } });
    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        incident.id,
        {
          outcome: "contacted",
          channel: "phone",
          result: "askedToWait",
          waitUntil: at(base, days(80)),
          note: "Asked us to wait",
        },
        at(base, days(16)),
      ),
    );
    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        incident.id,
        { outcome: "resolved", note: "They will ship later" },
        at(base, days(16)),
      ),
    );
    // An R-E1 incident whose contact deadline passed and the operators were told (R-E1).
    ok(
      await openIncident(
        t.db,
        ANA,
        { kind: "JobNotShipping", jobId: null, summary: "Drive of no known job" },
        at(base, days(1)),
      ),
    );
    const told = await sweep(at(base, days(15) + 1));
    expect(told.applied.map((e) => e.action)).toContain("returnDrives");

    // A moment when nothing is due: the package-overdue incident's 30 days are not over (day 44),
    // the wait runs to day 80, the Creating job's 14 days end at day 34 + 1 ms.
    const now = at(base, days(34));
    expect(await dueJobBatch(t.db, now, "")).toEqual([]);
    expect(await dueIncidentBatch(t.db, now, "")).toEqual([]);
    const before = await snapshot();
    const report = await sweep(now);
    expect(report).toMatchObject({
      ran: true,
      checked: { jobs: 0, incidents: 0 },
      batches: 0,
      applied: [],
      refused: [],
      errors: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("applies what is due in batches of the given size, each item once, and selects nothing else", async () => {
    const base = year(2052);
    await sweep(base); // what earlier tests left due is done before this year's jobs
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await creatingJob(base));
    const notYet = await creatingJob(at(base, days(1)));
    const now = at(base, days(14));
    expect((await dueJobBatch(t.db, now, "")).sort()).toEqual([...ids].sort());

    const report = await sweep(now, 2);
    // 5 due jobs in batches of 2: 2 + 2 + 1.
    expect(report).toMatchObject({ checked: { jobs: 5, incidents: 0 }, batches: 3, errors: [] });
    expect(
      report.applied
        .filter((e) => e.action === "expireCreating")
        .map((e) => e.jobId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(await t.db.job.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await t.db.job.findUnique({ where: { id: notYet } })).toMatchObject({
      state: "Creating",
    });
    // Idempotent: the same moment again finds nothing.
    expect(await sweep(now, 2)).toMatchObject({ checked: { jobs: 0, incidents: 0 }, batches: 0 });
  });

  it("R-J2 R-J6 R-E2 R-D5: one batch applies many due jobs, one event each; a second run changes nothing", async () => {
    const base = year(2054);
    await sweep(base);
    const expiring = [];
    for (let i = 0; i < 30; i++) expiring.push(await creatingJob(base));
    // A job whose due work is several steps, in the same batch: its own command.
    const shipping = await shippingJob(base);
    const now = at(base, days(14));
    const eventsBefore = await t.db.event.count();

    const report = await sweep(now, 50);
    expect(report).toMatchObject({ checked: { jobs: 31, incidents: 0 }, batches: 1, errors: [] });
    expect(report.refused).toEqual([]);
    const expired = report.applied.filter((e) => e.action === "expireCreating");
    expect(expired.map((e) => e.jobId).sort()).toEqual([...expiring].sort());
    expect(await t.db.job.count({ where: { id: { in: expiring } } })).toBe(0);
    // One job.expire event per job, naming it, from Creating to Deleted, by the sweep.
    const events = await t.db.event.findMany({ where: { jobId: { in: expiring } } });
    const expireEvents = events.filter((e) => e.kind === "job.expire");
    expect(expireEvents).toHaveLength(expiring.length);
    expect(new Set(expireEvents.map((e) => e.jobId)).size).toBe(expiring.length);
    for (const e of expireEvents) {
      expect(e).toMatchObject({
        actorType: "sweep",
        fromState: "Creating",
        toState: "Deleted",
        data: { rule: "R-J2" },
      });
    }
    // The Shipping job went through its own command: notice, incident, drives NeverReceived.
    expect(
      report.applied
        .filter((e) => e.jobId === shipping)
        .map((e) => e.rule)
        .sort(),
    ).toEqual(["R-D5", "R-E2", "R-J6"]);
    const written = (await t.db.event.count()) - eventsBefore;
    expect(written).toBe(
      expiring.length + report.applied.filter((e) => e.jobId === shipping).length,
    );

    // Idempotent: the same moment again selects nothing and writes nothing.
    const before = await snapshot();
    expect(await sweep(now, 50)).toMatchObject({
      checked: { jobs: 0, incidents: 0 },
      batches: 0,
      applied: [],
      refused: [],
      errors: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("R-E1: one batch tells the operators of many passed contact deadlines, one notice each; a second run changes nothing", async () => {
    const base = year(2055);
    await sweep(base);
    const ids = [];
    for (let i = 0; i < 6; i++) {
      const { id } = ok(
        await openIncident(
          t.db,
          ANA,
          { kind: "JobNotShipping", jobId: null, summary: `Drive ${i} of no known job` },
          base,
        ),
      );
      ids.push(id);
    }
    const now = at(base, days(15));
    const report = await sweep(now, 50);
    expect(report).toMatchObject({ checked: { jobs: 0, incidents: 6 }, batches: 1, errors: [] });
    expect(
      report.applied
        .filter((e) => e.action === "returnDrives")
        .map((e) => e.incidentId)
        .sort(),
    ).toEqual([...ids].sort());
    const notices = await t.db.event.findMany({
      where: { incidentId: { in: ids }, kind: "incident.deadlinePassed" },
    });
    expect(notices).toHaveLength(ids.length);
    expect(new Set(notices.map((e) => e.incidentId)).size).toBe(ids.length);
    for (const e of notices) {
      expect(e).toMatchObject({
        actorType: "sweep",
        data: { rule: "R-E1", action: "returnDrives" },
      });
    }

    const before = await snapshot();
    expect(await sweep(now, 50)).toMatchObject({
      checked: { jobs: 0, incidents: 0 },
      applied: [],
      errors: [],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a batch boundary never skips or repeats a job: the next batch starts after the last id", async () => {
    const base = year(2053);
    await sweep(base);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await creatingJob(base));
    const now = at(base, days(14));
    const first = await dueJobBatch(t.db, now, "", 3);
    expect(first).toHaveLength(3);
    const second = await dueJobBatch(t.db, now, first[2]!, 3);
    expect(second).toHaveLength(1);
    expect([...first, ...second].sort()).toEqual([...ids].sort());
  });
});
