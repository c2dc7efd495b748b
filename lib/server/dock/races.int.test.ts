/**
 * The dock under concurrency (issue 9): every race ends in exactly one effect and a sentence, never
 * a 500, a deadlock or a duplicate row. N operators at once, N = 2, 10 and 50, on PostgreSQL (the
 * embedded PGlite serves one transaction at a time, so nothing there runs concurrently), each
 * asserting rows and events. Then a random mix of scans, closes, undos and ship-backs, and a
 * history check: every drive's state is the fold of its events.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, BEN, createCustomer, ok, RETURN_ADDRESS, SAM, STATION } from "@/test/fixtures.ts";
import type { ActorRef, UserActor } from "@/lib/server/actor.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";
import { finishDriveCopy, startDriveCopy } from "@/lib/server/drives/commands.ts";
import {
  closeDockPackage,
  openDockPackage,
  scanDrive,
  undoLastScan,
} from "@/lib/server/dock/commands.ts";
import type { CommandResult } from "@/lib/server/command.ts";
import type { ScanOutcome } from "@/lib/dock-outcomes.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

const onPostgres = inject("databaseKind") === "postgresql";
const now = new Date("2026-12-01T09:00:00Z");
const r = seededRandom(909);
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let n = 0;

/** Operators, each a user of their own (the scan's own statement re-reads them). */
const operators: UserActor[] = Array.from({ length: 50 }, (_, i) => ({
  type: "user",
  id: `u-op-${i}`,
  label: `Operator ${i}`,
  role: "operator",
}));

/** PostgreSQL counts the deadlocks it broke, per database (pg_stat_database). */
async function deadlocks(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT deadlocks::text AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
let deadlocksBefore = 0;

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
  if (onPostgres) deadlocksBefore = await deadlocks(t.url);
});
afterAll(async () => {
  // Disconnecting flushes every session's statistics; then no deadlock may have been broken.
  const url = t.url;
  await t.drop();
  if (onPostgres) expect(await deadlocks(url)).toBe(deadlocksBefore);
});

async function importJob(count: number, opts: { ship?: boolean; type?: "Import" | "Export" } = {}) {
  const tracking = dhlTrackingNumber(r);
  const type = opts.type ?? "Import";
  const serials =
    type === "Export"
      ? []
      : Array.from({ length: count }, (_, i) => `RACE${String(++n).padStart(5, "0")}D${i}`);
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `race-${++n}`,
        type,
        storageAccount: "s",
        drives: serials.map((serial) => ({ serial })),
        ...(type === "Export" ? { exportBlobList: { blobPath: [], blobPathPrefix: ["/"] } } : {}),
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
        deliveryPackage: {
          carrierName: "DHL",
          trackingNumber: tracking,
          ...(type === "Export" ? { driveCount: count } : {}),
        },
        returnAddress: RETURN_ADDRESS,
      },
      now,
    ),
  );
  if (opts.ship !== false) ok(await markJobShipping(t.db, customer, id, now));
  return { id, tracking, serials };
}

const open = async (code: string, direction: "Inbound" | "Return" = "Inbound") =>
  ok(await openDockPackage(t.db, ANA, { code, direction }, now));
const scan = (packageId: string, code: string, actor: UserActor = ANA, scanId = randomUUID()) =>
  scanDrive(t.db, { actor }, { packageId, code, scanId }, now);

/** Every answer is a sentence: an outcome, or a refusal with a message; never a thrown error. */
async function allSettled<T>(calls: Promise<CommandResult<T>>[]): Promise<CommandResult<T>[]> {
  const results = await Promise.allSettled(calls);
  const thrown = results.filter((x) => x.status === "rejected");
  expect(thrown.map((x) => String((x as PromiseRejectedResult).reason))).toEqual([]);
  return results.map((x) => (x as PromiseFulfilledResult<CommandResult<T>>).value);
}

const kinds = (answers: CommandResult<ScanOutcome>[]) =>
  answers.map((a) => (a.ok ? a.value.kind : `refused: ${a.error.message}`)).sort();

