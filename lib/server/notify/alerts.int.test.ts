import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import {
  ANA,
  createCustomer,
  ok,
  openTestSession,
  RETURN_ADDRESS,
  SAM,
  testIdentity,
} from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";
import { receiveDrive } from "@/lib/server/drives/commands.ts";
import { raiseDriveFault, raiseJobFault } from "@/lib/server/faults/commands.ts";
import { openIncident } from "@/lib/server/incidents/commands.ts";
import { recordIncidentOutcome } from "@/lib/server/incidents/commands.ts";
import { DAY_MS, type IncidentKind } from "@/lib/domain/index.ts";
import type { AlertsView } from "@/lib/views/notifications.ts";
import { supervisorAlerts } from "./alerts.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));

let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;

// Noon UTC on 15 March 2061.
const NOW = new Date("2061-03-15T12:00:00.000Z");
const HOUR = 60 * 60 * 1000;
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY_MS + hours * HOUR);
const inHours = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

async function creatingJob(at: Date) {
  n++;
  const name = `alert-${n}`;
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      { customerId, name, type: "Import", storageAccount: "s", drives: [{ serial: `ALR${n}` }] },
      at,
    ),
  );
  return { id, name, serial: `ALR${n}` };
}

async function shippingJob(at: Date) {
  const j = await creatingJob(at);
  ok(
    await updateJobProperties(
      t.db,
      customer,
      j.id,
      {
        deliveryPackage: { carrierName: "DHL", trackingNumber: `ATRK${n}` },
        returnAddress: RETURN_ADDRESS,
      },
      at,
    ),
  );
  ok(await markJobShipping(t.db, customer, j.id, at));
  const drive = await t.db.drive.findFirstOrThrow({ where: { jobId: j.id } });
  return { ...j, driveId: drive.id };
}

async function incident(kind: IncidentKind, at: Date, jobId: string | null = null) {
  return ok(await openIncident(t.db, ANA, { kind, jobId, summary: "Alerts test" }, at)).id;
}

const ids = {} as Record<
  | "faultedJob"
  | "faultedDrive"
  | "creating"
  | "shipping"
  | "e1Soon"
  | "e1Later"
  | "e1Reached"
  | "e1Waited"
  | "e1Resolved"
  | "e2Soon",
  string
>;
let faultedJobName = "";
let faultedDriveSerial = "";
let faultedDriveJob = "";
let creatingName = "";
let shippingName = "";
let overdueName = "";

const users = { operator: "", supervisor: "", admin: "" };

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  for (const role of ["operator", "supervisor", "admin"] as const) {
    users[role] = (
      await t.db.user.create({
        data: { email: `${role}@alerts.test`, name: `Alerts ${role}`, role, passwordHash: "x" },
      })
    ).id;
    await openTestSession(t.db, users[role]);
  }
  ({ customerId, customer } = await createCustomer(t.db));

  // R-F1: a job faulted 2 days ago, a drive faulted 20 days ago.
  const fj = await shippingJob(ago(5));
  ok(await raiseJobFault(t.db, ANA, fj.id, { reason: "manifestFileError", note: "bad" }, ago(2)));
  ids.faultedJob = fj.id;
  faultedJobName = fj.name;
  const fd = await shippingJob(ago(25));
  ok(await receiveDrive(t.db, ANA, fd.driveId, ago(21)));
  ok(
    await raiseDriveFault(t.db, ANA, fd.driveId, { reason: "diskCorrupted", note: "bad" }, ago(20)),
  );
  ids.faultedDrive = fd.driveId;
  faultedDriveSerial = fd.serial;
  faultedDriveJob = fd.name;

  // R-J2: Creating for 13.5 days (deleted in 12 hours); one past its 14 days (the sweep's, no
  // longer a deadline ahead) and a fresh one (far from it).
  const c = await creatingJob(ago(14, 12));
  ids.creating = c.id;
  creatingName = c.name;
  await creatingJob(ago(15));
  await creatingJob(ago(1));

  // R-J6: a package due in 30 hours, and one due in 5 days.
  const s = await shippingJob(ago(14, 30));
  ids.shipping = s.id;
  shippingName = s.name;
  await shippingJob(ago(9));

  // R-E1 (14 days to reach the customer): due in 24 hours; due in 4 days; due in 12 hours but the
  // customer was reached and will act (no deadline); due in 6 hours but the customer asked us to
  // wait 5 days (the deadline moves past the 48 hours); resolved (no alert at all).
  ids.e1Soon = await incident("JobNotShipping", ago(13));
  ids.e1Later = await incident("JobNotShipping", ago(10));
  ids.e1Reached = await incident("JobNotShipping", ago(14, 12));
  ok(
    await recordIncidentOutcome(
      t.db,
      SAM,
      ids.e1Reached,
      { outcome: "contacted", channel: "phone", result: "reachedWillShip", note: "Will ship" },
      ago(1),
    ),
  );
  ids.e1Waited = await incident("JobNotShipping", ago(14, 6));
  ok(
    await recordIncidentOutcome(
      t.db,
      SAM,
      ids.e1Waited,
      {
        outcome: "contacted",
        channel: "email",
        result: "askedToWait",
        waitUntil: new Date(NOW.getTime() + 5 * DAY_MS),
        note: "Asked us to wait",
      },
      ago(1),
    ),
  );
  ids.e1Resolved = await incident("JobNotShipping", ago(13, 6));
  ok(
    await recordIncidentOutcome(
      t.db,
      SAM,
      ids.e1Resolved,
      { outcome: "resolved", note: "Sorted out by phone" },
      ago(1),
    ),
  );

  // R-E2 (30 days for the customer's answer), on a job whose package is long overdue: due in 36 h.
  const overdue = await shippingJob(ago(45));
  overdueName = overdue.name;
  ids.e2Soon = await incident("PackageOverdue", ago(30, 36), overdue.id);
});
afterAll(() => t.drop());

