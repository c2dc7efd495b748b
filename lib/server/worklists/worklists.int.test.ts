import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, ok, RETURN_ADDRESS, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";
import { finishDriveCopy, startDriveCopy } from "@/lib/server/drives/commands.ts";
import { closeDockPackage, openDockPackage, scanDriveIn } from "@/lib/server/dock/commands.ts";
import { driveLabel, packingSlip } from "@/lib/server/labels/queries.ts";
import { WORKLIST_PAGE_SIZE, pageFromParam } from "@/lib/server/worklists/paging.ts";
import {
  carrierFromParam,
  expectedPackages,
  shipBackJobs,
} from "@/lib/server/worklists/queries.ts";
import { DAY_MS } from "@/lib/domain/index.ts";
import { dhlTrackingNumber, fedexTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

// The dock's worklists and printouts, on jobs made through the same commands as the API and dock.
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;
const r = seededRandom(31);
const now = new Date("2026-12-02T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

async function shippingJob(opts: { drives: number; carrier: "DHL" | "FedEx"; shippedAt: Date }) {
  const tracking = opts.carrier === "DHL" ? dhlTrackingNumber(r) : fedexTrackingNumber(r);
  const serials = Array.from({ length: opts.drives }, (_, i) => `WL-${++n}-D${i}`);
  const at = opts.shippedAt;
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `wl-${n}`,
        type: "Import",
        storageAccount: "s",
        drives: serials.map((serial) => ({ serial })),
      },
      at,
    ),
  );
  ok(
    await updateJobProperties(
      t.db,
      customer,
      id,
      {
        deliveryPackage: { carrierName: opts.carrier, trackingNumber: tracking },
        returnAddress: RETURN_ADDRESS,
        returnShipping: { carrierName: "UPS", carrierAccountNumber: "W-77" },
      },
      at,
    ),
  );
  ok(await markJobShipping(t.db, customer, id, at));
  return { id, name: `wl-${n}`, tracking, serials };
}

const scanIn = (packageId: string, code: string) =>
  scanDriveIn(t.db, ANA, { packageId, code, scanId: randomUUID() }, now);

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db, "Worklist Traders"));
});
afterAll(() => t.drop());

describe("Expected: inbound packages of jobs in Shipping", () => {
  it("R-J6, R-E2: the overdue package leads and is marked; drives still awaited are counted", async () => {
    const fresh = await shippingJob({ drives: 2, carrier: "DHL", shippedAt: daysAgo(3) });
    const late = await shippingJob({ drives: 3, carrier: "FedEx", shippedAt: daysAgo(15) });
    const pkg = ok(
      await openDockPackage(t.db, ANA, { code: late.tracking, direction: "Inbound" }, now),
    );
    ok(await scanIn(pkg.packageId, late.serials[0]!));

    const list = await expectedPackages(t.db, { carrier: null, page: 1 }, now);
    const mine = list.packages.filter((p) => [fresh.id, late.id].includes(p.jobId));
    expect(mine.map((p) => [p.jobName, p.overdue, p.daysSinceShipping])).toEqual([
      [late.name, true, 15],
      [fresh.name, false, 3],
    ]);
    expect(mine[0]).toMatchObject({
      carrier: "FedEx",
      trackingNumber: late.tracking,
      customer: "Worklist Traders",
      drivesAwaited: 2,
      drivesListed: 3,
      dueAt: new Date(daysAgo(15).getTime() + 14 * DAY_MS),
    });
    expect(list.overdueTotal).toBe(1);
    expect(list.carriers).toEqual([
      { carrier: "DHL", jobs: 1 },
      { carrier: "FedEx", jobs: 1 },
    ]);
  });

  it("R-J6: the carrier filter keeps only that carrier's packages; an unknown one finds none", async () => {
    const dhl = await expectedPackages(t.db, { carrier: "DHL", page: 1 }, now);
    expect(dhl.packages.every((p) => p.carrier === "DHL")).toBe(true);
    expect(dhl.total).toBe(dhl.packages.length);
    const none = await expectedPackages(t.db, { carrier: "Pigeon Post", page: 1 }, now);
    expect(none).toMatchObject({ total: 0, packages: [], pageCount: 1, carrier: "Pigeon Post" });
  });

  it("the address's carrier and page are validated: junk means all carriers, page 1", () => {
    expect(carrierFromParam(" FedEx ")).toBe("FedEx");
    expect(carrierFromParam(["UPS", "DHL"])).toBe("UPS");
    expect(carrierFromParam("")).toBeNull();
    expect(carrierFromParam("a\u0000b")).toBeNull();
    expect(carrierFromParam("x".repeat(61))).toBeNull();
    expect(pageFromParam("3")).toBe(3);
    for (const bad of [undefined, "0", "-1", "1.5", "two", "1e9"])
      expect(pageFromParam(bad)).toBe(1);
  });

  it("pages hold at most one page of rows, and the last page holds the rest", async () => {
    const total = (await expectedPackages(t.db, { carrier: null, page: 1 }, now)).total;
    const beyond = await expectedPackages(t.db, { carrier: null, page: 2 }, now);
    expect(beyond.packages).toHaveLength(Math.max(0, total - WORKLIST_PAGE_SIZE));
  });
});