describe.runIf(onPostgres).each([2, 10, 50])("%i operators at once", (N) => {
  const team = operators.slice(0, N);

  it("R-E1: the same unknown serial: one held drive, one incident, the others hear a double scan", async () => {
    const pkg = await open(dhlTrackingNumber(r));
    const serial = `UNKNOWN${++n}X`;
    const answers = await allSettled(team.map((op) => scan(pkg.packageId, serial, op)));
    expect(kinds(answers)).toEqual(["held", ...Array(N - 1).fill("duplicate")].sort());
    const drives = await t.db.drive.findMany({ where: { serial } });
    expect(drives).toHaveLength(1);
    expect(await t.db.incident.count({ where: { driveId: drives[0]!.id } })).toBe(1);
    expect(await t.db.event.count({ where: { driveId: drives[0]!.id, kind: "drive.held" } })).toBe(
      1,
    );
  });

  it("the same new package label: every opener gets the same package, opened once", async () => {
    const code = dhlTrackingNumber(r);
    const answers = await allSettled(
      team.map((op) => openDockPackage(t.db, op, { code, direction: "Inbound" }, now)),
    );
    const ids = new Set(answers.map((a) => ok(a).packageId));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await t.db.package.count({ where: { trackingNumber: code } })).toBe(1);
    expect(await t.db.event.count({ where: { packageId: id, kind: "package.opened" } })).toBe(1);
  });

  it("R-E5: the same extra drive: one extra drive of the job, one incident, the rest double scans", async () => {
    const j = await importJob(1);
    const pkg = await open(j.tracking);
    const serial = `EXTRA${++n}X`;
    const answers = await allSettled(team.map((op) => scan(pkg.packageId, serial, op)));
    expect(kinds(answers)).toEqual(["extra", ...Array(N - 1).fill("duplicate")].sort());
    const drives = await t.db.drive.findMany({ where: { serial } });
    expect(drives).toMatchObject([{ jobId: j.id, extra: true }]);
    expect(
      await t.db.incident.count({ where: { driveId: drives[0]!.id, kind: "ExtraDrive" } }),
    ).toBe(1);
  });

  it("R-D2: the same blank drive of an export job: recorded once", async () => {
    const j = await importJob(3, { type: "Export" });
    const pkg = await open(j.tracking);
    const serial = `BLANK${++n}X`;
    const answers = await allSettled(team.map((op) => scan(pkg.packageId, serial, op)));
    expect(kinds(answers)).toEqual(["received", ...Array(N - 1).fill("duplicate")].sort());
    expect(await t.db.drive.count({ where: { serial } })).toBe(1);
    expect(await t.db.event.count({ where: { jobId: j.id, kind: "drive.receive" } })).toBe(1);
  });

  it("R-D3: one listed drive: one transition, one event", async () => {
    const j = await importJob(2);
    const pkg = await open(j.tracking);
    const serial = j.serials[0]!;
    const answers = await allSettled(team.map((op) => scan(pkg.packageId, serial, op)));
    expect(kinds(answers)).toEqual(["received", ...Array(N - 1).fill("duplicate")].sort());
    const drive = await t.db.drive.findFirstOrThrow({ where: { serial } });
    expect(await t.db.event.count({ where: { driveId: drive.id, kind: "drive.receive" } })).toBe(1);
  });

  it("R-D4: a close racing scans of every drive: counted before it, refused after, never refused itself", async () => {
    const j = await importJob(Math.max(2, Math.min(N, 20)));
    const pkg = await open(j.tracking);
    const scans = j.serials.map((s, i) => scan(pkg.packageId, s, team[i % N]!));
    const close = closeDockPackage(t.db, SAM, pkg.packageId, now);
    const answers = await allSettled(scans);
    const closed = ok(await close);
    const drives = await t.db.drive.findMany({ where: { jobId: j.id } });
    j.serials.forEach((serial, i) => {
      const a = answers[i]!;
      const drive = drives.find((d) => d.serial === serial)!;
      if (a.ok) {
        expect(a.value.kind).toBe("received");
        expect(drive.state).toBe("Received");
        expect(closed.neverReceived).not.toContain(serial);
      } else {
        expect(a.error.message).toMatch(/^Package closed/);
        expect(drive.state).toBe("NeverReceived");
        expect(closed.neverReceived).toContain(serial);
      }
    });
    // One event per drive: its reception or its R-D4 mark.
    expect(
      await t.db.event.count({
        where: { jobId: j.id, kind: { in: ["drive.receive", "drive.markNeverReceived"] } },
      }),
    ).toBe(j.serials.length);
  });

  it("R-D9 R-J10: replays of a job's last ship-back scan all answer what the first did", async () => {
    const j = await importJob(1);
    const pkg = await open(j.tracking);
    ok(await scan(pkg.packageId, j.serials[0]!));
    const drive = await t.db.drive.findFirstOrThrow({ where: { serial: j.serials[0]! } });
    ok(await startDriveCopy(t.db, STATION, drive.id, now));
    ok(await finishDriveCopy(t.db, STATION, drive.id, { errors: 0, warnings: 0 }, now));
    const ret = await open(dhlTrackingNumber(r), "Return");
    const scanId = randomUUID();
    const answers = await allSettled(
      team.map(() => scan(ret.packageId, j.serials[0]!, ANA, scanId)),
    );
    const first = ok(answers[0]!);
    expect(first).toMatchObject({ kind: "shippedBack" });
    expect(first.detail).toContain("Completed");
    for (const a of answers) expect(ok(a)).toEqual(first);
    expect(await t.db.event.count({ where: { driveId: drive.id, kind: "drive.shipBack" } })).toBe(
      1,
    );
  });
});

