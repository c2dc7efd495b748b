import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, importJob, ok, RETURN_ADDRESS, SAM } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import {
  cancelJob,
  createJob,
  markJobShipping,
  updateJobProperties,
} from "@/lib/server/jobs/commands.ts";
import { receiveDrive, recordArrivingDrive } from "@/lib/server/drives/commands.ts";
import { GET as listDrives } from "@/app/api/v1/stations/drives/route.ts";
import { POST as startRoute } from "@/app/api/v1/stations/drives/[id]/start/route.ts";
import { POST as progressRoute } from "@/app/api/v1/stations/drives/[id]/progress/route.ts";
import { POST as finishRoute } from "@/app/api/v1/stations/drives/[id]/finish/route.ts";
import {
  StationDriveList,
  StationDriveReport,
  type StationDrive,
} from "@/lib/validation/station-api.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
let stationKey: string;
let otherStationKey: string;
let customerKey: string;
const r = seededRandom(11);
let n = 0;
let clock = Date.parse("2026-03-02T08:00:00Z");
/** Every job a little later than the one before, so "oldest received first" has an order to keep. */
const tick = () => new Date((clock += 60_000));

const BASE = "http://dockside.test/api/v1/stations/drives";
type Handler = (
  request: Request,
  context?: { params?: Promise<Record<string, string>> },
) => Promise<Response>;

async function call(
  handler: Handler,
  url: string,
  init: { key?: string | null; body?: unknown; headers?: Record<string, string>; id?: string } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? stationKey : init.key;
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(url, {
      method: handler === listDrives ? "GET" : "POST",
      headers,
      ...(init.body !== undefined
        ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }
        : {}),
    }),
    { params: Promise.resolve<Record<string, string>>(init.id ? { id: init.id } : {}) },
  );
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

const queue = async (query = "") => {
  const res = await call(listDrives, `${BASE}${query}`);
  expect(res.status, res.text).toBe(200);
  return StationDriveList.parse(res.json).value;
};
const start = (id: string, init: Parameters<typeof call>[2] = {}) =>
  call(startRoute, `${BASE}/${id}/start`, { ...init, id });
const progress = (id: string, body: unknown, init: Parameters<typeof call>[2] = {}) =>
  call(progressRoute, `${BASE}/${id}/progress`, { ...init, body, id });
const finish = (id: string, body: unknown, init: Parameters<typeof call>[2] = {}) =>
  call(finishRoute, `${BASE}/${id}/finish`, { ...init, body, id });

const drive = (id: string) => t.db.drive.findUniqueOrThrow({ where: { id } });
const jobState = async (id: string) => (await t.db.job.findUniqueOrThrow({ where: { id } })).state;
const events = (driveId: string, kind: string) => t.db.event.count({ where: { driveId, kind } });

/** An import job whose `count` drives have all been received: the job is Received (R-J7). */
async function receivedJob(count: number, opts: { extra?: boolean } = {}) {
  const name = `station-${++n}`;
  const serials = Array.from({ length: count }, (_, i) => `ZA${String(n).padStart(4, "0")}X${i}`);
  const at = tick();
  const { id } = await importJob(
    t.db,
    { customerId, customer },
    {
      name,
      serials,
      tracking: dhlTrackingNumber(r),
      storageAccount: "contosostore1",
      drive: (serial: string) => ({ bitLockerKey: `${serial}-SECRET-KEY` }),
    },
    at,
  );
  const drives = await t.db.drive.findMany({ where: { jobId: id }, orderBy: { serial: "asc" } });
  if (opts.extra) {
    ok(
      await recordArrivingDrive(
        t.db,
        ANA,
        { jobId: id, serial: `EXTRA${n}`, kind: "extraDrive" },
        tick(),
      ),
    );
  }
  for (const d of drives) ok(await receiveDrive(t.db, ANA, d.id, tick()));
  expect(await jobState(id)).toBe("Received");
  return { id, name, driveIds: drives.map((d) => d.id), serials };
}

beforeAll(async () => {
  t = await freshDatabase();
  // The routes use the app's lazy `db` (lib/server/db.ts): bind it to this file's schema.
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  ({ customerId, customer } = await createCustomer(t.db));
  const now = new Date();
  stationKey = ok(await issueApiKey(t.db, SAM, { kind: "station", name: "CS-01" }, now)).key;
  otherStationKey = ok(await issueApiKey(t.db, SAM, { kind: "station", name: "CS-02" }, now)).key;
  customerKey = ok(
    await issueApiKey(t.db, SAM, { kind: "customer", name: "Contoso", customerId }, now),
  ).key;
});
afterAll(() => t.drop());

