import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, ok, RETURN_ADDRESS, SAM, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  cancelJob,
  createJob,
  markJobShipping,
  updateJobProperties,
} from "@/lib/server/jobs/commands.ts";
import {
  finishDriveCopy,
  receiveDrive,
  shipDriveBack,
  startDriveCopy,
} from "@/lib/server/drives/commands.ts";
import { DAY_MS, endOfUtcDay } from "@/lib/domain/index.ts";
import { recordIncidentOutcome } from "@/lib/server/incidents/commands.ts";
import { runSweep, type SweepReport } from "./sweep.ts";
import { SWEEP_LOCK_CLASS } from "./lock.ts";
import { R_E2_RESOLUTION } from "./incidents.ts";

let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;
const [ana, station, sam] = [ANA, STATION, SAM];

const days = (d: number) => d * DAY_MS;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const sweep = (now: Date) => runSweep(t.db, now, { lock: { url: t.url, schema: t.schema } });

async function creatingJob(now: Date, drives = 2) {
  n++;
  const serials = Array.from({ length: drives }, (_, i) => `SWP${String(n).padStart(4, "0")}D${i}`);
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `sweep-${n}`,
        type: "Import",
        storageAccount: "s",
        drives: serials.map((serial) => ({ serial })),
      },
      now,
    ),
  );
  return { id, name: `sweep-${n}`, serials };
}

const properties = (tracking: string) => ({
  deliveryPackage: { carrierName: "DHL", trackingNumber: tracking },
  returnAddress: RETURN_ADDRESS,
});

async function shippingJob(now: Date, drives = 2) {
  const j = await creatingJob(now, drives);
  ok(await updateJobProperties(t.db, customer, j.id, properties(`TRK${n}X${Date.now()}`), now));
  ok(await markJobShipping(t.db, customer, j.id, now));
  return j;
}

const job = (id: string) => t.db.job.findUnique({ where: { id } });
const eventsOf = (jobId: string) =>
  t.db.event.findMany({ where: { jobId }, orderBy: { id: "asc" } });
const eventCount = () => t.db.event.count();

