import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, BEN, createCustomer, ok, RETURN_ADDRESS, STATION } from "@/test/fixtures.ts";
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

let t: TestDatabase;
let customerId: string;
const now = new Date("2026-11-02T09:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const operator = ANA;
const operator2 = BEN;
const station = STATION;
const returnAddress = RETURN_ADDRESS;
let customer: ActorRef;
let jobCounter = 0;

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

const unwrap = ok;

/** An import job in Shipping with `n` drives, as a customer would leave it (R-J1, R-D1, R-J4). */
async function shippingJob(n: number) {
  const serials = Array.from(
    { length: n },
    (_, i) => `WD-WCC4N${String(++jobCounter).padStart(3, "0")}${i}XYZ`,
  );
  const { id } = unwrap(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `job-${jobCounter}`,
        type: "Import",
        storageAccount: "store",
        drives: serials.map((serial) => ({ serial })),
      },
      now,
    ),
  );
  unwrap(
    await updateJobProperties(
      t.db,
      customer,
      id,
      {
        deliveryPackage: { carrierName: "UPS", trackingNumber: "1Z999AA10123456784" },
        returnAddress,
      },
      later(1),
    ),
  );
  unwrap(await markJobShipping(t.db, customer, id, later(2)));
  const drives = await t.db.drive.findMany({ where: { jobId: id }, orderBy: { serial: "asc" } });
  return { id, drives };
}

const eventsOf = (jobId: string) =>
  t.db.event.findMany({ where: { jobId }, orderBy: { id: "asc" } });

describe("commands: the write path", () => {
  it("R-J1 R-D1 R-J7 R-J8 R-J9 R-J10: an import job goes Creating to Completed, one event per change", async () => {
    const { id, drives } = await shippingJob(2);
    for (const d of drives) unwrap(await receiveDrive(t.db, operator, d.id, later(10)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Received");
    unwrap(await startDriveCopy(t.db, station, drives[0]!.id, later(20)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Transferring");
    unwrap(await startDriveCopy(t.db, station, drives[1]!.id, later(21)));
    for (const d of drives)
      unwrap(await finishDriveCopy(t.db, station, d.id, { errors: 0, warnings: 0 }, later(30)));
    const packaging = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(packaging.state).toBe("Packaging");
    expect(packaging.percentComplete).toBe(100);
    for (const d of drives) unwrap(await shipDriveBack(t.db, operator, d.id, later(40)));
    const job = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(job.state).toBe("Completed");
    expect(job.completedAt).toEqual(later(40));
    const events = await eventsOf(id);
    expect(events.filter((e) => e.kind === "job.state").map((e) => e.toState)).toEqual([
      "Received",
      "Transferring",
      "Packaging",
      "Completed",
    ]);
    // created, updateProperties, markShipping, 2 receive, 2 start, 2 finish, 2 ship back + 4 job steps
    expect(events).toHaveLength(3 + 8 + 4);
  });

  it("R-J12: a job whose copy met issues ends Closed", async () => {
    const { id, drives } = await shippingJob(1);
    const d = drives[0]!;
    unwrap(await receiveDrive(t.db, operator, d.id, later(10)));
    unwrap(await startDriveCopy(t.db, station, d.id, later(11)));
    const finished = unwrap(
      await finishDriveCopy(t.db, station, d.id, { errors: 3, warnings: 0 }, later(12)),
    );
    expect(finished.to).toBe("CompletedMoreInfo");
    unwrap(await shipDriveBack(t.db, operator, d.id, later(13)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Closed");
  });

  it("R-J5: a refused command changes nothing and records no event", async () => {
    const { id } = unwrap(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `bare-${++jobCounter}`,
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "ZA1B2C3D" }],
        },
        now,
      ),
    );
    const before = await t.db.job.findUniqueOrThrow({ where: { id } });
    const r = await markJobShipping(t.db, customer, id, later(1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/delivery package|return address/i);
    const after = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["job.created"]);
  });

  it("R-D3: two operators scanning one drive at once give one transition and one event", async () => {
    const { id, drives } = await shippingJob(3);
    const d = drives[0]!;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        receiveDrive(t.db, i % 2 ? operator : operator2, d.id, later(10)),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      if (!r.ok) expect(r.error.code).toBe("already_done");
    const events = (await eventsOf(id)).filter((e) => e.kind === "drive.receive");
    expect(events).toHaveLength(1);
    const drive = await t.db.drive.findUniqueOrThrow({ where: { id: d.id } });
    expect(drive.state).toBe("Received");
    expect(drive.version).toBe(1);
  });

  it("R-J7: drives of one job received concurrently move the job to Received exactly once", async () => {
    const { id, drives } = await shippingJob(6);
    const results = await Promise.all(
      drives.map((d, i) => receiveDrive(t.db, i % 2 ? operator : operator2, d.id, later(10))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const job = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(job.state).toBe("Received");
    const toReceived = (await eventsOf(id)).filter(
      (e) => e.kind === "job.state" && e.toState === "Received",
    );
    expect(toReceived).toHaveLength(1);
  });

  it("a repeated request with the same idempotency key is carried out once", async () => {
    const { id, drives } = await shippingJob(2);
    const key = `scan-${id}-1`;
    const first = await receiveDrive(t.db, operator, drives[0]!.id, later(10), {
      idempotencyKey: key,
    });
    const again = await receiveDrive(t.db, operator, drives[0]!.id, later(11), {
      idempotencyKey: key,
    });
    expect(first.ok).toBe(true);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe("already_done");
    expect((await eventsOf(id)).filter((e) => e.idempotencyKey === key)).toHaveLength(1);
  });

  it("R-J14: cancelling in Creating closes the job; in Transferring it is refused with a reason", async () => {
    const { id } = unwrap(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `cancel-${++jobCounter}`,
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "ZC9X8Y7W" }],
        },
        now,
      ),
    );
    unwrap(await cancelJob(t.db, customer, id, "Not needed any more.", later(1)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Closed");

    const busy = await shippingJob(1);
    unwrap(await receiveDrive(t.db, operator, busy.drives[0]!.id, later(10)));
    unwrap(await startDriveCopy(t.db, station, busy.drives[0]!.id, later(11)));
    const refused = await cancelJob(t.db, customer, busy.id, "Changed my mind.", later(12));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.rule).toBe("R-J14");
    expect((await t.db.job.findUniqueOrThrow({ where: { id: busy.id } })).cancelRequested).toBe(
      false,
    );
  });

  it("R-J14: a job cancelled in Shipping skips the copy and ends Closed once its drives ship back", async () => {
    const { id, drives } = await shippingJob(2);
    unwrap(await cancelJob(t.db, customer, id, "Cancelled.", later(5)));
    for (const d of drives) unwrap(await receiveDrive(t.db, operator, d.id, later(10)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Packaging");
    const copy = await startDriveCopy(t.db, station, drives[0]!.id, later(11));
    expect(copy.ok).toBe(false);
    for (const d of drives) unwrap(await shipDriveBack(t.db, operator, d.id, later(20)));
    expect((await t.db.job.findUniqueOrThrow({ where: { id } })).state).toBe("Closed");
  });
});
