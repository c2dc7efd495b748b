import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, BEN, createCustomer, importJob, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  closeDockPackage,
  openDockPackage,
  advanceDockPackage,
  scanDrive,
} from "@/lib/server/dock/commands.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

// The dock floor's second version (issue 13) through the commands the dock page calls: a typo asks
// before it becomes an extra drive (R-E5, R-D11), and the next label closes a complete package.

const onPostgres = inject("databaseKind") === "postgresql";
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;
const r = seededRandom(13);
const now = new Date();

async function shippingJob(serials: string[]) {
  const spec = { name: `floor-${++n}`, serials, tracking: dhlTrackingNumber(r) };
  return importJob(t.db, { customerId, customer }, spec, now);
}

const open = async (code: string) =>
  ok(await openDockPackage(t.db, ANA, { code, direction: "Inbound" }, now));
const scan = (packageId: string, code: string, more: { confirmExtra?: boolean } = {}) =>
  scanDrive(t.db, { actor: ANA }, { packageId, code, scanId: randomUUID(), ...more }, now);
const counts = async (jobId: string) => ({
  drives: await t.db.drive.count({ where: { jobId } }),
  events: await t.db.event.count({ where: { jobId } }),
  incidents: await t.db.incident.count({ where: { jobId } }),
  idempotency: await t.db.idempotencyRecord.count(),
});

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("a typo is not an extra drive (R-E5, R-D11)", () => {
  it("R-E5: one character off an expected drive asks 'did you mean' and changes nothing", async () => {
    const j = await shippingJob([`UX4513${n}66K2`, `WD-FLOOR${n}0001`]);
    const pkg = await open(j.tracking);
    const typo = j.serials[0]!.replace("66K2", "66K3");
    const before = await counts(j.id);
    const asked = ok(await scan(pkg.packageId, typo));
    expect(asked).toMatchObject({
      kind: "nearMatch",
      tone: "warning",
      serial: typo,
      title: `Did you mean ${j.serials[0]}?`,
      confirmSerial: typo,
    });
    expect(asked.detail).toContain("scan it again");
    // Nothing at all: no drive, no event, no incident, not even a stored answer.
    expect(await counts(j.id)).toEqual(before);
    expect(await t.db.drive.count({ where: { serial: typo } })).toBe(0);
  });

  it("R-E5: two swapped neighbours are a near match too; the right serial is then received", async () => {
    const j = await shippingJob([`SW${n}AB12345678`]);
    const pkg = await open(j.tracking);
    const swapped = j.serials[0]!.replace("AB", "BA");
    expect(ok(await scan(pkg.packageId, swapped)).kind).toBe("nearMatch");
    expect(ok(await scan(pkg.packageId, j.serials[0]!)).kind).toBe("received");
  });

  it("R-E5 R-D11: the same serial confirmed is recorded as an extra drive, once, with its incident", async () => {
    const j = await shippingJob([`CF${n}X0000001`]);
    const pkg = await open(j.tracking);
    const typo = j.serials[0]!.replace(/1$/, "2");
    expect(ok(await scan(pkg.packageId, typo)).kind).toBe("nearMatch");
    // The confirmation, sent twice at once (a double trigger): one extra drive, one incident.
    const [a, b] = await Promise.all([
      scan(pkg.packageId, typo, { confirmExtra: true }),
      scan(pkg.packageId, typo, { confirmExtra: true }),
    ]);
    expect([ok(a).kind, ok(b).kind].sort()).toEqual(["duplicate", "extra"]);
    const extra = await t.db.drive.findFirstOrThrow({ where: { serial: typo } });
    expect(extra).toMatchObject({ jobId: j.id, extra: true, state: "Received" });
    expect(await t.db.incident.count({ where: { driveId: extra.id, kind: "ExtraDrive" } })).toBe(1);
    expect(await t.db.event.count({ where: { driveId: extra.id, kind: "drive.extra" } })).toBe(1);
    // Scanned again later without the confirmation: a double scan, never a question.
    expect(ok(await scan(pkg.packageId, typo)).kind).toBe("duplicate");
  });

  it("R-E5: a retry of a confirmation with its scan id gets the first answer; another body with that id is refused", async () => {
    const j = await shippingJob([`RT${n}Y0000001`]);
    const pkg = await open(j.tracking);
    const typo = j.serials[0]!.replace(/1$/, "9");
    const scanId = randomUUID();
    const first = ok(
      await scanDrive(
        t.db,
        { actor: ANA },
        { packageId: pkg.packageId, code: typo, scanId, confirmExtra: true },
        now,
      ),
    );
    expect(first.kind).toBe("extra");
    const again = ok(
      await scanDrive(
        t.db,
        { actor: ANA },
        { packageId: pkg.packageId, code: typo, scanId, confirmExtra: true },
        now,
      ),
    );
    expect(again).toEqual(first);
    const other = await scanDrive(
      t.db,
      { actor: ANA },
      { packageId: pkg.packageId, code: typo, scanId },
      now,
    );
    expect(other.ok).toBe(false);
  });

  it("R-E5: far from every expected drive (three edits or more), an extra drive is recorded at once", async () => {
    const j = await shippingJob([`FAR${n}Q0000001`]);
    const pkg = await open(j.tracking);
    expect(ok(await scan(pkg.packageId, "S3Z9NB0K123456A")).kind).toBe("extra");
  });

  it("R-E5: only drives still expected are suggested: a received one is not", async () => {
    const j = await shippingJob([`GONE${n}00001`, `GONE${n}00077`]);
    const pkg = await open(j.tracking);
    expect(ok(await scan(pkg.packageId, j.serials[0]!)).kind).toBe("received");
    const typo = j.serials[0]!.replace(/1$/, "2");
    const asked = ok(await scan(pkg.packageId, typo));
    // GONE..00001 is in; GONE..00077 is two edits away and still expected.
    expect(asked.title).toBe(`Did you mean ${j.serials[1]}?`);
  });

  it("R-D3: a mistyped 12-digit FedEx label scanned as a drive says it is a mistyped label, and records nothing until confirmed", async () => {
    const j = await shippingJob([`FX${n}ZZ000001`]);
    const pkg = await open(j.tracking);
    const before = await counts(j.id);
    const asked = ok(await scan(pkg.packageId, "123456789013"));
    expect(asked).toMatchObject({ kind: "mistypedLabel", confirmSerial: "123456789013" });
    expect(asked.detail).toContain("That FedEx number's check digit does not match");
    expect(await counts(j.id)).toEqual(before);
    expect(ok(await scan(pkg.packageId, "123456789013", { confirmExtra: true })).kind).toBe(
      "extra",
    );
  });

  it("R-E1: in a package of no job a mistyped label asks too, then the confirmed serial is held", async () => {
    const pkg = await open(dhlTrackingNumber(r));
    expect(ok(await scan(pkg.packageId, "987654321090")).kind).toBe("mistypedLabel");
    expect(await t.db.drive.count({ where: { serial: "987654321090", jobId: null } })).toBe(0);
    expect(ok(await scan(pkg.packageId, "987654321090", { confirmExtra: true })).kind).toBe("held");
  });

  it("R-D3: a listed serial that looks like a label is received, never questioned", async () => {
    const j = await shippingJob(["555123456780"]);
    const pkg = await open(j.tracking);
    expect(ok(await scan(pkg.packageId, "555123456780")).kind).toBe("received");
  });
});

