import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, BEN, createCustomer, ok, RETURN_ADDRESS, SAM, STATION } from "@/test/fixtures.ts";
import type { ActorRef, UserActor } from "@/lib/server/actor.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import {
  createJob,
  markJobShipping,
  updateJobProperties,
  deleteJobFromApi,
} from "@/lib/server/jobs/commands.ts";
import { finishDriveCopy, startDriveCopy } from "@/lib/server/drives/commands.ts";
import {
  closeDockPackage,
  openDockPackage,
  scanDriveIn,
  scanDriveOut,
  undoLastScan,
  scanDrive,
} from "@/lib/server/dock/commands.ts";
import { dockPackageView } from "@/lib/server/dock/queries.ts";
import { dhlTrackingNumber, seededRandom, upsTrackingNumber } from "@/prisma/demo-data.ts";

let t: TestDatabase;
let customerId: string;
const r = seededRandom(7);
const now = new Date();
const [ana, ben, sam, station] = [ANA, BEN, SAM, STATION];
let customer: ActorRef;
let n = 0;

/**
 * The database as one command sees it, with `between` run once, right before (or after) the
 * command's first call of `model.method` inside its transaction: another command that commits in
 * the middle of this one. Only a server with concurrent transactions (PostgreSQL) can interleave
 * like this; PGlite runs one at a time.
 */
function pausedAt(
  db: Db,
  at: { model: "drive" | "job"; method: "findMany" | "findUnique"; when: "before" | "after" },
  between: () => Promise<unknown>,
): Db {
  let fired = false;
  const pause = async () => {
    if (fired) return;
    fired = true;
    await between();
  };
  const paused = (tx: Tx) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== at.model) return value;
        return new Proxy(value, {
          get(delegate, method) {
            const fn = Reflect.get(delegate, method);
            if (method !== at.method) return fn;
            return async (args: unknown) => {
              if (at.when === "before") await pause();
              const rows = await fn.call(delegate, args);
              if (at.when === "after") await pause();
              return rows;
            };
          },
        });
      },
    });
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (body: (tx: Tx) => Promise<unknown>, options?: object) =>
        target.$transaction((tx) => body(paused(tx)), options);
    },
  }) as Db;
}

/** The database, counting the transactions run on it: a command that retried ran more than one. */
function counted(db: Db): { db: Db; transactions: () => number } {
  let count = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Db["$transaction"]>) => {
        count++;
        return (target.$transaction as (...a: typeof args) => unknown)(...args);
      };
    },
  }) as Db;
  return { db: proxy, transactions: () => count };
}

/**
 * PostgreSQL only: wait until `count` sessions of this database wait for a lock (a row lock or the
 * serial's advisory lock), so a test knows a rival command is queued behind the one it paused.
 */