describe.runIf(onPostgres)("a random mix of dock work", () => {
  it("every drive's state is the fold of its events, and no answer is an error", async () => {
    const jobs = await Promise.all(Array.from({ length: 6 }, () => importJob(5)));
    const packages = await Promise.all(jobs.map((j) => open(j.tracking)));
    const rand = seededRandom(4242);
    const work: Promise<CommandResult<unknown>>[] = [];
    for (let i = 0; i < 160; i++) {
      const k = Math.floor(rand.next() * jobs.length);
      const j = jobs[k]!;
      const pkg = packages[k]!;
      const op = [ANA, BEN][Math.floor(rand.next() * 2)]!;
      const roll = rand.next();
      if (roll < 0.7) {
        const serial =
          rand.next() < 0.9
            ? j.serials[Math.floor(rand.next() * j.serials.length)]!
            : `MIX${k}X${Math.floor(rand.next() * 3)}`;
        work.push(scan(pkg.packageId, serial, op));
      } else if (roll < 0.85) {
        work.push(undoLastScan(t.db, op, pkg.packageId, now));
      } else if (roll < 0.93) {
        work.push(closeDockPackage(t.db, SAM, pkg.packageId, now));
      } else {
        work.push(openDockPackage(t.db, op, { code: j.tracking, direction: "Inbound" }, now));
      }
    }
    const answers = await allSettled(work);
    for (const a of answers) if (!a.ok) expect(a.error.code).not.toBe("conflict");

    const drives = await t.db.drive.findMany({
      where: { OR: [{ jobId: { in: jobs.map((j) => j.id) } }, { serial: { startsWith: "MIX" } }] },
    });
    for (const d of drives) {
      const events = await t.db.event.findMany({
        where: {
          driveId: d.id,
          toState: { not: null },
          OR: [{ kind: { startsWith: "drive." } }, { kind: "scan.undone" }],
        },
        orderBy: { id: "asc" },
      });
      const initial = d.extra || d.jobId === null ? null : "Specified";
      const folded = events.reduce<string | null>((state, e) => {
        if (e.fromState !== null) expect(e.fromState).toBe(state);
        return e.toState;
      }, initial);
      expect({ serial: d.serial, state: folded ?? "Specified" }).toEqual({
        serial: d.serial,
        state: d.state,
      });
    }
  });
});
