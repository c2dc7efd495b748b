/**
 * Contract tests of the customer Job API (/api/v1/jobs): the route handlers called with real
 * Requests, real API keys and the test database. Every answer is parsed with the schema the
 * OpenAPI document publishes, and every response body is kept to prove no BitLocker key leaves.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, ok, RETURN_ADDRESS, SAM, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { openDockPackage, scanDriveIn } from "@/lib/server/dock/commands.ts";
import { receiveDrive, startDriveCopy } from "@/lib/server/drives/commands.ts";
import { openIncidentByHand, recordIncidentOutcome } from "@/lib/server/incidents/commands.ts";
import { encodeJobCursor } from "@/lib/server/jobs/queries.ts";
import { ApiError, JobResponse, ListJobsResponse } from "@/lib/validation/job-api.ts";
import { GET as LIST } from "@/app/api/v1/jobs/route.ts";
import { DELETE, GET, PATCH, PUT } from "@/app/api/v1/jobs/[jobName]/route.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
/** BitLocker keys no response may ever contain (R-G: nothing secret). */
const SECRET_KEYS = [
  "314159-265358-979323-846264-338327-950288-419716-939937",
  "271828-182845-904523-536028-747135-266249-775724-709369",
  "161803-398874-989484-820458-683436-563811-772030-917980",
];
const DELIVERY = { carrierName: "UPS", trackingNumber: "1Z 999 AA1 0123456784", driveCount: 2 };

let t: TestDatabase;
let contoso: { id: string; key: string };
let fabrikam: { id: string; key: string };
let stationKey: string;
const bodies: string[] = [];
let serialCounter = 0;

beforeAll(async () => {
  t = await freshDatabase();
  // The route handlers use the app's lazy client (lib/server/db.ts): point it at this schema.
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const now = new Date();
  const customer = async (name: string) => {
    const { id } = await t.db.customer.create({
      data: { name, contactName: "Ana Bowman", contactEmail: `ops@${name.toLowerCase()}.example` },
    });
    const issued = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: `${name} CI`, customerId: id }, now),
    );
    return { id, key: issued.key };
  };
  contoso = await customer("Contoso");
  fabrikam = await customer("Fabrikam");
  stationKey = ok(await issueApiKey(t.db, ADMIN, { kind: "station", name: "CS-09" }, now)).key;
});
afterAll(() => t.drop());

/**
 * Races need a real server: PGlite serves every connection from one backend, where requests run
 * one after another and concurrent statements of different connections can interleave.
 */
const onPostgreSql = it.runIf(inject("databaseKind") === "postgresql");

type Call = {
  key?: string | null;
  name?: string;
  body?: unknown;
  rawBody?: string;
  query?: string;
};