const deadlines = () => [
  {
    key: `creating-${ids.creating}`,
    kind: "deadline",
    rule: "R-J2",
    title: "Creating job expires",
    job: creatingName,
    href: `/jobs/${ids.creating}`,
    at: inHours(12),
  },
  {
    key: `incident-due-${ids.e1Soon}`,
    kind: "deadline",
    rule: "R-E1",
    title: "Contact deadline: drives arrived for a job that is not Shipping",
    job: null,
    href: `/incidents/${ids.e1Soon}`,
    at: inHours(24),
  },
  {
    key: `shipping-${ids.shipping}`,
    kind: "deadline",
    rule: "R-J6",
    title: "Package falls overdue",
    job: shippingName,
    href: `/jobs/${ids.shipping}`,
    at: inHours(30),
  },
  {
    key: `incident-due-${ids.e2Soon}`,
    kind: "deadline",
    rule: "R-E2",
    title: "Answer deadline: package more than 14 days late",
    job: overdueName,
    href: `/incidents/${ids.e2Soon}`,
    at: inHours(36),
  },
];

const e1Opened = (id: string, at: Date) => ({
  key: `incident-${id}`,
  kind: "incident",
  rule: "R-E1",
  title: "Drives arrived for a job that is not Shipping",
  job: null,
  href: `/incidents/${id}`,
  at: at.toISOString(),
});

const opened = () => [
  {
    key: `job-fault-${ids.faultedJob}`,
    kind: "fault",
    rule: "R-F1",
    title: "Job faulted",
    job: faultedJobName,
    href: `/faults/${ids.faultedJob}`,
    at: ago(2).toISOString(),
  },
  e1Opened(ids.e1Later, ago(10)),
  e1Opened(ids.e1Soon, ago(13)),
  e1Opened(ids.e1Reached, ago(14, 12)),
  e1Opened(ids.e1Waited, ago(14, 6)),
  {
    key: `drive-fault-${ids.faultedDrive}`,
    kind: "fault",
    rule: "R-F1",
    title: `Drive ${faultedDriveSerial} faulted`,
    job: faultedDriveJob,
    href: `/faults/${ids.faultedDrive}`,
    at: ago(20).toISOString(),
  },
  {
    key: `incident-${ids.e2Soon}`,
    kind: "incident",
    rule: "R-E2",
    title: "Package more than 14 days late",
    job: overdueName,
    href: `/incidents/${ids.e2Soon}`,
    at: ago(30, 36).toISOString(),
  },
];