describe("the next label closes a complete package (R-D4)", () => {
  it("R-D4: every expected drive in: the next label closes it and opens the next, with a summary", async () => {
    const j = await shippingJob([`NX${n}A000001`, `NX${n}A000002`]);
    const next = await shippingJob([`NX${n}B000001`]);
    const pkg = await open(j.tracking);
    for (const s of j.serials) expect(ok(await scan(pkg.packageId, s)).kind).toBe("received");
    const extraSerial = `NXEXTRA${n}QQQQQQ`;
    expect(ok(await scan(pkg.packageId, extraSerial)).kind).toBe("extra");

    const advanced = ok(
      await advanceDockPackage(
        t.db,
        ANA,
        { fromPackageId: pkg.packageId, code: next.tracking },
        now,
      ),
    );
    expect(advanced.opened).toMatchObject({ trackingNumber: next.tracking, jobNames: [next.name] });
    expect(advanced.closed?.drives).toEqual(
      [
        { serial: j.serials[0], jobName: j.name, outcome: "received" },
        { serial: j.serials[1], jobName: j.name, outcome: "received" },
        { serial: extraSerial, jobName: j.name, outcome: "extra" },
      ].sort((a, b) => a.serial!.localeCompare(b.serial!)),
    );
    const closed = await t.db.package.findUniqueOrThrow({ where: { id: pkg.packageId } });
    expect(closed.closedAt).not.toBeNull();
    expect(
      await t.db.event.count({ where: { packageId: pkg.packageId, kind: "package.closed" } }),
    ).toBe(1);
    expect(
      await t.db.package.findFirstOrThrow({ where: { trackingNumber: next.tracking } }),
    ).toMatchObject({ id: advanced.opened.packageId, closedAt: null });
    // A scan into the closed package is refused, as after any close.
    const late = await scan(pkg.packageId, j.serials[0]!);
    expect(late.ok ? late.value.kind : late.error.message).toMatch(/^Package closed/);
  });

  it("R-D4: a drive still missing: nothing changes, and the answer names it", async () => {
    const j = await shippingJob([`MS${n}A000001`, `MS${n}A000002`]);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    const nextTracking = dhlTrackingNumber(r);
    const refused = await advanceDockPackage(
      t.db,
      ANA,
      { fromPackageId: pkg.packageId, code: nextTracking },
      now,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe("conflict");
      expect(refused.error.message).toContain(j.serials[1]);
      expect(refused.error.message).toContain("Alt+C");
    }
    expect(
      (await t.db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).closedAt,
    ).toBeNull();
    expect(await t.db.package.count({ where: { trackingNumber: nextTracking } })).toBe(0);
    expect((await t.db.drive.findFirstOrThrow({ where: { serial: j.serials[1] } })).state).toBe(
      "Specified",
    );
  });

  it("its own label again: nothing closes", async () => {
    const j = await shippingJob([`OWN${n}A000001`]);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    const again = await advanceDockPackage(
      t.db,
      ANA,
      { fromPackageId: pkg.packageId, code: j.tracking },
      now,
    );
    expect(again.ok).toBe(false);
    expect(
      (await t.db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).closedAt,
    ).toBeNull();
  });

  it("already closed by someone else: the next one still opens, with no summary", async () => {
    const j = await shippingJob([`CL${n}A000001`]);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    ok(await closeDockPackage(t.db, BEN, pkg.packageId, now));
    const nextTracking = dhlTrackingNumber(r);
    const advanced = ok(
      await advanceDockPackage(
        t.db,
        ANA,
        { fromPackageId: pkg.packageId, code: nextTracking },
        now,
      ),
    );
    expect(advanced.closed).toBeNull();
    expect(advanced.opened.trackingNumber).toBe(nextTracking);
  });

  it.runIf(onPostgres)(
    "R-D4 on PostgreSQL: the next label racing the last drive's scan: the scan is always received, and the package closes only with every drive in",
    async () => {
      for (let round = 0; round < 6; round++) {
        const j = await shippingJob([`RC${n}A000001`, `RC${n}A000002`]);
        const pkg = await open(j.tracking);
        ok(await scan(pkg.packageId, j.serials[0]!));
        const nextTracking = dhlTrackingNumber(r);
        const [scanned, advanced] = await Promise.all([
          scan(pkg.packageId, j.serials[1]!),
          advanceDockPackage(t.db, BEN, { fromPackageId: pkg.packageId, code: nextTracking }, now),
        ]);
        const closed = (await t.db.package.findUniqueOrThrow({ where: { id: pkg.packageId } }))
          .closedAt;
        const last = await t.db.drive.findFirstOrThrow({ where: { serial: j.serials[1] } });
        // The scan always lands first or the close refuses: never a closed package with a missing drive.
        expect(scanned.ok && scanned.value.kind).toBe("received");
        expect(last.state).toBe("Received");
        if (advanced.ok) {
          expect(closed).not.toBeNull();
          expect(advanced.value.closed?.drives.map((d) => d.outcome)).toEqual([
            "received",
            "received",
          ]);
        } else {
          expect(advanced.error.code).toBe("conflict");
          expect(closed).toBeNull();
          expect(await t.db.package.count({ where: { trackingNumber: nextTracking } })).toBe(0);
        }
      }
    },
  );

  it.runIf(onPostgres)(
    "on PostgreSQL: two operators scan the next label at once: one closes, one opens the same next package",
    async () => {
      const j = await shippingJob([`TW${n}A000001`]);
      const pkg = await open(j.tracking);
      ok(await scan(pkg.packageId, j.serials[0]!));
      const nextTracking = dhlTrackingNumber(r);
      const answers = await Promise.all([
        advanceDockPackage(t.db, ANA, { fromPackageId: pkg.packageId, code: nextTracking }, now),
        advanceDockPackage(t.db, BEN, { fromPackageId: pkg.packageId, code: nextTracking }, now),
      ]);
      const values = answers.map((a) => ok(a));
      expect(values.filter((v) => v.closed !== null)).toHaveLength(1);
      expect(new Set(values.map((v) => v.opened.packageId)).size).toBe(1);
      expect(
        await t.db.event.count({ where: { packageId: pkg.packageId, kind: "package.closed" } }),
      ).toBe(1);
    },
  );
});