// Each test has a year of its own, so a sweep in one never reaches the deadlines of a later one.
const year = (y: number) => new Date(`${y}-01-01T08:00:00.000Z`);

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("the life-cycle timer sweep", () => {
  it("R-J2: a Creating job is deleted at exactly 14 days, not 1 ms before; its event stays", async () => {
    const base = year(2031);
    const j = await creatingJob(base);
    const early = await sweep(at(base, days(14) - 1));
    expect(early.ran).toBe(true);
    expect((await job(j.id))?.state).toBe("Creating");
    expect(early.applied.filter((e) => e.jobId === j.id)).toEqual([]);

    const report = await sweep(at(base, days(14)));
    expect(report.applied).toContainEqual(
      expect.objectContaining({ rule: "R-J2", action: "expireCreating", jobId: j.id }),
    );
    expect(await job(j.id)).toBeNull();
    expect(await t.db.drive.count({ where: { jobId: j.id } })).toBe(0);
    const expired = (await eventsOf(j.id)).find((e) => e.kind === "job.expire");
    expect(expired).toMatchObject({
      actorType: "sweep",
      fromState: "Creating",
      toState: "Deleted",
      data: { rule: "R-J2", name: j.name },
    });
  });

  it("R-J3: Update Job Properties restarts the 14 days; the old deadline no longer deletes", async () => {
    const base = year(2032);
    const j = await creatingJob(base);
    ok(
      await updateJobProperties(t.db, customer, j.id, { logLevel: "Verbose" }, at(base, days(10))),
    );
    await sweep(at(base, days(14)));
    expect((await job(j.id))?.state).toBe("Creating");
    await sweep(at(base, days(24) - 1));
    expect((await job(j.id))?.state).toBe("Creating");
    await sweep(at(base, days(24)));
    expect(await job(j.id)).toBeNull();
  });

  it("R-J6 R-E2 R-D5: 14 days after shipping, operators are told once, one incident opens and the drives become NeverReceived", async () => {
    const base = year(2033);
    const j = await shippingJob(base);
    await sweep(at(base, days(14) - 1));
    expect(await t.db.incident.count({ where: { jobId: j.id } })).toBe(0);
    expect(await t.db.drive.count({ where: { jobId: j.id, state: "Specified" } })).toBe(2);

    const report = await sweep(at(base, days(14)));
    const mine = report.applied.filter((e) => e.jobId === j.id).map((e) => e.rule);
    expect(mine).toEqual(expect.arrayContaining(["R-J6", "R-E2", "R-D5"]));
    expect((await job(j.id))?.state).toBe("Shipping");
    const drives = await t.db.drive.findMany({ where: { jobId: j.id } });
    expect(drives.map((d) => d.state)).toEqual(["NeverReceived", "NeverReceived"]);
    const incidents = await t.db.incident.findMany({ where: { jobId: j.id } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: "PackageOverdue", status: "Open" });
    expect(incidents[0]!.answerDeadline).toEqual(at(base, days(14 + 30)));
    const overdue = (await eventsOf(j.id)).filter((e) => e.kind === "job.shippingOverdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ actorType: "sweep", incidentId: incidents[0]!.id });

    // A day later: still one notice and one incident.
    await sweep(at(base, days(15)));
    expect(await t.db.incident.count({ where: { jobId: j.id } })).toBe(1);
    expect((await eventsOf(j.id)).filter((e) => e.kind === "job.shippingOverdue")).toHaveLength(1);
  });

  it("R-E2: no answer within 30 days of the package-overdue incident: Shipping -> Closed, incident resolved", async () => {
    const base = year(2034);
    const j = await shippingJob(base);
    await sweep(at(base, days(14)));
    const incident = await t.db.incident.findFirstOrThrow({ where: { jobId: j.id } });
    await sweep(at(base, days(44) - 1));
    expect((await job(j.id))?.state).toBe("Shipping");

    const report = await sweep(at(base, days(44)));
    expect(report.applied).toContainEqual(
      expect.objectContaining({ rule: "R-E2", action: "closeJob", incidentId: incident.id }),
    );
    const closed = await job(j.id);
    expect(closed).toMatchObject({ state: "Closed", hadErrors: true });
    expect(await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "Resolved",
      resolvedAt: at(base, days(44)),
      resolution: R_E2_RESOLUTION,
    });
    const kinds = (await eventsOf(j.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["job.closeOverdue", "incident.resolved"]));
  });

  it("R-E2: a customer reached who will ship (the contact's chosen result) stops the 30-day close", async () => {
    const base = year(2035);
    const j = await shippingJob(base);
    await sweep(at(base, days(14)));
    const incident = await t.db.incident.findFirstOrThrow({ where: { jobId: j.id } });
    ok(
      await recordIncidentOutcome(
        t.db,
        sam,
        incident.id,
        {
          outcome: "contacted",
          channel: "phone",
          result: "reachedWillShip",
          // The note's words play no part: only the result chosen counts.
          note: "Left a voicemail, then they called back",
        },
        at(base, days(20)),
      ),
    );
    await sweep(at(base, days(50)));
    expect((await job(j.id))?.state).toBe("Shipping");
  });

  it("R-E2: 'called back and asked to wait' (asked to wait until a date) does not close the job at day 30, only after the wait", async () => {
    const base = year(2041);
    const j = await shippingJob(base);
    await sweep(at(base, days(14)));
    const incident = await t.db.incident.findFirstOrThrow({ where: { jobId: j.id } });
    const until = at(base, days(60));
    ok(
      await recordIncidentOutcome(
        t.db,
        sam,
        incident.id,
        {
          outcome: "contacted",
          channel: "phone",
          result: "askedToWait",
          waitUntil: until,
          note: "Customer called back and asked to wait",
        },
        at(base, days(20)),
      ),
    );
    const row = await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.answerDeadline).toEqual(endOfUtcDay(until));
    await sweep(at(base, days(45)));
    expect((await job(j.id))?.state).toBe("Shipping");
    await sweep(new Date(endOfUtcDay(until).getTime() + 1));
    expect((await job(j.id))?.state).toBe("Closed");
  });

  it("R-E2: 'no answer' and 'unreachable' keep the 30-day close, whatever the note says", async () => {
    for (const [offset, result] of [
      [2042, "noAnswer"],
      [2043, "unreachable"],
    ] as const) {
      const base = year(offset);
      const j = await shippingJob(base);
      await sweep(at(base, days(14)));
      const incident = await t.db.incident.findFirstOrThrow({ where: { jobId: j.id } });
      ok(
        await recordIncidentOutcome(
          t.db,
          sam,
          incident.id,
          { outcome: "contacted", channel: "email", result, note: "Reached their voicemail" },
          at(base, days(20)),
        ),
      );
      await sweep(at(base, days(44)));
      expect((await job(j.id))?.state, result).toBe("Closed");
    }
  });

  it("R-J11 R-J13: Completed and Closed jobs are purged after 90 days; drives go, a tombstone event stays", async () => {
    const base = year(2036);
    // Closed: cancelled before shipping (R-J14).
    const closed = await creatingJob(base);
    ok(await cancelJob(t.db, customer, closed.id, "Changed plans", base));
    // Completed: every drive received, copied and shipped back without errors (R-J10).
    const done = await shippingJob(base, 1);
    const drive = await t.db.drive.findFirstOrThrow({ where: { jobId: done.id } });
    ok(await receiveDrive(t.db, ana, drive.id, at(base, days(1))));
    ok(await startDriveCopy(t.db, station, drive.id, at(base, days(1))));
    ok(
      await finishDriveCopy(t.db, station, drive.id, { errors: 0, warnings: 0 }, at(base, days(2))),
    );
    ok(await shipDriveBack(t.db, ana, drive.id, at(base, days(3))));
    expect((await job(done.id))?.state).toBe("Completed");

    await sweep(at(base, days(90) - 1));
    expect((await job(closed.id))?.state).toBe("Closed");
    await sweep(at(base, days(90)));
    expect(await job(closed.id)).toBeNull();
    expect((await job(done.id))?.state).toBe("Completed"); // its 90 days end on day 93
    const report = await sweep(at(base, days(93)));
    expect(report.applied).toContainEqual(
      expect.objectContaining({ rule: "R-J11", action: "purge", jobId: done.id }),
    );
    expect(await job(done.id)).toBeNull();

    for (const [j, finalState, rule] of [
      [closed, "Closed", "R-J13"],
      [done, "Completed", "R-J11"],
    ] as const) {
      expect(await t.db.drive.count({ where: { jobId: j.id } })).toBe(0);
      const tombstone = (await eventsOf(j.id)).find((e) => e.kind === "job.purge");
      expect(tombstone).toMatchObject({
        actorType: "sweep",
        fromState: finalState,
        toState: "Deleted",
        data: {
          rule,
          name: j.name,
          tombstone: { finalState, type: "Import", customerId },
        },
      });
    }
    expect(await t.db.drive.count({ where: { serial: drive.serial } })).toBe(0);
  });

  it("is idempotent: a second sweep at the same now writes nothing", async () => {
    const base = year(2037);
    await creatingJob(base);
    await shippingJob(base);
    const c = await creatingJob(base);
    ok(await cancelJob(t.db, customer, c.id, "No longer needed", base));
    const now = at(base, days(120));
    const first = await sweep(now);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.errors).toEqual([]);
    const events = await eventCount();
    const jobs = await t.db.job.count();
    const incidents = await t.db.incident.findMany({ orderBy: { id: "asc" } });
    const second = await sweep(now);
    expect(second).toMatchObject({ ran: true, applied: [], refused: [], errors: [] });
    expect(await eventCount()).toBe(events);
    expect(await t.db.job.count()).toBe(jobs);
    expect(await t.db.incident.findMany({ orderBy: { id: "asc" } })).toEqual(incidents);
  });

  it("advisory lock: two sweeps at once do the work once", async () => {
    const base = year(2038);
    const j = await shippingJob(base);
    const now = at(base, days(14));
    const before = (await eventsOf(j.id)).length;
    const [a, b] = await Promise.all([sweep(now), sweep(now)]);
    const reports: SweepReport[] = [a, b];
    expect(reports.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    for (const r of reports.filter((x) => !x.ran)) expect(r.skippedReason).toMatch(/sweep/);
    expect(await t.db.incident.count({ where: { jobId: j.id } })).toBe(1);
    expect((await eventsOf(j.id)).filter((e) => e.kind === "job.shippingOverdue")).toHaveLength(1);
    // Two drives NeverReceived, one notice, one incident opened: the same as one sweep.
    const kinds = (await eventsOf(j.id)).slice(before).map((e) => e.kind);
    expect(kinds.sort()).toEqual([
      "drive.markNeverReceived",
      "drive.markNeverReceived",
      "incident.opened",
      "job.shippingOverdue",
    ]);
  });

  it("advisory lock: while another instance holds it, the sweep skips (PostgreSQL)", async () => {
    const base = year(2039);
    const j = await creatingJob(base);
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      const { rows } = await other.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked",
        [SWEEP_LOCK_CLASS, t.schema],
      );
      expect(rows[0]?.locked).toBe(true);
      const report = await sweep(at(base, days(14)));
      if (t.kind === "postgresql") {
        expect(report).toMatchObject({ ran: false, applied: [] });
        expect(report.skippedReason).toMatch(/another instance/);
        expect((await job(j.id))?.state).toBe("Creating");
      } else {
        // PGlite serves every connection from one session, where advisory locks are re-entrant:
        // there is a single process to exclude, and the in-process guard does that.
        expect(report.ran).toBe(true);
      }
    } finally {
      await other.query("SELECT pg_advisory_unlock_all()");
      await other.end();
    }
    const after = await sweep(at(base, days(14)));
    expect(after.ran).toBe(true);
    expect(await job(j.id)).toBeNull();
  });
});
