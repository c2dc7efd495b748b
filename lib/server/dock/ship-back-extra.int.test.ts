import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, importJob, ok, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { cancelJob, createJob } from "@/lib/server/jobs/commands.ts";
import { finishDriveCopy, startDriveCopy } from "@/lib/server/drives/commands.ts";
import {
  closeDockPackage,
  openDockPackage,
  scanDriveIn,
  scanDriveOut,
} from "@/lib/server/dock/commands.ts";
import { dockPackageView } from "@/lib/server/dock/queries.ts";
import { findApiJob } from "@/lib/server/jobs/queries.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

// R-E5, R-J12 and R-G2 through the commands the dock, the copy stations and the API use.
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;
const r = seededRandom(11);
const now = new Date();

async function shippingJob(count: number) {
  const serials = Array.from({ length: count }, (_, i) => `RET-${++n}-D${i}`);
  const spec = { name: `ret-${n}`, serials, tracking: dhlTrackingNumber(r) };
  return importJob(t.db, { customerId, customer }, spec, now);
}

const open = async (code: string, direction: "Inbound" | "Return" = "Inbound") =>
  ok(await openDockPackage(t.db, ANA, { code, direction }, now));
const scanIn = (packageId: string, code: string) =>
  scanDriveIn(t.db, ANA, { packageId, code, scanId: randomUUID() }, now);
const scanOut = (packageId: string, code: string) =>
  scanDriveOut(t.db, ANA, { packageId, code, scanId: randomUUID() }, now);
const job = (id: string) => t.db.job.findUniqueOrThrow({ where: { id } });
const driveOf = (serial: string) => t.db.drive.findFirstOrThrow({ where: { serial } });

async function copy(
  serial: string,
  report: { errors: number; warnings: number; overwrittenBlobs?: number },
) {
  const d = await driveOf(serial);
  ok(await startDriveCopy(t.db, STATION, d.id, now));
  ok(await finishDriveCopy(t.db, STATION, d.id, report, now));
}

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("extra drives go back with the job (R-E5, R-D11)", () => {
  it("R-E5: the return list shows the extra drive, and the job stays Packaging until it is out", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    for (const s of j.serials) ok(await scanIn(pkg.packageId, s));
    const extraSerial = `RET-EXTRA-${n}`;
    expect(ok(await scanIn(pkg.packageId, extraSerial)).kind).toBe("extra");
    for (const s of j.serials) await copy(s, { errors: 0, warnings: 0 });
    expect((await job(j.id)).state).toBe("Packaging");

    const ret = await open(dhlTrackingNumber(r), "Return");
    ok(await scanOut(ret.packageId, j.serials[0]!));
    const view = await dockPackageView(t.db, ret.packageId);
    const listed = view?.jobs.find((x) => x.id === j.id)?.drives ?? [];
    // Every drive going back, listed and extra: the extra one is on the list too.
    expect(listed.map((d) => [d.serial, d.extra, d.state])).toEqual([
      [j.serials[0], false, "ShippedBack"],
      [j.serials[1], false, "Completed"],
      [extraSerial, true, "Received"],
    ]);

    const lastListed = ok(await scanOut(ret.packageId, j.serials[1]!));
    expect(lastListed.detail).not.toMatch(/Every drive is back/);
    expect((await job(j.id)).state).toBe("Packaging");

    const extraOut = ok(await scanOut(ret.packageId, extraSerial));
    expect(extraOut.detail).toContain("Every drive is back: the job is Completed");
    expect(await job(j.id)).toMatchObject({ state: "Completed", percentComplete: 100 });
    expect((await driveOf(extraSerial)).state).toBe("ShippedBack");
  });

  it("R-E5: the return list never shows a drive that did not arrive", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    ok(await scanIn(pkg.packageId, j.serials[0]!));
    ok(await closeDockPackage(t.db, ANA, pkg.packageId, now)); // the other: NeverReceived (R-D4)
    await copy(j.serials[0]!, { errors: 0, warnings: 0 });
    const ret = await open(dhlTrackingNumber(r), "Return");
    ok(await scanOut(ret.packageId, j.serials[0]!));
    const view = await dockPackageView(t.db, ret.packageId);
    expect(view?.jobs.find((x) => x.id === j.id)?.drives.map((d) => d.serial)).toEqual([
      j.serials[0],
    ]);
  });
});

describe("Closed only when there were errors (R-J12)", () => {
  it("R-J12, R-D8: a drive with 0 errors, 0 warnings and 3 overwritten blobs is CompletedMoreInfo, and its job ends Completed", async () => {
    const j = await shippingJob(1);
    const pkg = await open(j.tracking);
    ok(await scanIn(pkg.packageId, j.serials[0]!));
    await copy(j.serials[0]!, { errors: 0, warnings: 0, overwrittenBlobs: 3 });
    expect((await driveOf(j.serials[0]!)).state).toBe("CompletedMoreInfo");
    expect(await job(j.id)).toMatchObject({ state: "Packaging", hadErrors: false });
    const ret = await open(dhlTrackingNumber(r), "Return");
    expect(ok(await scanOut(ret.packageId, j.serials[0]!)).detail).toContain(
      "the job is Completed",
    );
  });

  it("R-J12: warnings alone do not close the job; one error does", async () => {
    const clean = await shippingJob(1);
    const errored = await shippingJob(1);
    for (const [j, report] of [
      [clean, { errors: 0, warnings: 5 }],
      [errored, { errors: 1, warnings: 0 }],
    ] as const) {
      const pkg = await open(j.tracking);
      ok(await scanIn(pkg.packageId, j.serials[0]!));
      await copy(j.serials[0]!, report);
      const ret = await open(dhlTrackingNumber(r), "Return");
      ok(await scanOut(ret.packageId, j.serials[0]!));
    }
    expect(await job(clean.id)).toMatchObject({ state: "Completed", hadErrors: false });
    expect(await job(errored.id)).toMatchObject({ state: "Closed", hadErrors: true });
  });
});

describe("the percent says what happened (R-G2, R-J14)", () => {
  it("R-J14, R-G2: a job cancelled in Creating ends Closed at 0 %, in the database and in the Job API", async () => {
    const { id } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: "cancelled-early",
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "CANCEL-D0" }],
        },
        now,
      ),
    );
    ok(await cancelJob(t.db, customer, id, "Changed plans", now));
    expect(await job(id)).toMatchObject({ state: "Closed", percentComplete: 0 });
    const api = await findApiJob(t.db, customerId, "cancelled-early");
    expect(api?.properties).toMatchObject({ state: "Closed", percentComplete: 0 });
  });
});
