import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, ok, RETURN_ADDRESS, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";
import {
  finishDriveCopy,
  receiveDrive,
  reportDriveProgress,
  shipDriveBack,
  startDriveCopy,
} from "@/lib/server/drives/commands.ts";
import { raiseDriveFault, raiseJobFault } from "@/lib/server/faults/commands.ts";
import { openIncident } from "@/lib/server/incidents/commands.ts";
import { DAY_MS } from "@/lib/domain/index.ts";
import { dashboardFigures } from "./queries.ts";

let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;

// Noon UTC on 15 March 2061: the window is 2 March .. 15 March.
const NOW = new Date("2061-03-15T12:00:00.000Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const HOUR = 60 * 60 * 1000;

async function creatingJob(at: Date, drives = 1) {
  n++;
  const serials = Array.from({ length: drives }, (_, i) => `DSH${n}D${i}`);
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `dash-${n}`,
        type: "Import",
        storageAccount: "s",
        drives: serials.map((serial) => ({ serial })),
      },
      at,
    ),
  );
  return { id, serials };
}

async function shippingJob(at: Date, driveCount = 1) {
  const j = await creatingJob(at, driveCount);
  ok(
    await updateJobProperties(
      t.db,
      customer,
      j.id,
      {
        deliveryPackage: { carrierName: "DHL", trackingNumber: `DTRK${n}` },
        returnAddress: RETURN_ADDRESS,
      },
      at,
    ),
  );
  ok(await markJobShipping(t.db, customer, j.id, at));
  const drives = await t.db.drive.findMany({ where: { jobId: j.id }, orderBy: { serial: "asc" } });
  return { ...j, drives };
}

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));

  // Creating: one past its 14 days, one due in 12 hours, one fresh (R-J2).
  await creatingJob(ago(15));
  await creatingJob(new Date(ago(14).getTime() + 12 * HOUR));
  await creatingJob(ago(1));

  // Shipping: one package overdue with 2 drives awaited, one due in 12 hours with 1 (R-J6, R-D5).
  await shippingJob(ago(15), 2);
  await shippingJob(new Date(ago(14).getTime() + 12 * HOUR), 1);

  // Received: 3 drives, 2 in on 13 March and 1 today -> the job is Received (R-J7).
  const received = await shippingJob(ago(4), 3);
  ok(await receiveDrive(t.db, ANA, received.drives[0]!.id, ago(2)));
  ok(await receiveDrive(t.db, ANA, received.drives[1]!.id, ago(2)));
  ok(await receiveDrive(t.db, ANA, received.drives[2]!.id, ago(0)));

  // Completed: received 10 March, 2 TB copied 11 March, shipped back 12 March (R-J10).
  const done = await shippingJob(ago(8), 1);
  const drive = done.drives[0]!.id;
  ok(await receiveDrive(t.db, ANA, drive, ago(5)));
  ok(await startDriveCopy(t.db, STATION, drive, ago(5)));
  ok(
    await reportDriveProgress(
      t.db,
      STATION,
      drive,
      { percent: 100, bytesTransferred: 2_000_000_000_000n },
      ago(4),
    ),
  );
  ok(await finishDriveCopy(t.db, STATION, drive, { errors: 0, warnings: 0 }, ago(4)));
  ok(await shipDriveBack(t.db, ANA, drive, ago(3)));

  // Faults: a job faulted 2 days ago, a drive faulted 20 days ago (R-F1).
  const faultedJob = await shippingJob(ago(5), 1);
  ok(
    await raiseJobFault(
      t.db,
      ANA,
      faultedJob.id,
      { reason: "manifestFileError", note: "bad" },
      ago(2),
    ),
  );
  const faultedDrive = await shippingJob(ago(25), 1);
  ok(await receiveDrive(t.db, ANA, faultedDrive.drives[0]!.id, ago(21)));
  ok(
    await raiseDriveFault(
      t.db,
      ANA,
      faultedDrive.drives[0]!.id,
      { reason: "diskCorrupted", note: "bad" },
      ago(20),
    ),
  );

  // R-E1 incidents (14-day contact deadline): opened 20 days ago (overdue), 13.5 days ago (due in
  // 12 hours), 2 days ago (neither).
  for (const at of [ago(20), new Date(ago(14).getTime() + 12 * HOUR), ago(2)]) {
    ok(
      await openIncident(
        t.db,
        ANA,
        { kind: "JobNotShipping", jobId: null, summary: "Drive of no known job" },
        at,
      ),
    );
  }
});
afterAll(() => t.drop());

describe("the supervisors' dashboard, computed in SQL", () => {
  it("drives received and shipped back per UTC day, the last 14 days with zeros", async () => {
    const d = await dashboardFigures(t.db, NOW);
    expect(d.received.map((r) => r.day)).toHaveLength(14);
    expect(d.received[0]!.day).toBe("2061-03-02");
    expect(d.received[13]!.day).toBe("2061-03-15");
    const nonZero = (rows: { day: string; count: number }[]) =>
      Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.day, r.count]));
    // The faulted drive came in on 22 February: outside the window.
    expect(nonZero(d.received)).toEqual({ "2061-03-10": 1, "2061-03-13": 2, "2061-03-15": 1 });
    expect(nonZero(d.shippedBack)).toEqual({ "2061-03-12": 1 });
  });

  it("copy-station throughput: drives finished and bytes copied per day", async () => {
    const d = await dashboardFigures(t.db, NOW);
    expect(d.throughput.filter((r) => r.drives > 0)).toEqual([
      { day: "2061-03-11", drives: 1, bytes: 2_000_000_000_000 },
    ]);
  });

  it("backlog: every job state with its count", async () => {
    const d = await dashboardFigures(t.db, NOW);
    expect(Object.fromEntries(d.backlog.map((r) => [r.state, r.count]))).toEqual({
      Creating: 3,
      Shipping: 2,
      Received: 2, // the 3-drive job, and the job whose drive then faulted
      Transferring: 0,
      Packaging: 0,
      Completed: 1,
      Closed: 0,
      Faulted: 1,
    });
  });

  it("aging against deadlines: past them, and due within 48 hours", async () => {
    const d = await dashboardFigures(t.db, NOW);
    expect(d.aging).toEqual([
      { key: "creating", overdue: 1, dueSoon: 1 },
      { key: "shipping", overdue: 1, dueSoon: 1 },
      { key: "drives", overdue: 2, dueSoon: 1 },
      { key: "incidents", overdue: 1, dueSoon: 1 },
    ]);
  });

  it("open faults and incidents by age", async () => {
    const d = await dashboardFigures(t.db, NOW);
    expect(d.openAges).toEqual([
      { bucket: "under1d", faults: 0, incidents: 0 },
      { bucket: "1to3d", faults: 1, incidents: 1 },
      { bucket: "3to7d", faults: 0, incidents: 0 },
      { bucket: "7to14d", faults: 0, incidents: 1 },
      { bucket: "over14d", faults: 1, incidents: 1 },
    ]);
  });
});
