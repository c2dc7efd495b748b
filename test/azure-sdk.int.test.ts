/**
 * Azure's own JavaScript SDK for Import/Export (@azure/arm-storageimportexport), unchanged, as the
 * contract: create, get, list with paging, update and delete jobs, list locations and operations.
 * Only its endpoint and credential change: the credential's token is a Dockside customer key.
 *
 * Its requests are answered in process by the app's own route handlers, found as Next.js finds
 * them (test/app-routes.ts). The endpoint is https because the SDK's bearer-token policy refuses
 * to send a token over plain http; no socket is opened, so the test needs no certificate.
 * e2e/azure-paths.spec.ts checks the same paths through the built app's router and proxy.
 */
import {
  StorageImportExport,
  type JobResponse,
  type PutJobParameters,
} from "@azure/arm-storageimportexport";
import type { TokenCredential } from "@azure/core-auth";
import {
  createHttpHeaders,
  isRestError,
  type HttpClient,
  type PipelineRequest,
  type RestError,
} from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { dispatch } from "@/test/app-routes.ts";
import { ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { createSite } from "@/lib/server/sites/commands.ts";
import { SiteInput } from "@/lib/validation/sites.ts";

const ENDPOINT = "https://dockside.test";
const SUBSCRIPTION = "5a1f07b2-3c9d-4e8f-a6b1-0c2d3e4f5a6b";
const GROUP = "archive-rg";
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
const BITLOCKER = "112233-445566-778899-001122-334455-667788-990011-223344";
const RETURN_ADDRESS = {
  recipientName: "Ana Bowman",
  streetAddress1: "1 Contoso Way",
  city: "Redmond",
  stateOrProvince: "WA",
  postalCode: "98052",
  countryOrRegion: "USA",
  phone: "4255550100",
  email: "storage@contoso.example",
};
const HEADER_HASH = `0:1048576:${"AB".repeat(64)};135266304:143360:${"CD".repeat(64)}`;

let t: TestDatabase;
let client: StorageImportExport;
let otherCustomer: StorageImportExport;
const bodies: string[] = [];

/** The SDK's transport: each request goes to the route handler `next start` would run. */
const inProcess: HttpClient = {
  async sendRequest(request: PipelineRequest) {
    const body = request.body;
    const response = await dispatch(
      new Request(request.url, {
        method: request.method,
        headers: request.headers.toJSON(),
        ...(typeof body === "string" ? { body } : {}),
      }),
    );
    const text = await response.text();
    bodies.push(text);
    return {
      request,
      status: response.status,
      headers: createHttpHeaders(Object.fromEntries(response.headers)),
      bodyAsText: text,
    };
  },
};

/** A TokenCredential whose token is a Dockside API key. */
const keyCredential = (key: string): TokenCredential => ({
  getToken: async () => ({ token: key, expiresOnTimestamp: Date.now() + 3_600_000 }),
});

const sdk = (key: string) =>
  new StorageImportExport(keyCredential(key), SUBSCRIPTION, {
    endpoint: ENDPOINT,
    httpClient: inProcess,
  });

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const now = new Date();
  const customer = async (name: string) => {
    const { id } = await t.db.customer.create({
      data: { name, contactName: "Ana Bowman", contactEmail: `ops@${name.toLowerCase()}.example` },
    });
    return ok(
      await issueApiKey(
        t.db,
        ADMIN,
        { kind: "customer", name: `${name} SDK`, customerId: id },
        now,
      ),
    ).key;
  };
  client = sdk(await customer("Contoso"));
  otherCustomer = sdk(await customer("Fabrikam"));
  ok(
    await createSite(
      t.db,
      ADMIN,
      SiteInput.parse({
        name: "West US",
        recipientName: "Dockside Receiving",
        streetAddress1: "200 Harbor Road",
        city: "Santa Clara",
        stateOrProvince: "CA",
        postalCode: "95050",
        countryOrRegion: "USA",
        phone: "408 555 0199",
        supportedCarriers: "FedEx, UPS",
      }),
      now,
    ),
  );
});
afterAll(() => t.drop());

function importJob(name: string, serial: string): PutJobParameters {
  return {
    location: "West US",
    tags: { project: name },
    properties: {
      storageAccountId: "contosostore",
      jobType: "Import",
      returnAddress: RETURN_ADDRESS,
      returnShipping: { carrierName: "FedEx", carrierAccountNumber: "989ffff" },
      diagnosticsPath: "waimportexport",
      logLevel: "Verbose",
      backupDriveManifest: true,
      driveList: [
        {
          driveId: serial,
          bitLockerKey: BITLOCKER,
          manifestFile: "\\DriveManifest.xml",
          manifestHash: "109B21108597EF36D5785F08303F3638",
          driveHeaderHash: HEADER_HASH,
        },
      ],
    },
  };
}

const restError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  // The SDK's own copy of core-rest-pipeline throws it: compare by shape, not by class identity.
  expect(isRestError(error), String(error)).toBe(true);
  return error as RestError;
};