describe("the copy queue: GET /api/v1/stations/drives", () => {
  it("R-D6 R-J14 R-E5: lists the received drives of working jobs, oldest first, without cancelled jobs, extras or drives not yet received", async () => {
    const older = await receivedJob(2, { extra: true });
    const newer = await receivedJob(1);
    const cancelled = await receivedJob(1);
    ok(await cancelJob(t.db, SAM, cancelled.id, "The customer cancelled.", tick()));
    // A job still Shipping: its drives are Specified, not waiting for a copy.
    const shipping = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `station-shipping-${++n}`,
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "ZSHIPPING1" }],
        },
        tick(),
      ),
    );

    const all = await queue("?$top=200");
    const ids = all.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([...older.driveIds, ...newer.driveIds]));
    expect(ids.indexOf(older.driveIds[1]!)).toBeLessThan(ids.indexOf(newer.driveIds[0]!));
    expect(ids).not.toContain(cancelled.driveIds[0]);
    const extra = await t.db.drive.findFirstOrThrow({ where: { jobId: older.id, extra: true } });
    expect(ids).not.toContain(extra.id);
    const shippingDrive = await t.db.drive.findFirstOrThrow({ where: { jobId: shipping.id } });
    expect(ids).not.toContain(shippingDrive.id);
    expect(all.every((d) => d.state === "Received")).toBe(true);

    const first = all.find((d) => d.id === older.driveIds[0])!;
    expect(first).toEqual({
      id: older.driveIds[0]!,
      driveId: older.serials[0]!,
      jobName: older.name,
      jobType: "Import",
      state: "Received",
      copyStatus: null,
      percentComplete: 0,
      bytesTransferred: 0,
      errorCount: 0,
      warningCount: 0,
      errorLogUri: null,
      verboseLogUri: null,
    } satisfies StationDrive);
  });

  it("filters by job name, honours $top, and lists the drives being copied with ?state=Transferring", async () => {
    const job = await receivedJob(3);
    const mine = await queue(`?jobName=${job.name}`);
    expect(mine.map((d) => d.driveId)).toEqual(job.serials);
    expect(await queue(`?jobName=${job.name}&$top=2`)).toHaveLength(2);

    expect((await start(job.driveIds[0]!)).status).toBe(200);
    const copying = await queue(`?state=Transferring&jobName=${job.name}`);
    expect(copying.map((d) => [d.id, d.state])).toEqual([[job.driveIds[0], "Transferring"]]);
    expect((await queue(`?jobName=${job.name}`)).map((d) => d.id)).toEqual(job.driveIds.slice(1));
  });

  it("an export job's drives wait in the queue like an import job's (R-D2)", async () => {
    const at = tick();
    const { id } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `station-export-${++n}`,
          type: "Export",
          storageAccount: "s",
          exportBlobList: ["/media/"],
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
          deliveryPackage: {
            carrierName: "DHL",
            trackingNumber: dhlTrackingNumber(r),
            driveCount: 1,
          },
          returnAddress: RETURN_ADDRESS,
        },
        at,
      ),
    );
    ok(await markJobShipping(t.db, customer, id, at));
    ok(
      await recordArrivingDrive(
        t.db,
        ANA,
        { jobId: id, serial: `ZEXP${n}`, kind: "exportDrive" },
        tick(),
      ),
    );
    expect(await jobState(id)).toBe("Received");
    const listed = await queue(`?jobName=station-export-${n}`);
    expect(listed).toMatchObject([{ driveId: `ZEXP${n}`, jobType: "Export", state: "Received" }]);
  });

  it("never shows a BitLocker key", async () => {
    const job = await receivedJob(1);
    const res = await call(listDrives, `${BASE}?$top=200`);
    expect(res.text).toContain(job.serials[0]);
    expect(res.text).not.toContain("SECRET-KEY");
    expect(res.text).not.toMatch(/bitLocker/i);
  });

  it("refuses a bad query with the parameter as target", async () => {
    for (const query of ["?$top=0", "?$top=201", "?$top=abc", "?state=Completed"]) {
      const res = await call(listDrives, `${BASE}${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json).toMatchObject({ error: { code: "InvalidRequest" } });
      expect((res.json.error as { target: string }).target).toMatch(/^query\.(\$top|state)$/);
    }
  });
});

describe("who may call the station API", () => {
  it("no key: 401 with a WWW-Authenticate challenge; a customer key: 403; a revoked key: 401", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    const none = await handlerResponse(startRoute, `${BASE}/${id}/start`, id, {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    for (const [what, res] of [
      ["list", await call(listDrives, BASE, { key: null })],
      ["progress", await progress(id, { percentComplete: 5 }, { key: null })],
      ["finish", await finish(id, { errorCount: 0, warningCount: 0 }, { key: null })],
    ] as const) {
      expect(res.status, what).toBe(401);
      expect(res.json).toMatchObject({ error: { code: "Unauthenticated" } });
    }
    for (const res of [
      await call(listDrives, BASE, { key: customerKey }),
      await start(id, { key: customerKey }),
      await progress(id, { percentComplete: 5 }, { key: customerKey }),
      await finish(id, { errorCount: 0, warningCount: 0 }, { key: customerKey }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { code: "Forbidden" } });
    }
    const revoked = ok(await issueApiKey(t.db, SAM, { kind: "station", name: "CS-old" }, tick()));
    ok(await revokeApiKey(t.db, SAM, revoked.id, tick()));
    expect((await start(id, { key: revoked.key })).status).toBe(401);
    expect((await drive(id)).state).toBe("Received");
    expect(await t.db.event.count({ where: { driveId: id, actorType: "station" } })).toBe(0);
  });
});

async function handlerResponse(
  handler: Handler,
  url: string,
  id: string,
  headers: Record<string, string>,
) {
  return handler(new Request(url, { method: "POST", headers }), {
    params: Promise.resolve({ id }),
  });
}

describe("a drive's copy: start, progress, finish", () => {
  it("R-D6 R-J8: start moves the drive and its job to Transferring, and answers the drive with its job", async () => {
    const job = await receivedJob(2);
    const id = job.driveIds[0]!;
    const res = await start(id);
    expect(res.status, res.text).toBe(200);
    const body = StationDriveReport.parse(res.json);
    expect(body).toMatchObject({
      id,
      driveId: job.serials[0],
      state: "Transferring",
      copyStatus: "InProgress",
      percentComplete: 0,
      job: { name: job.name, state: "Transferring" },
    });
    expect(res.text).not.toContain("SECRET-KEY");
    expect((await drive(id)).state).toBe("Transferring");
    expect(await jobState(job.id)).toBe("Transferring");
    expect(await events(id, "drive.startCopy")).toBe(1);
    const jobEvent = await t.db.event.findFirstOrThrow({
      where: { jobId: job.id, kind: "job.state", toState: "Transferring" },
    });
    expect(jobEvent).toMatchObject({ actorType: "station", actorLabel: "CS-01" });
  });

  it("R-D6: starting a drive already being copied answers 409 AlreadyDone and changes nothing", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    expect((await start(id)).status).toBe(200);
    const again = await start(id, { key: otherStationKey });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: "AlreadyDone" } });
    expect(await events(id, "drive.startCopy")).toBe(1);
  });

  it("R-G2: progress is stored, and a lower percent than stored is not an error and changes nothing", async () => {
    const job = await receivedJob(2);
    const [a] = job.driveIds as [string];
    expect((await start(a)).status).toBe(200);
    const forty = await progress(a, { percentComplete: 40, bytesTransferred: 400_000_000_000 });
    expect(forty.status, forty.text).toBe(200);
    expect(StationDriveReport.parse(forty.json)).toMatchObject({
      percentComplete: 40,
      bytesTransferred: 400_000_000_000,
      job: { state: "Transferring" },
    });
    const late = await progress(a, { percentComplete: 20.4, bytesTransferred: 200_000_000_000 });
    expect(late.status).toBe(200);
    expect(late.json).toMatchObject({ percentComplete: 40, bytesTransferred: 400_000_000_000 });
    const stored = await drive(a);
    expect(stored.percentComplete).toBe(40);
    expect(stored.bytesTransferred).toBe(400_000_000_000n);
    // One of two drives at 40%: the job's percent complete follows (R-G2).
    const jobRow = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(jobRow.percentComplete).toBeGreaterThan(0);
    expect(jobRow.percentComplete).toBeLessThan(40);
  });

  it("R-D6: progress for a drive that is not being copied is refused with 409", async () => {
    const job = await receivedJob(1);
    const res = await progress(job.driveIds[0]!, { percentComplete: 10 });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { code: "InvalidState" } });
    expect((res.json.error as { message: string }).message).toContain("R-D6");
    expect((await drive(job.driveIds[0]!)).percentComplete).toBe(0);
  });

  it("R-D7 R-D8 R-J9: a clean finish is Completed, one with errors CompletedMoreInfo with its log URIs, and the last drive moves the job to Packaging", async () => {
    const job = await receivedJob(2);
    const [clean, issues] = job.driveIds as [string, string];
    for (const id of job.driveIds) expect((await start(id)).status).toBe(200);

    const first = await finish(clean, {
      errorCount: 0,
      warningCount: 0,
      bytesTransferred: 3_800_000_000_000,
      errorLogUri: "https://contosostore1.blob.core.windows.net/dockside-logs/a_error.xml",
    });
    expect(first.status, first.text).toBe(200);
    expect(StationDriveReport.parse(first.json)).toMatchObject({
      state: "Completed",
      copyStatus: "Completed",
      percentComplete: 100,
      bytesTransferred: 3_800_000_000_000,
      errorCount: 0,
      warningCount: 0,
      job: { name: job.name, state: "Transferring" },
    });

    const logs = {
      errorLogUri: `https://contosostore1.blob.core.windows.net/dockside-logs/${job.name}/${job.serials[1]}_error.xml`,
      verboseLogUri: `https://contosostore1.blob.core.windows.net/dockside-logs/${job.name}/${job.serials[1]}_verbose.xml`,
    };
    const second = await finish(issues, { errorCount: 3, warningCount: 7, ...logs });
    expect(second.status, second.text).toBe(200);
    expect(StationDriveReport.parse(second.json)).toMatchObject({
      state: "CompletedMoreInfo",
      copyStatus: "CompletedWithIssues",
      errorCount: 3,
      warningCount: 7,
      ...logs,
      job: { state: "Packaging" },
    });
    expect(await drive(issues)).toMatchObject({
      state: "CompletedMoreInfo",
      errorCount: 3,
      warningCount: 7,
      ...logs,
    });
    expect(await jobState(job.id)).toBe("Packaging");
    expect(
      await t.db.event.count({ where: { jobId: job.id, kind: "job.state", toState: "Packaging" } }),
    ).toBe(1);
  });

  it("R-D8: overwritten blobs alone make the copy CompletedMoreInfo", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    expect((await start(id)).status).toBe(200);
    const res = await finish(id, { errorCount: 0, warningCount: 0, overwrittenBlobCount: 12 });
    expect(res.json).toMatchObject({ state: "CompletedMoreInfo", job: { state: "Packaging" } });
  });

  it("R-D7: a finish for a drive whose copy is over, without an Idempotency-Key, is refused with 409", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    expect((await start(id)).status).toBe(200);
    expect((await finish(id, { errorCount: 0, warningCount: 0 })).status).toBe(200);
    const again = await finish(id, { errorCount: 5, warningCount: 0 });
    expect(again.status).toBe(409);
    expect((await drive(id)).state).toBe("Completed");
  });

  it("R-J14: a cancelled job's drive skips the copy: start is refused with the rule", async () => {
    const job = await receivedJob(2);
    ok(await cancelJob(t.db, SAM, job.id, "The customer cancelled.", tick()));
    const res = await start(job.driveIds[0]!);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      error: {
        code: "InvalidState",
        message: expect.stringContaining("cancelled job skips the data copy"),
        details: [{ code: "Rule", message: "R-J14" }],
      },
    });
    expect((await drive(job.driveIds[0]!)).state).toBe("Received");
  });

  it("R-E5: an extra drive is never copied", async () => {
    const job = await receivedJob(1, { extra: true });
    const extra = await t.db.drive.findFirstOrThrow({ where: { jobId: job.id, extra: true } });
    const res = await start(extra.id);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { details: [{ message: "R-E5" }] } });
  });

  it("an unknown drive is 404 on start, progress and finish", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      for (const res of [
        await start(id),
        await progress(id, { percentComplete: 1 }),
        await finish(id, { errorCount: 0, warningCount: 0 }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.json).toMatchObject({ error: { code: "NotFound" } });
      }
    }
  });

  it("a bad body is 400 with the field as target, and changes nothing", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    expect((await start(id)).status).toBe(200);
    const cases: [Promise<Awaited<ReturnType<typeof call>>>, string][] = [
      [progress(id, { percentComplete: 101 }), "body.percentComplete"],
      [progress(id, { percentComplete: 5, bytesTransferred: -1 }), "body.bytesTransferred"],
      [progress(id, {}), "body.percentComplete"],
      [finish(id, { warningCount: 0 }), "body.errorCount"],
      [finish(id, { errorCount: 1.5, warningCount: 0 }), "body.errorCount"],
      [
        finish(id, { errorCount: 0, warningCount: 0, errorLogUri: "http://insecure.example/x" }),
        "body.errorLogUri",
      ],
      [
        finish(id, { errorCount: 0, warningCount: 0, overwrittenBlobCount: -2 }),
        "body.overwrittenBlobCount",
      ],
    ];
    for (const [pending, target] of cases) {
      const res = await pending;
      expect(res.status, target).toBe(400);
      expect(res.json).toMatchObject({ error: { code: "InvalidRequest", target } });
    }
    const malformed = await progress(id, "{ percent");
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: "InvalidJson" } });
    const badKey = await progress(
      id,
      { percentComplete: 5 },
      { headers: { "idempotency-key": "a b" } },
    );
    expect(badKey.status).toBe(400);
    expect(badKey.json).toMatchObject({ error: { target: "Idempotency-Key" } });
    expect(await drive(id)).toMatchObject({ state: "Transferring", percentComplete: 0 });
  });
});