describe("supervisors' alerts (issue 12), read in SQL", () => {
  it("R-F1, R-E1, R-E2, R-J2, R-J6: deadlines of the next 48 hours nearest first, then open faults and incidents newest first, each linked to its page", async () => {
    const a = await supervisorAlerts(t.db, NOW);
    expect(a).toEqual({
      generatedAt: NOW.toISOString(),
      count: 11,
      deadlines: { total: 4, alerts: deadlines() },
      opened: { total: 7, alerts: opened() },
    });
  });

  it("R-E1: no deadline alert once the customer was reached and will act, nor while the wait they asked for lasts; none at all for a resolved incident", async () => {
    const a = await supervisorAlerts(t.db, NOW);
    const keys = [...a.deadlines.alerts, ...a.opened.alerts].map((x) => x.key);
    expect(keys).not.toContain(`incident-due-${ids.e1Reached}`);
    expect(keys).not.toContain(`incident-due-${ids.e1Waited}`);
    expect(keys.filter((k) => k.includes(ids.e1Resolved))).toEqual([]);
    // The wait ends on its day: 5 days on, the waited incident's deadline is within 48 hours.
    const later = await supervisorAlerts(t.db, new Date(NOW.getTime() + 4 * DAY_MS));
    expect(later.deadlines.alerts.map((x) => x.key)).toContain(`incident-due-${ids.e1Waited}`);
  });

  it("counts every alert in SQL, beyond the ones it lists (the nearest and the newest)", async () => {
    const a = await supervisorAlerts(t.db, NOW, 2);
    expect(a.count).toBe(11);
    expect(a.deadlines).toEqual({ total: 4, alerts: deadlines().slice(0, 2) });
    expect(a.opened).toEqual({ total: 7, alerts: opened().slice(0, 2) });
    const none = await supervisorAlerts(t.db, NOW, 0);
    expect(none).toMatchObject({
      count: 11,
      deadlines: { total: 4, alerts: [] },
      opened: { total: 7, alerts: [] },
    });
  });

  it("R-J2, R-J6: a deadline leaves the alerts when it passes (the sweep's) and enters 48 hours before", async () => {
    // 13 hours on: the Creating job's deadline has passed; 48 hours before the e1Later deadline
    // (4 days away), it comes in.
    const after = await supervisorAlerts(t.db, new Date(NOW.getTime() + 13 * HOUR));
    expect(after.deadlines.alerts.map((x) => x.key)).not.toContain(`creating-${ids.creating}`);
    const twoDaysOn = await supervisorAlerts(t.db, new Date(NOW.getTime() + 2 * DAY_MS));
    expect(twoDaysOn.deadlines.alerts.map((x) => x.key)).toContain(`incident-due-${ids.e1Later}`);
  });
});

describe("GET /api/alerts (the page's live view and the navigation's badge)", () => {
  const get = async (query: string, as: keyof typeof users | null) => {
    identity.current = as ? testIdentity(users[as]) : null;
    const { GET } = await import("@/app/api/alerts/route.ts");
    return GET(new Request(`http://localhost/api/alerts${query}`), { params: Promise.resolve({}) });
  };

  it("gives a supervisor the alerts at the time of asking, not cached; ?view=count only the counts", async () => {
    const full = await get("", "supervisor");
    expect(full.status).toBe(200);
    expect(full.headers.get("cache-control")).toBe("no-store");
    const body = (await full.json()) as AlertsView;
    expect(body).toEqual(await supervisorAlerts(t.db, new Date(body.generatedAt)));
    // Today, the fixture's deadlines of 2061 are far off; its faults and incidents are open.
    expect(body.opened.total).toBe(7);
    const counted = (await (await get("?view=count", "supervisor")).json()) as AlertsView;
    expect(counted).toMatchObject({
      count: body.count,
      deadlines: { total: body.deadlines.total, alerts: [] },
      opened: { total: 7, alerts: [] },
    });
  });

  it("refuses a view it does not know (422), an operator and an admin (403), a signed-out caller (401)", async () => {
    const bad = await get("?view=all", "supervisor");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("view=count");
    expect((await get("", "operator")).status).toBe(403);
    expect((await get("", "admin")).status).toBe(403);
    expect((await get("", null)).status).toBe(401);
  });
});

describe("at scale", () => {
  it("R-F1: 300 faulted jobs are 300 alerts, the 50 newest listed (the count is never the list's length)", async () => {
    const big = await freshDatabase();
    try {
      const { customerId: owner } = await createCustomer(big.db, "Many Faults Co");
      await big.db.job.createMany({
        data: Array.from({ length: 300 }, (_, i) => ({
          customerId: owner,
          name: `many-${String(i).padStart(3, "0")}`,
          type: "Import" as const,
          storageAccount: "s",
          state: "Faulted" as const,
          faultedFrom: "Received" as const,
          stateChangedAt: new Date(NOW.getTime() - (i + 1) * HOUR),
        })),
      });
      const a = await supervisorAlerts(big.db, NOW);
      expect(a.count).toBe(300);
      expect(a.opened.total).toBe(300);
      expect(a.opened.alerts.map((x) => x.job)).toEqual(
        Array.from({ length: 50 }, (_, i) => `many-${String(i).padStart(3, "0")}`),
      );
    } finally {
      await big.drop();
    }
  });
});