describe("To ship back, the drive label and the packing slip", () => {
  it("R-J9, R-D11, R-E5: a job in Packaging lists its listed and extra drives, address and carrier", async () => {
    const j = await shippingJob({ drives: 2, carrier: "DHL", shippedAt: daysAgo(2) });
    const pkg = ok(
      await openDockPackage(t.db, ANA, { code: j.tracking, direction: "Inbound" }, now),
    );
    for (const s of j.serials) ok(await scanIn(pkg.packageId, s));
    const extra = `WL-EXTRA-${n}`;
    expect(ok(await scanIn(pkg.packageId, extra)).kind).toBe("extra");
    ok(await closeDockPackage(t.db, ANA, pkg.packageId, now));
    for (const s of j.serials) {
      const d = await t.db.drive.findFirstOrThrow({ where: { serial: s } });
      ok(await startDriveCopy(t.db, STATION, d.id, now));
      ok(await finishDriveCopy(t.db, STATION, d.id, { errors: 0, warnings: 0 }, now));
    }

    const list = await shipBackJobs(t.db, { page: 1 });
    const card = list.jobs.find((x) => x.jobId === j.id);
    expect(card?.drives.map((d) => [d.serial, d.extra, d.heldBy])).toEqual([
      [j.serials[0], false, null],
      [j.serials[1], false, null],
      [extra, true, "ExtraDrive"],
    ]);
    expect(card).toMatchObject({
      customer: "Worklist Traders",
      returnCarrier: "UPS",
      returnCarrierAccount: "W-77",
      returnAddress: {
        recipientName: RETURN_ADDRESS.recipientName,
        lines: ["1 Contoso Way", "Redmond 98052", "US"],
        phone: RETURN_ADDRESS.phone,
      },
      parcels: [],
    });

    // R-E5: the extra drive's label names its job, customer and incident; its barcode is its serial.
    const extraDrive = await t.db.drive.findFirstOrThrow({ where: { serial: extra } });
    const label = await driveLabel(t.db, extraDrive.id);
    expect(label).toMatchObject({
      serial: extra,
      extra: true,
      job: { id: j.id, name: j.name, customer: "Worklist Traders" },
      incident: { kind: "ExtraDrive", rule: "R-E5", deadline: null },
    });
    expect(label?.barcode.text).toBe(extra);
    expect(label?.barcode.src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(label!.barcode.src.split(",")[1]!, "base64").toString()).toMatch(/^<svg /);

    // A listed drive is neither held nor extra: no label. Nor for an unknown or malformed id.
    const listed = await t.db.drive.findFirstOrThrow({ where: { serial: j.serials[0] } });
    expect(await driveLabel(t.db, listed.id)).toBeNull();
    expect(await driveLabel(t.db, randomUUID())).toBeNull();
    expect(await driveLabel(t.db, "not-an-id")).toBeNull();

    // R-D9, R-D11: the slip lists every drive going back, each with its own barcode.
    const slip = await packingSlip(t.db, j.id);
    expect(slip?.drives.map((d) => [d.serial, d.barcode.text, d.extra])).toEqual([
      [j.serials[0], j.serials[0], false],
      [j.serials[1], j.serials[1], false],
      [extra, extra, true],
    ]);
    expect(slip?.returnAddress?.recipientName).toBe(RETURN_ADDRESS.recipientName);
    expect(await packingSlip(t.db, "nope")).toBeNull();
  });

  it("R-E1: a drive held for a job still Creating has a label with its incident's next deadline", async () => {
    const tracking = dhlTrackingNumber(r);
    const { id } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `wl-creating-${++n}`,
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: `WL-HELD-${n}` }],
        },
        now,
      ),
    );
    ok(
      await updateJobProperties(
        t.db,
        customer,
        id,
        { deliveryPackage: { carrierName: "DHL", trackingNumber: tracking } },
        now,
      ),
    );
    const pkg = ok(await openDockPackage(t.db, ANA, { code: tracking, direction: "Inbound" }, now));
    ok(await scanIn(pkg.packageId, `WL-HELD-${n}`));
    const held = await t.db.drive.findFirstOrThrow({ where: { serial: `WL-HELD-${n}` } });
    const label = await driveLabel(t.db, held.id);
    expect(label?.extra).toBe(false);
    expect(label?.job?.id).toBe(id);
    expect(label?.incident?.rule).toBe("R-E1");
    expect(label?.incident?.deadline?.what).toBe("Contact the customer by");
    expect(label?.incident?.deadline?.at.getTime()).toBe(now.getTime() + 14 * DAY_MS);
  });
});