async function lockWaiters(db: Db, count: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((row?.n ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no session came to wait for a lock`);
}

/** An import job in Shipping whose package is a fresh DHL number, with `count` drives. */
async function shippingJob(count: number, opts: { ship?: boolean } = {}) {
  const tracking = dhlTrackingNumber(r);
  const serials = Array.from(
    { length: count },
    (_, i) => `WD-WCC4N${String(++n).padStart(4, "0")}X${i}`,
  );
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `dock-${n}`,
        type: "Import",
        storageAccount: "s",
        drives: serials.map((serial) => ({ serial })),
      },
      now,
    ),
  );
  ok(
    await updateJobProperties(
      t.db,
      customer,
      id,
      {
        deliveryPackage: { carrierName: "DHL", trackingNumber: tracking },
        returnAddress: RETURN_ADDRESS,
      },
      now,
    ),
  );
  if (opts.ship !== false) ok(await markJobShipping(t.db, customer, id, now));
  return { id, tracking, serials };
}

const open = async (code: string, direction: "Inbound" | "Return" = "Inbound") =>
  ok(await openDockPackage(t.db, ana, { code, direction }, now));
const scan = (packageId: string, code: string, actor: UserActor = ana, scanId = randomUUID()) =>
  scanDriveIn(t.db, actor, { packageId, code, scanId }, now);
const job = (id: string) => t.db.job.findUniqueOrThrow({ where: { id } });
const driveOf = (serial: string) => t.db.drive.findFirstOrThrow({ where: { serial } });

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("the receiving dock", () => {
  it("R-D3 R-J7: a package typed with spaces opens for its job; scanning every drive receives them and the job", async () => {
    const j = await shippingJob(2);
    const pkg = await open(
      `${j.tracking.slice(0, 3)} ${j.tracking.slice(3, 6)}-${j.tracking.slice(6)}`,
    );
    expect(pkg.jobNames).toEqual([`dock-${n}`]);
    const first = ok(await scan(pkg.packageId, j.serials[0]!.toLowerCase()));
    expect(first).toMatchObject({ kind: "received", tone: "success" });
    const last = ok(await scan(pkg.packageId, j.serials[1]!));
    expect(last.detail).toContain("the job is Received");
    expect((await job(j.id)).state).toBe("Received");
  });

  it("R-D3: two operators scanning one drive at once give one transition and one event; the rest hear who did it", async () => {
    // Several rounds: the race (plan on one read, write after another operator's commit) must
    // be met, not just hoped for.
    const j = await shippingJob(4);
    const pkg = await open(j.tracking);
    for (const serial of j.serials) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => scan(pkg.packageId, serial, i % 2 ? ana : ben)),
      );
      const outcomes = results.map(ok);
      expect(outcomes.filter((o) => o.kind === "received")).toHaveLength(1);
      for (const o of outcomes.filter((x) => x.kind !== "received"))
        expect(o.detail).toMatch(/Already received at \d\d:\d\d UTC by (Ana Ruiz|Ben Okafor)/);
      const drive = await driveOf(serial);
      expect(await t.db.event.count({ where: { driveId: drive.id, kind: "drive.receive" } })).toBe(
        1,
      );
      expect(drive.version).toBe(1);
    }
    expect((await job(j.id)).state).toBe("Received");
  });

  it.runIf(inject("databaseKind") === "postgresql")(
    "R-D3: a second operator's scan of a drive another scan is deciding on waits for it, then answers as a double scan",
    async () => {
      const j = await shippingJob(2);
      const pkg = await open(j.tracking);
      const serial = j.serials[0]!;
      let rival: Promise<unknown> = Promise.resolve();
      const first = await scanDrive(
        t.db,
        { actor: ana },
        { packageId: pkg.packageId, code: serial, scanId: randomUUID() },
        now,
        {
          afterFacts: async () => {
            rival = scan(pkg.packageId, serial, ben);
            await lockWaiters(t.db, 1);
          },
        },
      );
      expect(ok(first)).toMatchObject({ kind: "received" });
      const second = ok((await rival) as Awaited<ReturnType<typeof scan>>);
      expect(second).toMatchObject({ kind: "duplicate" });
      expect(second.detail).toMatch(/Already received at \d\d:\d\d UTC by Ana Ruiz/);
      const drive = await driveOf(serial);
      expect(await t.db.event.count({ where: { driveId: drive.id, kind: "drive.receive" } })).toBe(
        1,
      );
    },
  );

  it("a retried request (same scan id) is applied once and gets the first answer again", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    const id = randomUUID();
    const first = ok(await scan(pkg.packageId, j.serials[0]!, ana, id));
    const again = ok(await scan(pkg.packageId, j.serials[0]!, ana, id));
    expect(first.kind).toBe("received");
    expect(again).toEqual(first);
    expect(await t.db.event.count({ where: { idempotencyKey: `scan:${id}` } })).toBe(1);
  });

  it("the same scan id with another drive is refused (key reused) and changes nothing", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    const id = randomUUID();
    ok(await scan(pkg.packageId, j.serials[0]!, ana, id));
    const reused = await scan(pkg.packageId, j.serials[1]!, ana, id);
    expect(reused).toMatchObject({ ok: false, error: { code: "key_reused" } });
    expect((await driveOf(j.serials[1]!)).state).toBe("Specified");
    expect(await t.db.event.count({ where: { driveId: (await driveOf(j.serials[1]!)).id } })).toBe(
      0,
    );
  });

  it("R-D4 R-J7: closing a package marks the drives still missing NeverReceived, and the job is Received", async () => {
    const j = await shippingJob(3);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    ok(await scan(pkg.packageId, j.serials[1]!));
    const closed = ok(await closeDockPackage(t.db, ana, pkg.packageId, now));
    expect(closed.neverReceived).toEqual([j.serials[2]]);
    expect((await driveOf(j.serials[2]!)).state).toBe("NeverReceived");
    expect((await job(j.id)).state).toBe("Received");
    expect((await scan(pkg.packageId, j.serials[2]!)).ok).toBe(false); // closed
  });

  it("R-D10: a NeverReceived drive arriving in a later package is received", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    ok(await closeDockPackage(t.db, ana, pkg.packageId, now));
    const later = await open(dhlTrackingNumber(r));
    const o = ok(await scan(later.packageId, j.serials[1]!));
    expect(o).toMatchObject({ kind: "receivedLate", tone: "success" });
    expect((await driveOf(j.serials[1]!)).state).toBe("Received");
  });

  it("R-E1: a drive of no known job is held with an incident; so is a drive of a job still in Creating", async () => {
    const unknown = await open(dhlTrackingNumber(r));
    const o = ok(await scan(unknown.packageId, "ZA9Q8W7E"));
    expect(o).toMatchObject({ kind: "held", tone: "warning" });
    const held = await t.db.drive.findFirstOrThrow({ where: { serial: "ZA9Q8W7E" } });
    expect(held.jobId).toBeNull();
    expect(
      await t.db.incident.count({
        where: { driveId: held.id, kind: "JobNotShipping", jobId: null },
      }),
    ).toBe(1);

    const creating = await shippingJob(1, { ship: false });
    const pkg = await open(creating.tracking);
    expect(ok(await scan(pkg.packageId, creating.serials[0]!))).toMatchObject({ kind: "held" });
    expect((await driveOf(creating.serials[0]!)).state).toBe("Specified");
    expect(
      await t.db.incident.count({ where: { jobId: creating.id, kind: "JobNotShipping" } }),
    ).toBe(1);
  });

  it("R-E1: held drives of a Creating job received the normal way once it ships settle the hold's incident with the last of them", async () => {
    const creating = await shippingJob(2, { ship: false });
    const pkg = await open(creating.tracking);
    for (const serial of creating.serials)
      expect(ok(await scan(pkg.packageId, serial))).toMatchObject({ kind: "held" });
    const incident = await t.db.incident.findFirstOrThrow({
      where: { jobId: creating.id, kind: "JobNotShipping" },
    });
    ok(await markJobShipping(t.db, customer, creating.id, now));
    expect(ok(await scan(pkg.packageId, creating.serials[0]!))).toMatchObject({ kind: "received" });
    // One drive is still set aside: the incident stays open for it.
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe(
      "Open",
    );
    expect(ok(await scan(pkg.packageId, creating.serials[1]!))).toMatchObject({ kind: "received" });
    const settled = await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(settled).toMatchObject({ status: "Resolved", resolvedById: ana.id });
    expect(settled.resolution).toContain("R-E1");
    expect(
      await t.db.event.count({ where: { incidentId: incident.id, kind: "incident.resolved" } }),
    ).toBe(1);
    expect((await job(creating.id)).state).toBe("Received");
  });

  it("R-E5 R-D11: a drive not on the package's job's list is an extra drive of that job, with an incident", async () => {
    const j = await shippingJob(1);
    const pkg = await open(j.tracking);
    expect(ok(await scan(pkg.packageId, "S3Z9NB0K123456A"))).toMatchObject({
      kind: "extra",
      tone: "warning",
    });
    const extra = await t.db.drive.findFirstOrThrow({ where: { serial: "S3Z9NB0K123456A" } });
    expect(extra).toMatchObject({ jobId: j.id, extra: true, state: "Received" });
    expect(await t.db.incident.count({ where: { driveId: extra.id, kind: "ExtraDrive" } })).toBe(1);
  });

  it("an unreadable scan is refused with a clear message and changes nothing", async () => {
    const j = await shippingJob(1);
    const pkg = await open(j.tracking);
    const before = await t.db.event.count();
    const res = await scan(pkg.packageId, "??");
    expect(res.ok).toBe(false);
    expect(await t.db.event.count()).toBe(before);
  });

  it("undo: an operator takes back their own last scan; the job moves back too; the undo is an event", async () => {
    const j = await shippingJob(1);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!, ben));
    expect((await job(j.id)).state).toBe("Received");
    // Ana has no scan in this package: nothing of Ben's is hers to undo.
    expect(await undoLastScan(t.db, ana, pkg.packageId, now)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const undone = ok(await undoLastScan(t.db, ben, pkg.packageId, now));
    expect(undone.serial).toBe(j.serials[0]);
    expect((await driveOf(j.serials[0]!)).state).toBe("Specified");
    expect((await job(j.id)).state).toBe("Shipping");
    expect(await t.db.event.count({ where: { kind: "scan.undone", actorId: ben.id } })).toBe(1);
    expect((await undoLastScan(t.db, ben, pkg.packageId, now)).ok).toBe(false);
  });

  it("undo: a closed package's scans stay as they are (closing settled them)", async () => {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    ok(await closeDockPackage(t.db, ana, pkg.packageId, now));
    const res = await undoLastScan(t.db, ana, pkg.packageId, now);
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringMatching(/closed/) } });
    expect((await driveOf(j.serials[0]!)).state).toBe("Received");
  });

  it("R-E1 R-D4: closing a package does not mark a held drive of a job in Creating never received", async () => {
    const creating = await shippingJob(2, { ship: false });
    const pkg = await open(creating.tracking);
    ok(await scan(pkg.packageId, creating.serials[0]!));
    const view = await dockPackageView(t.db, pkg.packageId);
    expect(view?.missing).toEqual([]);
    expect(ok(await closeDockPackage(t.db, ana, pkg.packageId, now)).neverReceived).toEqual([]);
    expect((await driveOf(creating.serials[0]!)).state).toBe("Specified");
  });
});

describe("a drive that jobs of two customers claim (customers write their own drive lists)", () => {
  /** A customer's import job listing `serials`, shipped in `tracking` unless told otherwise. */
  async function jobOf(
    owner: { customerId: string; customer: ActorRef },
    serials: string[],
    tracking: string,
    opts: { ship?: boolean } = {},
  ) {
    const name = `claim-${++n}`;
    const { id } = ok(
      await createJob(
        t.db,
        owner.customer,
        {
          customerId: owner.customerId,
          name,
          type: "Import",
          storageAccount: "s",
          drives: serials.map((serial) => ({ serial })),
        },
        now,
      ),
    );
    ok(
      await updateJobProperties(
        t.db,
        owner.customer,
        id,
        {
          deliveryPackage: { carrierName: "UPS", trackingNumber: tracking },
          returnAddress: RETURN_ADDRESS,
        },
        now,
      ),
    );
    if (opts.ship !== false) ok(await markJobShipping(t.db, owner.customer, id, now));
    return { id, name };
  }
  let fabrikam: { customerId: string; customer: ActorRef };
  beforeAll(async () => {
    fabrikam = await createCustomer(t.db, "Fabrikam");
  });
  const contoso = () => ({ customerId, customer });

  it("R-E1 R-D3: another customer listing the victim's serial and tracking number does not get the drive: it is held, nothing of either job changes", async () => {
    const X = "VICTIM0001";
    const T = upsTrackingNumber(r);
    const victim = await jobOf(fabrikam, [X], T);
    const attacker = await jobOf(contoso(), [X], T);
    const before = await t.db.drive.findMany({ where: { serial: X }, orderBy: { id: "asc" } });
    const jobsBefore = await t.db.job.findMany({
      where: { id: { in: [victim.id, attacker.id] } },
      orderBy: { id: "asc" },
    });
    const pkg = await open(T);
    expect(pkg.jobNames.sort()).toEqual([victim.name, attacker.name].sort());
    const lastEvent = await t.db.event.findFirstOrThrow({ orderBy: { id: "desc" } });

    const scanId = randomUUID();
    const o = ok(await scan(pkg.packageId, X, ana, scanId));
    expect(o).toMatchObject({ kind: "held", tone: "warning" });
    expect(o.detail).toMatch(/More than one customer's job claims this drive/);

    // Both jobs and both listed drives exactly as they were.
    expect(
      await t.db.drive.findMany({
        where: { serial: X, jobId: { not: null } },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before);
    expect(
      await t.db.job.findMany({
        where: { id: { in: [victim.id, attacker.id] } },
        orderBy: { id: "asc" },
      }),
    ).toEqual(jobsBefore);
    // The drive is recorded with no job, held; one incident for a supervisor names both claims.
    const held = await t.db.drive.findFirstOrThrow({ where: { serial: X, jobId: null } });
    expect(held).toMatchObject({ state: "Received", inboundPackageId: pkg.packageId });
    const incidents = await t.db.incident.findMany({ where: { driveId: held.id } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: "JobNotShipping", status: "Open", jobId: null });
    expect(incidents[0]!.summary).toBe(
      `Drive ${X} arrived in UPS ${T} and is claimed by jobs ${victim.name} (Fabrikam) and ${attacker.name} (Contoso); held until a supervisor checks.`,
    );
    // One event for the scan (the hold, under the scan's key) and the incident's; none on either job.
    const events = await t.db.event.findMany({
      where: { id: { gt: lastEvent.id } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.kind, e.driveId, e.jobId, e.idempotencyKey])).toEqual([
      ["drive.held", held.id, null, `scan:${scanId}`],
      ["incident.opened", held.id, null, null],
    ]);
    // Scanned again: a double scan of the held drive, still nobody's.
    expect(ok(await scan(pkg.packageId, X, ben)).kind).toBe("duplicate");
    expect(await t.db.drive.count({ where: { serial: X } })).toBe(3);
    // R-D4: closing the package does not call the contested drive missing: it is here, set aside.
    expect((await dockPackageView(t.db, pkg.packageId))?.missing).toEqual([]);
    expect(ok(await closeDockPackage(t.db, ana, pkg.packageId, now)).neverReceived).toEqual([]);
    expect(
      await t.db.drive.count({ where: { serial: X, jobId: { not: null }, state: "Specified" } }),
    ).toBe(2);
  });

  it("R-E1 R-E5: a drive nobody lists, in a package that jobs of two customers name, is held rather than given to either", async () => {
    const T = upsTrackingNumber(r);
    const a = await jobOf(fabrikam, ["FABLISTED1"], T);
    const b = await jobOf(contoso(), ["CONLISTED1"], T);
    const pkg = await open(T);
    expect(ok(await scan(pkg.packageId, "NOBODYS001"))).toMatchObject({ kind: "held" });
    const held = await t.db.drive.findFirstOrThrow({ where: { serial: "NOBODYS001" } });
    expect(held).toMatchObject({ jobId: null, extra: false, state: "Received" });
    const incident = await t.db.incident.findFirstOrThrow({ where: { driveId: held.id } });
    expect(incident.summary).toMatch(
      new RegExp(
        `the package of jobs ${a.name} \\(Fabrikam\\) and ${b.name} \\(Contoso\\), and no job lists it`,
      ),
    );
    expect(await t.db.incident.count({ where: { jobId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("R-D3: two jobs of one customer listing a serial: the package's own job receives it, as before", async () => {
    const X = "SAMECUST01";
    const other = await jobOf(contoso(), [X], upsTrackingNumber(r));
    const T = upsTrackingNumber(r);
    const own = await jobOf(contoso(), [X], T);
    const pkg = await open(T);
    expect(ok(await scan(pkg.packageId, X))).toMatchObject({ kind: "received" });
    expect(
      await t.db.drive.findFirstOrThrow({ where: { serial: X, jobId: own.id } }),
    ).toMatchObject({ state: "Received" });
    expect(
      await t.db.drive.findFirstOrThrow({ where: { serial: X, jobId: other.id } }),
    ).toMatchObject({ state: "Specified" });
  });
});

describe("Delete Job racing a scan of the job's drive (R-E1)", () => {
  const apiCustomer = () => {
    if (customer.type !== "apiKey") throw new Error("the test customer acts through an API key");
    return customer;
  };

  it.runIf(inject("databaseKind") === "postgresql")(
    "R-E1: a delete that read the job before a drive of it was held is refused on its retry; the drive and its incident stay",
    async () => {
      const creating = await shippingJob(1, { ship: false });
      const serial = creating.serials[0]!;
      const { name } = await job(creating.id);
      const pkg = await open(creating.tracking);
      let held: unknown;
      // The delete has read the job (version, nothing held yet); the scan holds the drive and
      // commits; then the delete writes on what it read. The hold wrote the job's version, so the
      // delete's compare-and-set fails and the delete runs again on fresh data.
      const deleting = counted(t.db);
      const deleted = await deleteJobFromApi(
        pausedAt(deleting.db, { model: "job", method: "findUnique", when: "after" }, async () => {
          held = ok(await scan(pkg.packageId, serial));
        }),
        apiCustomer(),
        name,
        now,
      );
      expect(held).toMatchObject({ kind: "held" });
      expect(deleting.transactions()).toBe(2);
      expect(deleted).toMatchObject({ ok: false, error: { code: "refused" } });
      if (!deleted.ok) expect(deleted.error.message).toMatch(new RegExp(`${serial}.*R-E1`));
      expect(await t.db.job.count({ where: { id: creating.id } })).toBe(1);
      const drive = await driveOf(serial);
      expect(drive).toMatchObject({ jobId: creating.id, inboundPackageId: pkg.packageId });
      expect(
        await t.db.incident.count({
          where: { jobId: creating.id, driveId: drive.id, kind: "JobNotShipping", status: "Open" },
        }),
      ).toBe(1);
      expect(await t.db.event.count({ where: { jobId: creating.id, kind: "job.delete" } })).toBe(0);
    },
  );

  it.runIf(inject("databaseKind") === "postgresql")(
    "R-E1: a delete that commits while a scan of its drive looks wins; the scan runs again and holds the drive for no job",
    async () => {
      const creating = await shippingJob(1, { ship: false });
      const serial = creating.serials[0]!;
      const { name } = await job(creating.id);
      const pkg = await open(creating.tracking);
      // The scan holds the package and the serial; the delete (which needs neither) commits before
      // the scan reads the jobs and drives, so the scan finds no job with that drive.
      const o = await scanDrive(
        t.db,
        { actor: ana },
        { packageId: pkg.packageId, code: serial, scanId: randomUUID() },
        now,
        { afterLocks: async () => void ok(await deleteJobFromApi(t.db, apiCustomer(), name, now)) },
      );
      expect(ok(o)).toMatchObject({ kind: "held" });
      expect(await t.db.job.count({ where: { id: creating.id } })).toBe(0);
      const drive = await driveOf(serial);
      expect(drive).toMatchObject({ jobId: null, inboundPackageId: pkg.packageId });
      expect(
        await t.db.incident.count({ where: { driveId: drive.id, kind: "JobNotShipping" } }),
      ).toBe(1);
    },
  );
});

describe("shipping back", () => {
  async function copiedJob(errors: number) {
    const j = await shippingJob(2);
    const pkg = await open(j.tracking);
    for (const s of j.serials) ok(await scan(pkg.packageId, s));
    for (const s of j.serials) {
      const d = await driveOf(s);
      ok(await startDriveCopy(t.db, station, d.id, now));
      ok(await finishDriveCopy(t.db, station, d.id, { errors, warnings: 0 }, now));
    }
    expect((await job(j.id)).state).toBe("Packaging");
    return j;
  }
  const out = (
    packageId: string,
    code: string,
    actor: UserActor = ana,
    supervisorOverride = false,
  ) =>
    scanDriveOut(t.db, actor, { packageId, code, scanId: randomUUID(), supervisorOverride }, now);

  it("R-D9 R-J10: every drive scanned into a return package ships back and the job is Completed", async () => {
    const j = await copiedJob(0);
    const ret = await open(dhlTrackingNumber(r), "Return");
    ok(await out(ret.packageId, j.serials[0]!));
    const last = ok(await out(ret.packageId, j.serials[1]!));
    expect(last.detail).toContain("the job is Completed");
    expect((await job(j.id)).state).toBe("Completed");
    expect(ok(await out(ret.packageId, j.serials[1]!)).kind).toBe("duplicate");
  });

  it.runIf(inject("databaseKind") === "postgresql")(
    "R-D9: a second operator's ship-back scan of a drive another scan is deciding on waits, then is a double scan",
    async () => {
      const j = await copiedJob(0);
      const ret = await open(dhlTrackingNumber(r), "Return");
      const serial = j.serials[0]!;
      let rival: Promise<unknown> = Promise.resolve();
      const first = await scanDrive(
        t.db,
        { actor: ana },
        { packageId: ret.packageId, code: serial, scanId: randomUUID() },
        now,
        {
          afterFacts: async () => {
            rival = out(ret.packageId, serial, ben);
            await lockWaiters(t.db, 1);
          },
        },
      );
      expect(ok(first).kind).toBe("shippedBack");
      expect(ok((await rival) as Awaited<ReturnType<typeof out>>).kind).toBe("duplicate");
      const drive = await driveOf(serial);
      expect(await t.db.event.count({ where: { driveId: drive.id, kind: "drive.shipBack" } })).toBe(
        1,
      );
    },
  );

  it("R-J12: a job whose copy met errors ends Closed", async () => {
    const j = await copiedJob(2);
    const ret = await open(dhlTrackingNumber(r), "Return");
    for (const s of j.serials) ok(await out(ret.packageId, s));
    expect((await job(j.id)).state).toBe("Closed");
  });

  it("a drive whose copy is not finished goes back only with a supervisor's override", async () => {
    const j = await shippingJob(1);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    ok(await startDriveCopy(t.db, station, (await driveOf(j.serials[0]!)).id, now));
    const ret = await open(dhlTrackingNumber(r), "Return");
    expect((await out(ret.packageId, j.serials[0]!)).ok).toBe(false);
    expect((await out(ret.packageId, j.serials[0]!, sam, true)).ok).toBe(true);
    expect((await driveOf(j.serials[0]!)).state).toBe("ShippedBack");
  });
});