describe("text that PostgreSQL cannot store, and log URIs", () => {
  it("R-G4: a log URI is https, refused with control characters or quotes (400), and stored normalized", async () => {
    const job = await receivedJob(2);
    const [a, b] = job.driveIds as [string, string];
    expect((await start(a)).status).toBe(200);
    for (const uri of [
      "https://logs.example/a\u0000b",
      "https://logs.example/a\nb",
      'https://logs.example/e.log"><script>alert(1)</script>',
      "https://logs.example/it's.log",
      "javascript:alert(1)",
    ]) {
      const res = await finish(a, { errorCount: 1, warningCount: 0, verboseLogUri: uri });
      expect(res.status, uri).toBe(400);
      expect(res.json, uri).toMatchObject({
        error: { code: "InvalidRequest", target: "body.verboseLogUri" },
      });
    }
    expect(await drive(a)).toMatchObject({ state: "Transferring", verboseLogUri: null });

    const done = await finish(a, {
      errorCount: 1,
      warningCount: 0,
      errorLogUri: "https://Logs.Example/copies/../drive-a/error.xml?sv=2024&sig=x%2By",
    });
    expect(done.status, done.text).toBe(200);
    const stored = "https://logs.example/drive-a/error.xml?sv=2024&sig=x%2By";
    expect(StationDriveReport.parse(done.json).errorLogUri).toBe(stored);
    expect((await drive(a)).errorLogUri).toBe(stored);
    expect((await drive(b)).state).toBe("Received");
  });

  it("a NUL in the queue's jobName or in a drive id is 400 naming the parameter, never a 500", async () => {
    const list = await call(listDrives, `${BASE}?jobName=a%00b`);
    expect(list.status, list.text).toBe(400);
    expect(list.json).toMatchObject({
      error: {
        code: "InvalidRequest",
        target: "query.jobName",
        message: "Use printable characters only.",
      },
    });
    for (const res of [
      await start("a\u0000b"),
      await progress("a\u0000b", { percentComplete: 1 }),
      await finish("a\u0000b", { errorCount: 0, warningCount: 0 }),
    ]) {
      expect(res.status, res.text).toBe(400);
      expect(res.json).toMatchObject({ error: { code: "InvalidRequest", target: "params.id" } });
    }
  });

  it("start answers 400 (as documented) for a body that is not JSON or a bad Idempotency-Key, and changes nothing", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    const malformed = await call(startRoute, `${BASE}/${id}/start`, { id, body: "{ nope" });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: "InvalidJson" } });
    const badKey = await start(id, { headers: { "idempotency-key": "has space" } });
    expect(badKey.status).toBe(400);
    expect(badKey.json).toMatchObject({
      error: { code: "InvalidRequest", target: "Idempotency-Key" },
    });
    expect(await drive(id)).toMatchObject({ state: "Received", version: 1 });
    expect(await events(id, "drive.startCopy")).toBe(0);
  });
});