describe("the Azure SDK against Dockside", () => {
  let created: JobResponse;

  it("creates an import job on the ARM path and reads it back", async () => {
    created = await client.jobs.create("sdk-import-1", GROUP, importJob("one", "9CA995BB"));
    expect(created).toMatchObject({
      id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${GROUP}/providers/Microsoft.ImportExport/jobs/sdk-import-1`,
      name: "sdk-import-1",
      type: "Microsoft.ImportExport/jobs",
      location: "West US",
      tags: { project: "one" },
      properties: {
        jobType: "Import",
        state: "Creating",
        diagnosticsPath: "waimportexport",
        encryptionKey: { kekType: "MicrosoftManaged" },
        shippingInformation: { city: "Santa Clara", postalCode: "95050" },
        driveList: [{ driveId: "9CA995BB", state: "Specified", driveHeaderHash: HEADER_HASH }],
      },
    });
    const read = await client.jobs.get("sdk-import-1", GROUP);
    expect(read.properties?.driveList?.[0]?.bitLockerKey).toBeUndefined();
    expect(read.properties?.returnAddress).toEqual(RETURN_ADDRESS);
  });

  it("create again is create-or-update: the SDK gets 200 and the change is applied", async () => {
    const again = importJob("one-renamed", "9CA995BB");
    const updated = await client.jobs.create("sdk-import-1", GROUP, again);
    expect(updated.tags).toEqual({ project: "one-renamed" });
    expect(updated.id).toBe(created.id);
  });

  it("lists the resource group's jobs a page at a time, following nextLink", async () => {
    for (let i = 2; i <= 5; i += 1) {
      await client.jobs.create(`sdk-import-${i}`, GROUP, importJob(`n${i}`, `9CA995C${i}`));
    }
    await client.jobs.create("sdk-elsewhere", "other-rg", importJob("x", "9CA995D1"));
    const pages: string[][] = [];
    for await (const page of client.jobs.listByResourceGroup(GROUP, { top: 2 }).byPage()) {
      pages.push(page.map((j) => j.name!));
    }
    expect(pages.length).toBe(3);
    expect(pages.flat().sort()).toEqual([1, 2, 3, 4, 5].map((i) => `sdk-import-${i}`));
    const all: string[] = [];
    for await (const job of client.jobs.listBySubscription({ top: 4 })) all.push(job.name!);
    expect(all).toHaveLength(6);
    expect(all).toContain("sdk-elsewhere");
  });

  it("another customer's key sees none of it, on any subscription", async () => {
    expect((await restError(otherCustomer.jobs.get("sdk-import-1", GROUP))).statusCode).toBe(404);
    const listed: string[] = [];
    for await (const job of otherCustomer.jobs.listBySubscription()) listed.push(job.name!);
    expect(listed).toEqual([]);
  });

  it("a job is reached only under the resource group it was made in", async () => {
    const error = await restError(client.jobs.get("sdk-import-1", "other-rg"));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("NotFound");
  });

  it('updates tags and properties with state "", then moves the job to Shipping (R-J4, R-J5)', async () => {
    const first = await client.jobs.update("sdk-import-1", GROUP, {
      tags: { project: "one", stage: "packed" },
      state: "",
      logLevel: "Error",
      deliveryPackage: {
        carrierName: "Contoso Couriers",
        trackingNumber: "CC-4821-7730",
        driveCount: 1,
        shipDate: "8/11/2026 9:05:00 PM",
      },
    });
    expect(first.tags).toEqual({ project: "one", stage: "packed" });
    expect(first.properties).toMatchObject({
      state: "Creating",
      logLevel: "Error",
      deliveryPackage: {
        carrierName: "Contoso Couriers",
        trackingNumber: "CC48217730",
        shipDate: "2026-08-11T21:05:00.000Z",
      },
    });
    const shipping = await client.jobs.update("sdk-import-1", GROUP, { state: "Shipping" });
    expect(shipping.properties?.state).toBe("Shipping");
    const refused = await restError(
      client.jobs.update("sdk-import-2", GROUP, { state: "Shipping" }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toMatch(/delivery package/i);
  });

  it("creates an export job of every blob and deletes it (Delete answers 200)", async () => {
    const job = await client.jobs.create("sdk-export-1", GROUP, {
      location: "westus",
      properties: {
        storageAccountId: "contosostore",
        jobType: "export",
        returnAddress: RETURN_ADDRESS,
        returnShipping: { carrierName: "FedEx", carrierAccountNumber: "989ffff" },
        export: { blobPathPrefix: ["/"] },
      },
    });
    expect(job.properties).toMatchObject({
      jobType: "Export",
      export: { blobPathPrefix: ["/"] },
      driveList: [],
    });
    await client.jobs.delete("sdk-export-1", GROUP);
    expect((await restError(client.jobs.get("sdk-export-1", GROUP))).statusCode).toBe(404);
  });

  it("lists locations and operations, and reads one location by code or name", async () => {
    const locations = [];
    for await (const location of client.locations.list()) locations.push(location);
    expect(locations).toEqual([
      expect.objectContaining({
        id: "/providers/Microsoft.ImportExport/locations/westus",
        name: "West US",
        type: "Microsoft.ImportExport/locations",
        supportedCarriers: ["FedEx", "UPS"],
        alternateLocations: ["/providers/Microsoft.ImportExport/locations/westus"],
      }),
    ]);
    expect((await client.locations.get("West US")).city).toBe("Santa Clara");
    expect((await restError(client.locations.get("eastus"))).statusCode).toBe(404);
    const operations = [];
    for await (const operation of client.operations.list()) operations.push(operation.name);
    expect(operations).toContain("Microsoft.ImportExport/jobs/write");
    expect(operations).not.toContain("Microsoft.ImportExport/jobs/listBitLockerKeys/action");
  });

  it("BitLockerKeys_List is refused with a sentence (403), never a key", async () => {
    const error = await restError(
      (async () => {
        for await (const key of client.bitLockerKeys.list("sdk-import-1", GROUP)) return key;
      })(),
    );
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe("OperationNotOffered");
    expect(error.message).toMatch(/does not return BitLocker keys/);
  });

  it("no answer ever held a BitLocker key", () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(BITLOCKER);
  });
});