async function call(handler: Handler, method: string, c: Call = {}) {
  const path = c.name === undefined ? "" : `/${encodeURIComponent(c.name)}`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (c.key) headers.authorization = `Bearer ${c.key}`;
  const body = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  const request = new Request(`http://localhost/api/v1/jobs${path}${c.query ?? ""}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const response = await handler(request, {
    params: Promise.resolve<Record<string, string>>(
      c.name === undefined ? {} : { jobName: c.name },
    ),
  });
  const text = await response.text();
  bodies.push(text);
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as unknown) : null,
  };
}

const parse = <S extends z.ZodType>(schema: S, json: unknown): z.infer<S> => schema.parse(json);
const errorOf = (json: unknown) => parse(ApiError, json).error;

function serial() {
  return `WD-ZX${String(++serialCounter).padStart(6, "0")}`;
}

/** A Put Job body, as a client sends it (JSON, before validation). */
function importJob(drives = 2, more: Record<string, unknown> = {}) {
  return {
    properties: {
      jobType: "Import",
      storageAccountId: "contosostore",
      driveList: Array.from({ length: drives }, (_, i) => ({
        driveId: serial(),
        bitLockerKey: SECRET_KEYS[i % SECRET_KEYS.length],
        manifestFile: "\\DriveManifest.xml",
        manifestHash: "A1B2C3D4E5F60718",
      })),
      ...more,
    },
  };
}

async function create(name: string, body: unknown = importJob(), key = contoso.key) {
  const r = await call(PUT, "PUT", { key, name, body });
  expect(r.status, r.text).toBe(201);
  return parse(JobResponse, r.json);
}

const jobRow = (customerId: string, name: string) =>
  t.db.job.findUniqueOrThrow({
    where: { customerId_name: { customerId, name } },
    include: { drives: { orderBy: { serial: "asc" } } },
  });
const eventsOf = (jobId: string) =>
  t.db.event.findMany({ where: { jobId }, orderBy: { id: "asc" } });

/** A job moved to Shipping through the API, with its package and return address (R-J4, R-J5). */
async function shippingJob(name: string) {
  await create(name);
  const r = await call(PATCH, "PATCH", {
    key: contoso.key,
    name,
    body: {
      properties: { deliveryPackage: DELIVERY, returnAddress: RETURN_ADDRESS, state: "Shipping" },
    },
  });
  expect(r.status, r.text).toBe(200);
  return jobRow(contoso.id, name);
}

describe("Put Job", () => {
  it("R-J1, R-D1: creates an import job in Creating with its drives Specified, 201 and Location", async () => {
    const body = importJob(2, { logLevel: "Verbose", backupDriveManifest: true });
    const r = await call(PUT, "PUT", { key: contoso.key, name: "contoso-import-1", body });
    expect(r.status).toBe(201);
    expect(r.headers.get("location")).toBe("http://localhost/api/v1/jobs/contoso-import-1");
    const job = parse(JobResponse, r.json);
    expect(job).toMatchObject({
      id: "/api/v1/jobs/contoso-import-1",
      name: "contoso-import-1",
      type: "Microsoft.ImportExport/jobs",
      properties: {
        jobType: "Import",
        storageAccountId: "contosostore",
        state: "Creating",
        cancelRequested: false,
        percentComplete: 0,
        logLevel: "Verbose",
        backupDriveManifest: true,
        provisioningState: "Succeeded",
      },
    });
    expect(job.properties.driveList.map((d) => d.driveId)).toEqual(
      body.properties.driveList.map((d) => d.driveId),
    );
    for (const d of job.properties.driveList) {
      expect(d).toMatchObject({ state: "Specified", extra: false, percentComplete: 0 });
      expect(d.manifestFile).toBe("\\DriveManifest.xml");
    }
    const row = await jobRow(contoso.id, "contoso-import-1");
    expect(row.state).toBe("Creating");
    expect(row.drives.map((d) => d.bitLockerKey)).toEqual(SECRET_KEYS.slice(0, 2));
    const events = await eventsOf(row.id);
    expect(events.map((e) => [e.kind, e.actorType, e.toState])).toEqual([
      ["job.created", "apiKey", "Creating"],
    ]);
  });

  it("R-D2: an export job names blobs, lists no drives, and shows its blob list", async () => {
    const body = {
      properties: {
        jobType: "Export",
        storageAccountId: "contosostore",
        export: { blobList: { blobPathPrefix: ["/media/"], blobPath: ["/backups/db.bak"] } },
        deliveryPackage: { carrierName: "FedEx", trackingNumber: "449044304137821", driveCount: 3 },
      },
    };
    const job = await create("contoso-export-1", body);
    expect(job.properties.driveList).toEqual([]);
    expect(job.properties.export).toEqual({
      blobList: { blobPath: ["/backups/db.bak"], blobPathPrefix: ["/media/"] },
    });
    expect(job.properties.deliveryPackage).toEqual({
      carrierName: "FedEx",
      trackingNumber: "449044304137821",
      driveCount: 3,
    });

    const withDrives = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-export-2",
      body: { properties: { ...body.properties, driveList: [{ driveId: serial() }] } },
    });
    expect(withDrives.status).toBe(400);
    expect(errorOf(withDrives.json)).toMatchObject({
      code: "InvalidRequest",
      target: "body.properties.driveList",
    });
    expect(errorOf(withDrives.json).message).toMatch(/R-D2/);
    const noBlobs = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-export-2",
      body: { properties: { jobType: "Export", storageAccountId: "s-1" } },
    });
    expect(errorOf(noBlobs.json).target).toBe("body.properties.export");
    expect(await t.db.job.count({ where: { name: "contoso-export-2" } })).toBe(0);
  });

  it("R-D1: refuses an import job without drives, with a drive listed twice, or a bad serial", async () => {
    const cases: [unknown, string][] = [
      [{ properties: { jobType: "Import", storageAccountId: "s-1" } }, "body.properties.driveList"],
      [
        {
          properties: {
            jobType: "Import",
            storageAccountId: "s-1",
            driveList: [{ driveId: "wd-zz000001" }, { driveId: "WD-ZZ000001" }],
          },
        },
        "body.properties.driveList.1.driveId",
      ],
      [
        {
          properties: {
            jobType: "Import",
            storageAccountId: "s-1",
            driveList: [{ driveId: "ab" }],
          },
        },
        "body.properties.driveList.0.driveId",
      ],
      [
        {
          properties: {
            jobType: "Import",
            storageAccountId: "s-1",
            driveList: [{ driveId: "WD-ZZ000002", bitlockerKey: "123" }],
          },
        },
        "body.properties.driveList.0",
      ],
    ];
    for (const [body, target] of cases) {
      const r = await call(PUT, "PUT", { key: contoso.key, name: "contoso-bad", body });
      expect(r.status, r.text).toBe(400);
      expect(errorOf(r.json).target).toBe(target);
    }
    expect(await t.db.job.count({ where: { name: "contoso-bad" } })).toBe(0);
  });

  it("checks the delivery package as the dock reads labels, and keeps the normalized number", async () => {
    const job = await create("contoso-tracking", importJob(1, { deliveryPackage: DELIVERY }));
    expect(job.properties.deliveryPackage).toEqual({
      carrierName: "UPS",
      trackingNumber: "1Z999AA10123456784",
      driveCount: 2,
    });
    const wrongCarrier = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-tracking-2",
      body: importJob(1, { deliveryPackage: { ...DELIVERY, carrierName: "FedEx" } }),
    });
    expect(wrongCarrier.status).toBe(400);
    expect(errorOf(wrongCarrier.json)).toMatchObject({
      target: "body.properties.deliveryPackage.carrierName",
      message: "Tracking number 1Z999AA10123456784 is a UPS number, not FedEx.",
    });
    const badCheckDigit = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-tracking-2",
      body: importJob(1, {
        deliveryPackage: { carrierName: "UPS", trackingNumber: "1Z999AA10123456785" },
      }),
    });
    expect(errorOf(badCheckDigit.json)).toMatchObject({
      target: "body.properties.deliveryPackage.trackingNumber",
    });
    expect(errorOf(badCheckDigit.json).message).toMatch(/check digit/);
  });

  it("Put Job on a name in use is create-or-update: 200, applies what may still change, refuses what may not", async () => {
    const body = importJob(1);
    await create("contoso-dup", body);
    const job = await jobRow(contoso.id, "contoso-dup");
    const before = (await eventsOf(job.id)).length;

    const same = await call(PUT, "PUT", { key: contoso.key, name: "contoso-dup", body });
    expect(same.status, same.text).toBe(200);
    expect(await eventsOf(job.id)).toHaveLength(before);

    const changed = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-dup",
      body: {
        tags: { team: "archive" },
        properties: { ...body.properties, logLevel: "Verbose" },
      },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(parse(JobResponse, changed.json)).toMatchObject({
      tags: { team: "archive" },
      properties: { logLevel: "Verbose", state: "Creating" },
    });
    expect((await eventsOf(job.id)).map((e) => e.kind).slice(before)).toEqual([
      "job.updateProperties",
      "job.tagsChanged",
    ]);

    const fixed = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-dup",
      body: { properties: { ...body.properties, storageAccountId: "otherstore" } },
    });
    expect(fixed.status).toBe(409);
    expect(errorOf(fixed.json)).toMatchObject({ code: "InvalidState" });
    expect(errorOf(fixed.json).message).toContain("storageAccountId cannot change");
    expect((await jobRow(contoso.id, "contoso-dup")).storageAccount).toBe("contosostore");
  });

  it("three Put Jobs of one new name at the same moment make one job: one 201, two 200", async () => {
    const body = importJob(1);
    const racing = await Promise.all(
      [0, 1, 2].map(() => call(PUT, "PUT", { key: contoso.key, name: "contoso-race", body })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await t.db.job.count({ where: { name: "contoso-race" } })).toBe(1);
  });

  it("refuses a bad job name, malformed JSON, a missing body and unknown properties with 400", async () => {
    const badName = await call(PUT, "PUT", { key: contoso.key, name: "-x", body: importJob() });
    expect(badName.status).toBe(400);
    expect(errorOf(badName.json)).toMatchObject({
      code: "InvalidRequest",
      target: "params.jobName",
    });
    const malformed = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-json",
      rawBody: '{"properties": {',
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.json).code).toBe("InvalidJson");
    const missing = await call(PUT, "PUT", { key: contoso.key, name: "contoso-json" });
    expect(missing.status).toBe(400);
    expect(errorOf(missing.json)).toMatchObject({ target: "body" });
    const unknown = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-json",
      body: { properties: { ...importJob().properties, colour: "blue" } },
    });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.json).target).toBe("body.properties");
    expect(await t.db.job.count({ where: { name: "contoso-json" } })).toBe(0);
  });
});

describe("text PostgreSQL cannot store", () => {
  const PRINTABLE = "Use printable characters only.";

  it("a NUL or another control character in a free-text field is 400 naming the field, and creates nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ storageAccountId: "store\u0000x" }, {}, "body.properties.storageAccountId"],
      [
        {},
        { manifestFile: "\\Drive\u0000Manifest.xml" },
        "body.properties.driveList.0.manifestFile",
      ],
      [
        { returnAddress: { ...RETURN_ADDRESS, recipientName: "Ana\u0000Bowman" } },
        {},
        "body.properties.returnAddress.recipientName",
      ],
      [
        { returnAddress: { ...RETURN_ADDRESS, streetAddress2: "Dock\u001b4" } },
        {},
        "body.properties.returnAddress.streetAddress2",
      ],
      [
        { returnShipping: { carrierName: "UPS", carrierAccountNumber: "12\u00003" } },
        {},
        "body.properties.returnShipping.carrierAccountNumber",
      ],
    ];
    for (const [more, drive, target] of cases) {
      const body = importJob(1, more);
      Object.assign(body.properties.driveList[0]!, drive);
      const r = await call(PUT, "PUT", { key: contoso.key, name: "contoso-nul", body });
      expect(r.status, target).toBe(400);
      expect(errorOf(r.json), target).toMatchObject({
        code: "InvalidRequest",
        target,
        message: PRINTABLE,
      });
      // The refusal never echoes the request, so a BitLocker key in it cannot leak.
      expect(r.text).not.toContain(SECRET_KEYS[0]);
    }
    const exportJob = await call(PUT, "PUT", {
      key: contoso.key,
      name: "contoso-nul",
      body: {
        properties: {
          jobType: "Export",
          storageAccountId: "contosostore",
          export: { blobList: { blobPath: ["/backups/db\u0000.bak"] } },
        },
      },
    });
    expect(exportJob.status).toBe(400);
    expect(errorOf(exportJob.json).target).toBe("body.properties.export.blobList.blobPath.0");
    expect(await t.db.job.count({ where: { name: "contoso-nul" } })).toBe(0);
  });

  it("R-E4: a control character in any return address field of an update is 400, and the job is unchanged", async () => {
    await create("contoso-nul-address");
    const before = await jobRow(contoso.id, "contoso-nul-address");
    for (const field of Object.keys(RETURN_ADDRESS)) {
      const r = await call(PATCH, "PATCH", {
        key: contoso.key,
        name: "contoso-nul-address",
        body: { properties: { returnAddress: { ...RETURN_ADDRESS, [field]: "Red\u0000mond 98" } } },
      });
      expect(r.status, field).toBe(400);
      expect(errorOf(r.json), field).toMatchObject({
        target: `body.properties.returnAddress.${field}`,
        message: PRINTABLE,
      });
    }
    expect(await jobRow(contoso.id, "contoso-nul-address")).toEqual(before);
  });
});

describe("authentication on every operation", () => {
  it("answers 401 without a key and 403 with a station key, and changes nothing", async () => {
    await create("contoso-auth");
    const before = await jobRow(contoso.id, "contoso-auth");
    const operations: [Handler, string, Call][] = [
      [LIST, "GET", {}],
      [GET, "GET", { name: "contoso-auth" }],
      [PUT, "PUT", { name: "contoso-auth-new", body: importJob() }],
      [PATCH, "PATCH", { name: "contoso-auth", body: { properties: { logLevel: "Verbose" } } }],
      [DELETE, "DELETE", { name: "contoso-auth" }],
    ];
    for (const [handler, method, c] of operations) {
      const anonymous = await call(handler, method, { ...c, key: null });
      expect(anonymous.status, `${method} without a key`).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
      expect(errorOf(anonymous.json).code).toBe("Unauthenticated");
      const station = await call(handler, method, { ...c, key: stationKey });
      expect(station.status, `${method} with a station key`).toBe(403);
      expect(errorOf(station.json).code).toBe("Forbidden");
    }
    expect(await jobRow(contoso.id, "contoso-auth")).toEqual(before);
    expect(await t.db.job.count({ where: { name: "contoso-auth-new" } })).toBe(0);
    expect((await eventsOf(before.id)).map((e) => e.kind)).toEqual(["job.created"]);
  });
});

describe("Get Job", () => {
  it("R-G1..R-G4: state, percent, drive states, and the verbose log only when logging is verbose", async () => {
    await create("contoso-logs");
    const row = await jobRow(contoso.id, "contoso-logs");
    await t.db.drive.updateMany({
      where: { jobId: row.id },
      data: {
        errorLogUri: "https://logs.example/error.xml",
        verboseLogUri: "https://logs.example/verbose.xml",
      },
    });
    const plain = parse(
      JobResponse,
      (await call(GET, "GET", { key: contoso.key, name: "contoso-logs" })).json,
    );
    expect(plain.properties.logLevel).toBe("Error");
    for (const d of plain.properties.driveList) {
      expect(d.errorLogUri).toBe("https://logs.example/error.xml");
      expect(d).not.toHaveProperty("verboseLogUri");
    }
    const verbose = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-logs",
      body: { properties: { logLevel: "Verbose" } },
    });
    expect(verbose.status).toBe(200);
    for (const d of parse(JobResponse, verbose.json).properties.driveList) {
      expect(d.verboseLogUri).toBe("https://logs.example/verbose.xml");
    }
  });

  it("answers 404 NotFound for a job that does not exist", async () => {
    const r = await call(GET, "GET", { key: contoso.key, name: "no-such-job" });
    expect(r.status).toBe(404);
    expect(errorOf(r.json)).toEqual({
      code: "NotFound",
      message: "You have no job named no-such-job.",
      target: "params.jobName",
    });
  });
});

describe("Update Job Properties", () => {
  it("R-J3: an update in Creating keeps it Creating and restarts the 14-day timer", async () => {
    await create("contoso-timer");
    const old = new Date(Date.now() - 10 * 24 * 3600_000);
    await t.db.job.updateMany({
      where: { name: "contoso-timer" },
      data: { creatingTimerStartedAt: old },
    });
    const before = Date.now();
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-timer",
      body: { properties: { returnAddress: RETURN_ADDRESS } },
    });
    expect(r.status).toBe(200);
    const job = parse(JobResponse, r.json);
    expect(job.properties.state).toBe("Creating");
    expect(job.properties.returnAddress).toEqual(RETURN_ADDRESS);
    const row = await jobRow(contoso.id, "contoso-timer");
    expect(row.creatingTimerStartedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await eventsOf(row.id)).map((e) => e.kind)).toEqual([
      "job.created",
      "job.updateProperties",
    ]);
  });

  it("R-J5: Shipping without a delivery package is refused with 409 naming R-J5, and the whole request is undone", async () => {
    await create("contoso-r-j5");
    const before = await jobRow(contoso.id, "contoso-r-j5");
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-r-j5",
      body: {
        properties: { returnAddress: RETURN_ADDRESS, logLevel: "Verbose", state: "Shipping" },
      },
    });
    expect(r.status).toBe(409);
    const error = errorOf(r.json);
    expect(error.code).toBe("InvalidState");
    expect(error.message).toMatch(
      /delivery package \(carrier and tracking number\) is missing \(R-J5\)/,
    );
    expect(error.details).toEqual([{ code: "Rule", message: "R-J5" }]);
    // The address and log level of the same request were rolled back with it.
    expect(await jobRow(contoso.id, "contoso-r-j5")).toEqual(before);
    expect((await eventsOf(before.id)).map((e) => e.kind)).toEqual(["job.created"]);
  });

  it("R-J4: properties and Shipping in one request are one change; a repeat answers 200 and changes nothing", async () => {
    const row = await shippingJob("contoso-ship");
    expect(row.state).toBe("Shipping");
    expect(row.deliveryTrackingNumber).toBe("1Z999AA10123456784");
    expect(row.shippingInfoAt).not.toBeNull();
    expect((await eventsOf(row.id)).map((e) => [e.kind, e.toState])).toEqual([
      ["job.created", "Creating"],
      ["job.updateProperties", "Creating"],
      ["job.markShipping", "Shipping"],
    ]);
    const again = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-ship",
      body: { properties: { state: "Shipping" } },
    });
    expect(again.status).toBe(200);
    expect(parse(JobResponse, again.json).properties.state).toBe("Shipping");
    expect(await jobRow(contoso.id, "contoso-ship")).toEqual(row);
    expect(await eventsOf(row.id)).toHaveLength(3);
  });

  it("R-J4: a customer sets no state but Shipping (400), and cannot send an empty update", async () => {
    await create("contoso-state");
    for (const state of ["Received", "Completed", "Creating"]) {
      const r = await call(PATCH, "PATCH", {
        key: contoso.key,
        name: "contoso-state",
        body: { properties: { state } },
      });
      expect(r.status).toBe(400);
      expect(errorOf(r.json).target).toBe("body.properties.state");
      expect(errorOf(r.json).message).toMatch(/only state you can set is "Shipping"/);
    }
    const empty = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-state",
      body: { properties: {} },
    });
    expect(empty.status).toBe(400);
    const undo = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-state",
      body: { properties: { cancelRequested: false } },
    });
    expect(undo.status).toBe(400);
    expect(errorOf(undo.json).target).toBe("body.properties.cancelRequested");
  });

  it("R-J14: cancels in Shipping (a repeat is a no-op) and refuses once the copy has begun (409)", async () => {
    await shippingJob("contoso-cancel");
    const cancel = { properties: { cancelRequested: true } };
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-cancel",
      body: cancel,
    });
    expect(r.status).toBe(200);
    expect(parse(JobResponse, r.json).properties).toMatchObject({
      state: "Shipping",
      cancelRequested: true,
    });
    const again = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-cancel",
      body: cancel,
    });
    expect(again.status).toBe(200);
    const row = await jobRow(contoso.id, "contoso-cancel");
    expect((await eventsOf(row.id)).filter((e) => e.kind === "job.cancel")).toHaveLength(1);

    const busy = await shippingJob("contoso-busy");
    for (const d of busy.drives) ok(await receiveDrive(t.db, ANA, d.id, new Date()));
    ok(await startDriveCopy(t.db, STATION, busy.drives[0]!.id, new Date()));
    expect((await jobRow(contoso.id, "contoso-busy")).state).toBe("Transferring");
    const refused = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-busy",
      body: cancel,
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused.json)).toMatchObject({
      code: "InvalidState",
      details: [{ code: "Rule", message: "R-J14" }],
    });
    expect(errorOf(refused.json).message).toMatch(/copy has begun/);
    expect((await jobRow(contoso.id, "contoso-busy")).cancelRequested).toBe(false);
  });

  it("R-J4: properties of a job past Shipping no longer change (409)", async () => {
    const busy = await jobRow(contoso.id, "contoso-busy");
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-busy",
      body: { properties: { logLevel: "Verbose" } },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.json).message).toMatch(
      /A Transferring job cannot have its properties updated/,
    );
    expect(await jobRow(contoso.id, "contoso-busy")).toEqual(busy);
  });
});

describe("Update Job Properties: the drive list", () => {
  it("R-D1, R-J3: replaces the list in Creating; a drive named again keeps its BitLocker key", async () => {
    const created = await create("contoso-drives", importJob(2));
    const [first, second] = created.properties.driveList.map((d) => d.driveId);
    const added = serial();
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-drives",
      body: {
        properties: {
          driveList: [{ driveId: second }, { driveId: added, bitLockerKey: SECRET_KEYS[2] }],
        },
      },
    });
    expect(r.status, r.text).toBe(200);
    const job = parse(JobResponse, r.json);
    expect(job.properties.driveList.map((d) => [d.driveId, d.state])).toEqual([
      [second, "Specified"],
      [added, "Specified"],
    ]);
    const row = await jobRow(contoso.id, "contoso-drives");
    expect(row.drives.map((d) => [d.serial, d.bitLockerKey])).toEqual([
      [second, SECRET_KEYS[1]],
      [added, SECRET_KEYS[2]],
    ]);
    const event = (await eventsOf(row.id)).at(-1)!;
    expect(event).toMatchObject({
      kind: "job.replaceDriveList",
      fromState: "Creating",
      toState: "Creating",
      actorType: "apiKey",
    });
    expect(event.data).toMatchObject({ rule: "R-J3", added: [added], removed: [first] });
  });

  it("R-J3: the drive list cannot change once the job is Shipping (409), nor for an export job (R-D2)", async () => {
    const shipping = await jobRow(contoso.id, "contoso-ship");
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-ship",
      body: { properties: { driveList: [{ driveId: serial() }] } },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.json)).toMatchObject({ code: "InvalidState" });
    expect(errorOf(r.json).message).toMatch(/only a job that is Creating can/);
    expect(await jobRow(contoso.id, "contoso-ship")).toEqual(shipping);

    const exported = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-export-1",
      body: { properties: { driveList: [{ driveId: serial() }] } },
    });
    expect(exported.status).toBe(409);
    expect(errorOf(exported.json).details).toEqual([{ code: "Rule", message: "R-D2" }]);
  });

  it("R-E1: a drive that reached the dock before the job shipped keeps the list as it is", async () => {
    const created = await create("contoso-held", importJob(1));
    const pkg = await t.db.package.create({
      data: { direction: "Inbound", carrier: "UPS", trackingNumber: "1Z999AA10123456784" },
    });
    await t.db.drive.updateMany({
      where: { serial: created.properties.driveList[0]!.driveId },
      data: { inboundPackageId: pkg.id },
    });
    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-held",
      body: { properties: { driveList: [{ driveId: serial() }] } },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.json).message).toMatch(/already arrived at the datacenter .*\(R-E1\)/);
    const del = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-held" });
    expect(del.status).toBe(409);
    expect((await jobRow(contoso.id, "contoso-held")).drives).toHaveLength(1);
  });
});

describe("Update Job Properties: the drive list, at the same moment and with extra drives", () => {
  onPostgreSql(
    "R-J3: concurrent identical drive lists all answer 200 and add each drive once",
    async () => {
      for (let i = 0; i < 4; i++) {
        const name = `contoso-list-race-${i}`;
        const created = await create(name, importJob(1));
        const list = [{ driveId: created.properties.driveList[0]!.driveId }, { driveId: serial() }];
        const results = await Promise.all(
          [0, 1, 2].map(() =>
            call(PATCH, "PATCH", {
              key: contoso.key,
              name,
              body: { properties: { driveList: list } },
            }),
          ),
        );
        expect(
          results.map((r) => r.status),
          results.map((r) => r.text).join("\n"),
        ).toEqual([200, 200, 200]);
        const row = await jobRow(contoso.id, name);
        expect(row.drives.map((d) => d.serial)).toEqual(list.map((d) => d.driveId).sort());
        const replaced = (await eventsOf(row.id)).filter((e) => e.kind === "job.replaceDriveList");
        expect(replaced).toHaveLength(3);
        // One of them added the drive; the others ran after it and found it listed.
        expect(replaced.map((e) => (e.data as { added: string[] }).added.length).sort()).toEqual([
          0, 0, 1,
        ]);
      }
    },
  );

  it("R-E5, R-E1: a drive that arrived as an extra drive of the job cannot join its drive list (409), and nothing changes", async () => {
    const tracking = dhlTrackingNumber(seededRandom(4242));
    const created = await create(
      "contoso-extra",
      importJob(1, { deliveryPackage: { carrierName: "DHL", trackingNumber: tracking } }),
    );
    const listed = created.properties.driveList[0]!.driveId;
    const now = new Date();
    const pkg = ok(await openDockPackage(t.db, ANA, { code: tracking, direction: "Inbound" }, now));
    const extra = serial();
    const scan = ok(
      await scanDriveIn(
        t.db,
        ANA,
        // Scanned again after "did you mean" (a random serial may be near the listed one).
        { packageId: pkg.packageId, code: extra, scanId: randomUUID(), confirmExtra: true },
        now,
      ),
    );
    expect(scan.kind).toBe("extra");
    const before = await jobRow(contoso.id, "contoso-extra");
    const events = await eventsOf(before.id);

    const r = await call(PATCH, "PATCH", {
      key: contoso.key,
      name: "contoso-extra",
      body: { properties: { driveList: [{ driveId: listed }, { driveId: extra }] } },
    });
    expect(r.status, r.text).toBe(409);
    expect(errorOf(r.json)).toMatchObject({
      code: "InvalidState",
      details: [{ code: "Rule", message: "R-E5" }],
    });
    expect(errorOf(r.json).message).toBe(
      `Drive ${extra} already arrived at the datacenter as an extra drive of this job, not on its drive list, and is held for a supervisor: it cannot be added to the drive list. Operations will contact you (R-E5, R-E1).`,
    );
    expect(await jobRow(contoso.id, "contoso-extra")).toEqual(before);
    expect(await eventsOf(before.id)).toEqual(events);
    const shown = parse(
      JobResponse,
      (await call(GET, "GET", { key: contoso.key, name: "contoso-extra" })).json,
    );
    expect(shown.properties.driveList.map((d) => [d.driveId, d.extra])).toEqual([
      [listed, false],
      [extra, true],
    ]);
  });
});

describe("Delete Job", () => {
  it("R-J2: deletes a Creating job (200), leaving a tombstone event with its name and final state", async () => {
    await create("contoso-delete");
    const row = await jobRow(contoso.id, "contoso-delete");
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-delete" });
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    expect((await call(GET, "GET", { key: contoso.key, name: "contoso-delete" })).status).toBe(404);
    expect(await t.db.drive.count({ where: { jobId: row.id } })).toBe(0);
    const tombstone = (await eventsOf(row.id)).at(-1)!;
    expect(tombstone).toMatchObject({
      kind: "job.delete",
      fromState: "Creating",
      toState: "Deleted",
      actorType: "apiKey",
    });
    expect(tombstone.data).toMatchObject({
      rule: "R-J2",
      name: "contoso-delete",
      tombstone: { finalState: "Creating", type: "Import", customerId: contoso.id },
    });
    const again = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-delete" });
    expect(again.status).toBe(404);
  });

  it("R-J2: two deletions at the same moment delete once: one 200, the other 404", async () => {
    await create("contoso-delete-race");
    const row = await jobRow(contoso.id, "contoso-delete-race");
    const results = await Promise.all(
      [0, 1].map(() => call(DELETE, "DELETE", { key: contoso.key, name: "contoso-delete-race" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await eventsOf(row.id)).filter((e) => e.kind === "job.delete")).toHaveLength(1);
  });

  it("R-J13: deletes a Closed job whose drives came back", async () => {
    await t.db.job.create({
      data: {
        customerId: contoso.id,
        name: "contoso-closed",
        type: "Import",
        state: "Closed",
        storageAccount: "s-1",
        drives: { create: [{ serial: serial(), state: "ShippedBack" }] },
      },
    });
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-closed" });
    expect(r.status).toBe(200);
    expect(await t.db.job.count({ where: { name: "contoso-closed" } })).toBe(0);
  });

  it("refuses to delete a Shipping job (409 InvalidState), which stays as it was", async () => {
    const before = await jobRow(contoso.id, "contoso-ship");
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-ship" });
    expect(r.status).toBe(409);
    expect(errorOf(r.json).code).toBe("InvalidState");
    expect(errorOf(r.json).message).toMatch(
      /A Shipping job cannot be deleted; only a job that is Creating, Completed or Closed can/,
    );
    expect(await jobRow(contoso.id, "contoso-ship")).toEqual(before);
  });
});

describe("Delete Job keeps what the job's incidents need", () => {
  /** A returned export job (R-E3 applies to it), Completed with its drives shipped back. */
  async function finishedExportJob(name: string) {
    return t.db.job.create({
      data: {
        customerId: contoso.id,
        name,
        type: "Export",
        state: "Completed",
        storageAccount: "s-1",
        drives: { create: [{ serial: serial(), state: "ShippedBack" }] },
      },
    });
  }
  const lostOrDamaged = (jobId: string) => ({
    kind: "ReturnedDrivesLostOrDamaged" as const,
    jobId,
    summary: "The customer reports the drives never arrived.",
  });

  it("R-E3: a finished job with an open incident is not deleted (409); once it is resolved, it is", async () => {
    const job = await finishedExportJob("contoso-e3");
    const incident = ok(await openIncidentByHand(t.db, SAM, lostOrDamaged(job.id), new Date()));
    const before = await jobRow(contoso.id, "contoso-e3");
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-e3" });
    expect(r.status, r.text).toBe(409);
    expect(errorOf(r.json)).toMatchObject({
      code: "InvalidState",
      details: [{ code: "Rule", message: "R-E3" }],
    });
    expect(errorOf(r.json).message).toMatch(
      /^This job has an open incident \("Returned drives lost or damaged", R-E3\): .* cannot be deleted until it is resolved\.$/,
    );
    expect(await jobRow(contoso.id, "contoso-e3")).toEqual(before);
    expect(await t.db.incident.count({ where: { id: incident.id, status: "Open" } })).toBe(1);
    expect((await eventsOf(job.id)).filter((e) => e.kind === "job.delete")).toHaveLength(0);

    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        incident.id,
        { outcome: "resolved", note: "The carrier found the package." },
        new Date(),
      ),
    );
    const again = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-e3" });
    expect(again.status, again.text).toBe(200);
    expect(await t.db.job.count({ where: { id: job.id } })).toBe(0);
  });

  it("R-E1, R-E4: a job whose drives were securely destroyed is kept with its destruction record (409)", async () => {
    const lost = serial();
    const job = await t.db.job.create({
      data: {
        customerId: contoso.id,
        name: "contoso-destroyed",
        type: "Import",
        state: "Closed",
        storageAccount: "s-1",
        drives: { create: [{ serial: serial(), state: "ShippedBack" }] },
      },
    });
    const incident = await t.db.incident.create({
      data: {
        kind: "ReturnAddressInvalid",
        jobId: job.id,
        summary: "The return address is wrong.",
        status: "Resolved",
        resolvedAt: new Date(),
        resolution: "Drives destroyed.",
        destructions: {
          create: {
            destroyedAt: new Date(),
            method: "Shredded",
            serials: [lost],
            byUserId: SAM.id,
            byName: SAM.label,
          },
        },
      },
    });
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-destroyed" });
    expect(r.status, r.text).toBe(409);
    expect(errorOf(r.json)).toMatchObject({
      code: "InvalidState",
      message:
        "Drives of this job were securely destroyed (R-E4): the job is kept with its destruction certificate and cannot be deleted.",
      details: [{ code: "Rule", message: "R-E4" }],
    });
    expect(await t.db.job.count({ where: { id: job.id } })).toBe(1);
    expect(await t.db.destructionRecord.count({ where: { incidentId: incident.id } })).toBe(1);
  });

  it("R-J2: the state rules answer first: a Shipping job with an open incident is refused for its state", async () => {
    const row = await shippingJob("contoso-ship-incident");
    await t.db.incident.create({
      data: { kind: "PackageOverdue", jobId: row.id, summary: "Late.", status: "Open" },
    });
    const r = await call(DELETE, "DELETE", { key: contoso.key, name: "contoso-ship-incident" });
    expect(r.status).toBe(409);
    expect(errorOf(r.json).message).toMatch(/A Shipping job cannot be deleted/);
  });

  onPostgreSql(
    "R-E3: a deletion racing an incident opened by hand: exactly one wins, and no incident is lost",
    async () => {
      for (let i = 0; i < 6; i++) {
        const name = `contoso-e3-race-${i}`;
        const job = await finishedExportJob(name);
        const [del, opened] = await Promise.all([
          call(DELETE, "DELETE", { key: contoso.key, name }),
          openIncidentByHand(t.db, SAM, lostOrDamaged(job.id), new Date()),
        ]);
        const jobs = await t.db.job.count({ where: { id: job.id } });
        if (del.status === 200) {
          expect(opened.ok, name).toBe(false);
          expect(jobs).toBe(0);
        } else {
          expect(del.status, del.text).toBe(409);
          expect(opened.ok, name).toBe(true);
          expect(await t.db.incident.count({ where: { jobId: job.id, status: "Open" } })).toBe(1);
        }
      }
    },
  );

  onPostgreSql(
    "R-E1: a deletion racing a dock scan of the job's drive never deletes a drive the dock holds",
    async () => {
      const now = new Date();
      const tracking = dhlTrackingNumber(seededRandom(777));
      const pkg = ok(
        await openDockPackage(t.db, ANA, { code: tracking, direction: "Inbound" }, now),
      );
      for (let i = 0; i < 6; i++) {
        const name = `contoso-dock-race-${i}`;
        const created = await create(name, importJob(1));
        const driveId = created.properties.driveList[0]!.driveId;
        const [del, scan] = await Promise.all([
          call(DELETE, "DELETE", { key: contoso.key, name }),
          scanDriveIn(
            t.db,
            ANA,
            { packageId: pkg.packageId, code: driveId, scanId: randomUUID() },
            now,
          ),
        ]);
        const outcome = ok(scan);
        const drives = await t.db.drive.findMany({ where: { serial: driveId } });
        expect(drives, name).toHaveLength(1);
        if (del.status === 200) {
          // The job went first: the drive is recorded as belonging to no job (R-E1).
          expect(outcome.kind, name).toBe("held");
          expect(drives[0]!.jobId, name).toBeNull();
        } else {
          expect(del.status, del.text).toBe(409);
          expect(drives[0]!.inboundPackageId, name).toBe(pkg.packageId);
          expect(errorOf(del.json).message).toMatch(/already arrived at the datacenter/);
        }
      }
    },
  );
});

describe("List Jobs", () => {
  let pager: { id: string; key: string };
  const names = Array.from({ length: 7 }, (_, i) => `page-job-${i}`);

  beforeAll(async () => {
    const { id } = await t.db.customer.create({
      data: { name: "Pager", contactName: "P", contactEmail: "p@pager.example" },
    });
    const { key } = ok(
      await issueApiKey(
        t.db,
        ADMIN,
        { kind: "customer", name: "Pager", customerId: id },
        new Date(),
      ),
    );
    pager = { id, key };
    for (const name of names) await create(name, importJob(1), key);
    // Four of them share one instant, so the cursor's tie-break on id is exercised.
    await t.db.job.updateMany({
      where: { customerId: id, name: { in: names.slice(1, 5) } },
      data: { createdAt: new Date("2026-03-01T10:00:00.000Z") },
    });
  });

  async function walk(query: string) {
    const seen: string[] = [];
    let next: string | undefined = `?${query}`;
    let pages = 0;
    while (next !== undefined) {
      const r = await call(LIST, "GET", { key: pager.key, query: next });
      expect(r.status, r.text).toBe(200);
      const page = parse(ListJobsResponse, r.json);
      seen.push(...page.value.map((j) => j.name));
      next = page.nextLink ? new URL(page.nextLink).search : undefined;
      pages += 1;
      if (pages === 3 && next) {
        // A job created between pages appears on no later page and disturbs nothing.
        await create(`page-late-${pages}`, importJob(1), pager.key);
      }
    }
    return { seen, pages };
  }

  it("walks every job exactly once with nextLink, newest first", async () => {
    const { seen, pages } = await walk("$top=2&api-version=2021-01-01");
    expect(pages).toBe(4);
    expect(seen.filter((n) => n.startsWith("page-job-")).sort()).toEqual([...names].sort());
    expect(new Set(seen).size).toBe(seen.length);
    const rows = await t.db.job.findMany({
      where: { customerId: pager.id, name: { in: names } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(seen.filter((n) => n.startsWith("page-job-"))).toEqual(rows.map((j) => j.name));
  });

  it("accepts a $skipToken at the edges of the years it allows", async () => {
    for (const at of ["2000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      const token = encodeJobCursor({ createdAt: new Date(at), id: randomUUID() });
      const r = await call(LIST, "GET", { key: pager.key, query: `?$skipToken=${token}` });
      expect(r.status, r.text).toBe(200);
    }
  });

  it("defaults to 20 per page and filters by state", async () => {
    const all = parse(ListJobsResponse, (await call(LIST, "GET", { key: pager.key })).json);
    expect(all.value.length).toBeGreaterThanOrEqual(names.length);
    expect(all.nextLink).toBeUndefined();
    await t.db.job.updateMany({ where: { name: "page-job-3" }, data: { state: "Shipping" } });
    const shipping = await call(LIST, "GET", {
      key: pager.key,
      query: `?$filter=${encodeURIComponent("state eq 'Shipping'")}`,
    });
    expect(parse(ListJobsResponse, shipping.json).value.map((j) => j.name)).toEqual(["page-job-3"]);
  });

  it("refuses a bad $top, $skipToken or $filter with 400 and its target", async () => {
    for (const [query, target] of [
      ["?$top=0", "query.$top"],
      ["?$top=101", "query.$top"],
      ["?$top=ten", "query.$top"],
      ["?$skipToken=not-a-token", "query.$skipToken"],
      ...[
        ["-100000-01-01T00:00:00.000Z", randomUUID()],
        ["+275760-09-13T00:00:00.000Z", randomUUID()],
        ["1999-12-31T23:59:59.999Z", randomUUID()],
        ["2026-03-01T10:00:00Z", randomUUID()],
        ["2026-02-30T10:00:00.000Z", randomUUID()],
        ["2026-03-01T10:00:00.000Z", "a\u0000b"],
        ["2026-03-01T10:00:00.000Z", ""],
      ].map(
        (cursor) =>
          [
            `?$skipToken=${Buffer.from(JSON.stringify(cursor)).toString("base64url")}`,
            "query.$skipToken",
          ] as const,
      ),
      [`?$filter=${encodeURIComponent("name eq 'x'")}`, "query.$filter"],
      [`?$filter=${encodeURIComponent("state eq 'Lost'")}`, "query.$filter"],
    ] as const) {
      const r = await call(LIST, "GET", { key: pager.key, query });
      expect(r.status, query).toBe(400);
      expect(errorOf(r.json).target, query).toBe(target);
    }
  });
});

describe("cross-customer isolation", () => {
  it("another customer's key gets 404 on GET, PATCH and DELETE, exactly as for no job, and nothing changes", async () => {
    const job = await jobRow(contoso.id, "contoso-import-1");
    const events = await eventsOf(job.id);
    const attempts: [Handler, string, unknown][] = [
      [GET, "GET", undefined],
      [PATCH, "PATCH", { properties: { cancelRequested: true } }],
      [
        PATCH,
        "PATCH",
        {
          properties: {
            deliveryPackage: DELIVERY,
            returnAddress: RETURN_ADDRESS,
            state: "Shipping",
          },
        },
      ],
      [DELETE, "DELETE", undefined],
    ];
    for (const [handler, method, body] of attempts) {
      const theirs = await call(handler, method, {
        key: fabrikam.key,
        name: "contoso-import-1",
        body,
      });
      const none = await call(handler, method, {
        key: fabrikam.key,
        name: "contoso-nothing",
        body,
      });
      expect(theirs.status, method).toBe(404);
      expect(errorOf(theirs.json)).toEqual({
        ...errorOf(none.json),
        message: errorOf(none.json).message.replace("contoso-nothing", "contoso-import-1"),
      });
    }
    expect(await jobRow(contoso.id, "contoso-import-1")).toEqual(job);
    expect(await eventsOf(job.id)).toEqual(events);
  });

  it("another customer's list never shows the job, and the same name is free for them", async () => {
    const theirs = await call(LIST, "GET", { key: fabrikam.key, query: "?$top=100" });
    const contosoNames = (await t.db.job.findMany({ where: { customerId: contoso.id } })).map(
      (j) => j.name,
    );
    expect(contosoNames.length).toBeGreaterThan(5);
    for (const j of parse(ListJobsResponse, theirs.json).value) {
      expect(contosoNames).not.toContain(j.name);
    }
    const same = await create("contoso-import-1", importJob(1), fabrikam.key);
    expect(same.properties.driveList).toHaveLength(1);
    const own = parse(ListJobsResponse, (await call(LIST, "GET", { key: fabrikam.key })).json);
    expect(own.value.map((j) => j.name)).toEqual(["contoso-import-1"]);
    expect((await jobRow(contoso.id, "contoso-import-1")).drives).toHaveLength(2);
  });
});

describe("secrets", () => {
  it("no response body of this file ever held a BitLocker key", async () => {
    const stored = await t.db.drive.count({ where: { bitLockerKey: { in: SECRET_KEYS } } });
    expect(stored).toBeGreaterThan(10);
    expect(bodies.length).toBeGreaterThan(80);
    const all = bodies.join("\n");
    for (const key of SECRET_KEYS) {
      expect(all).not.toContain(key);
      expect(all).not.toContain(key.replaceAll("-", ""));
    }
    expect(all).not.toMatch(/"bitLockerKey"\s*:/);
  });
});