describe("retries and races", () => {
  it("a retried finish with the same Idempotency-Key is applied once and answered the same", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    const headers = { "idempotency-key": randomUUID() };
    expect((await start(id, { headers: { "idempotency-key": randomUUID() } })).status).toBe(200);
    const report = {
      errorCount: 2,
      warningCount: 0,
      errorLogUri: "https://x.blob.core.windows.net/l/e.xml",
    };
    const first = await finish(id, report, { headers });
    const retry = await finish(id, report, { headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await events(id, "drive.finishCopy")).toBe(1);
    expect(
      await t.db.event.count({ where: { jobId: job.id, kind: "job.state", toState: "Packaging" } }),
    ).toBe(1);
  });

  it("concurrent retries of one report with one Idempotency-Key: all answered 200, applied once", async () => {
    const job = await receivedJob(2);
    const [a, b] = job.driveIds as [string, string];
    const startKey = { "idempotency-key": `start-${a}` };
    // Eight at once: a retry that began before the first request committed must still get the
    // stored answer, never "already done" (the key is claimed before the drive is read).
    const eight = Array.from({ length: 8 }, (_, i) => i);
    const starts = await Promise.all(eight.map(() => start(a, { headers: startKey })));
    expect(starts.map((s) => s.status)).toEqual(eight.map(() => 200));
    for (const s of starts) expect(s.json).toEqual(starts[0]!.json);
    expect(await events(a, "drive.startCopy")).toBe(1);
    // Five rounds of eight retries of one progress report each: one event per round.
    for (const round of [1, 2, 3, 4, 5]) {
      const key = { "idempotency-key": `progress-${a}-${round}` };
      const reports = await Promise.all(
        eight.map(() => progress(a, { percentComplete: round * 10 }, { headers: key })),
      );
      expect(reports.map((s) => s.status)).toEqual(eight.map(() => 200));
      for (const r of reports) expect(r.json).toEqual(reports[0]!.json);
      expect(await events(a, "drive.progress")).toBe(round);
    }
    const progressKey = { "idempotency-key": `progress-${a}-1` };
    // The same key for another drive is a client bug: refused, nothing applied.
    expect((await start(b)).status).toBe(200);
    const reused = await progress(b, { percentComplete: 50 }, { headers: progressKey });
    expect(reused.status).toBe(422);
    expect(reused.json).toMatchObject({ error: { code: "IdempotencyKeyReused" } });
    expect((await drive(b)).percentComplete).toBe(0);
  });

  it("the same Idempotency-Key with another body is refused (422 IdempotencyKeyReused) and changes nothing", async () => {
    const job = await receivedJob(1);
    const id = job.driveIds[0]!;
    expect((await start(id)).status).toBe(200);
    const key = { "idempotency-key": randomUUID() };
    expect((await progress(id, { percentComplete: 30 }, { headers: key })).status).toBe(200);
    const other = await progress(id, { percentComplete: 50 }, { headers: key });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ error: { code: "IdempotencyKeyReused" } });
    expect((await drive(id)).percentComplete).toBe(30);
    const finishKey = { "idempotency-key": randomUUID() };
    const clean = await finish(id, { errorCount: 0, warningCount: 0 }, { headers: finishKey });
    expect(clean.status).toBe(200);
    const withErrors = await finish(
      id,
      { errorCount: 3, warningCount: 0, errorLogUri: "https://x.blob.core.windows.net/l/e.xml" },
      { headers: finishKey },
    );
    expect(withErrors.status).toBe(422);
    expect((await drive(id)).errorCount).toBe(0);
    expect(await events(id, "drive.finishCopy")).toBe(1);
  });

  it("50 progress reports at once on different drives of one job: all 200, none a conflict", async () => {
    const job = await receivedJob(10);
    for (const id of job.driveIds) expect((await start(id)).status).toBe(200);
    const reports = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        progress(job.driveIds[i % 10]!, { percentComplete: 10 + Math.floor(i / 10) * 10 }),
      ),
    );
    expect(reports.map((x) => x.status)).toEqual(Array(50).fill(200));
    for (const id of job.driveIds) expect((await drive(id)).percentComplete).toBe(50);
  });

  it("R-D6: two stations starting one drive at once get exactly one 200 and one event", async () => {
    const job = await receivedJob(4);
    for (const id of job.driveIds) {
      const results = await Promise.all([
        start(id),
        start(id, { key: otherStationKey }),
        start(id),
        start(id, { key: otherStationKey }),
      ]);
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      for (const res of results.filter((x) => x.status === 409))
        expect(res.json).toMatchObject({ error: { code: "AlreadyDone" } });
      expect(await events(id, "drive.startCopy")).toBe(1);
      expect((await drive(id)).version).toBe(2);
    }
    expect(
      await t.db.event.count({
        where: { jobId: job.id, kind: "job.state", toState: "Transferring" },
      }),
    ).toBe(1);
  });
});
