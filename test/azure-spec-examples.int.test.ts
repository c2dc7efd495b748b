/**
 * The request examples of the public Azure Import/Export specification (api-version 2021-01-01,
 * specification/storageimportexport in Azure/azure-rest-api-specs: CreateJob, CreateExportJob,
 * UpdateJob, UpdateExportJob, GetJob, ListJobs*, DeleteJob, ListLocations, GetLocation,
 * ListOperations), sent to Dockside's ARM paths as they are, with every answer checked against the
 * spec's models: status codes, required properties and enum values. The models below are written
 * from the spec's definitions (JobResponse, JobDetails, DriveStatus, ReturnAddress, ...).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { dispatch } from "@/test/app-routes.ts";
import { ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { createSite } from "@/lib/server/sites/commands.ts";
import { SiteInput } from "@/lib/validation/sites.ts";

// ------------------------------------------------------------- the spec's models, as zod schemas

const ReturnAddress = z.object({
  recipientName: z.string(),
  streetAddress1: z.string(),
  streetAddress2: z.string().optional(),
  city: z.string(),
  stateOrProvince: z.string().optional(),
  postalCode: z.string(),
  countryOrRegion: z.string(),
  phone: z.string(),
  email: z.string(),
});
const ReturnShipping = z.object({ carrierName: z.string(), carrierAccountNumber: z.string() });
const ShippingInformation = z.object({
  recipientName: z.string(),
  streetAddress1: z.string(),
  streetAddress2: z.string().optional(),
  city: z.string(),
  stateOrProvince: z.string(),
  postalCode: z.string(),
  countryOrRegion: z.string(),
  phone: z.string().optional(),
  additionalInformation: z.string().optional(),
});
const PackageInformation = z.object({
  carrierName: z.string(),
  trackingNumber: z.string(),
  driveCount: z.int(),
  shipDate: z.string(),
});
const DeliveryPackageInformation = PackageInformation.partial({ driveCount: true, shipDate: true });
const DriveStatus = z.object({
  driveId: z.string().optional(),
  bitLockerKey: z.never().optional(), // the spec has it; Dockside never returns it
  manifestFile: z.string().optional(),
  manifestHash: z.string().optional(),
  driveHeaderHash: z.string().optional(),
  state: z
    .enum([
      "Specified",
      "Received",
      "NeverReceived",
      "Transferring",
      "Completed",
      "CompletedMoreInfo",
      "ShippedBack",
    ])
    .optional(),
  copyStatus: z.string().optional(),
  percentComplete: z.int().optional(),
  verboseLogUri: z.string().optional(),
  errorLogUri: z.string().optional(),
  manifestUri: z.string().optional(),
  bytesSucceeded: z.int().optional(),
});
const Export = z.object({
  blobList: z
    .object({
      blobPath: z.array(z.string()).optional(),
      blobPathPrefix: z.array(z.string()).optional(),
    })
    .optional(),
  blobListBlobPath: z.string().optional(),
});
const JobDetails = z.object({
  storageAccountId: z.string().optional(),
  jobType: z.string().optional(),
  returnAddress: ReturnAddress.optional(),
  returnShipping: ReturnShipping.optional(),
  shippingInformation: ShippingInformation.optional(),
  deliveryPackage: DeliveryPackageInformation.optional(),
  returnPackage: PackageInformation.optional(),
  diagnosticsPath: z.string().optional(),
  logLevel: z.string().optional(),
  backupDriveManifest: z.boolean().optional(),
  state: z.string().optional(),
  cancelRequested: z.boolean().optional(),
  percentComplete: z.int().optional(),
  incompleteBlobListUri: z.string().optional(),
  driveList: z.array(DriveStatus).optional(),
  export: Export.optional(),
  provisioningState: z.string().optional(),
  encryptionKey: z
    .object({
      kekType: z.enum(["MicrosoftManaged", "CustomerManaged"]).optional(),
      kekUrl: z.string().optional(),
      kekVaultResourceID: z.string().optional(),
    })
    .optional(),
});
const JobResponse = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  location: z.string().optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
  properties: JobDetails.optional(),
  identity: z
    .object({
      type: z.enum(["None", "SystemAssigned", "UserAssigned"]).optional(),
      principalId: z.string().optional(),
      tenantId: z.string().optional(),
    })
    .optional(),
});
const ListJobsResponse = z.object({
  nextLink: z.string().optional(),
  value: z.array(JobResponse).optional(),
});
const Location = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  properties: z
    .object({
      recipientName: z.string().optional(),
      streetAddress1: z.string().optional(),
      streetAddress2: z.string().optional(),
      city: z.string().optional(),
      stateOrProvince: z.string().optional(),
      postalCode: z.string().optional(),
      countryOrRegion: z.string().optional(),
      phone: z.string().optional(),
      additionalShippingInformation: z.string().optional(),
      supportedCarriers: z.array(z.string()).optional(),
      alternateLocations: z.array(z.string()).optional(),
    })
    .optional(),
});
const Operation = z.object({
  name: z.string(),
  display: z.object({
    provider: z.string().optional(),
    resource: z.string().optional(),
    operation: z.string().optional(),
    description: z.string().optional(),
  }),
});
const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    target: z.string().optional(),
    details: z
      .array(z.object({ code: z.string(), target: z.string().optional(), message: z.string() }))
      .optional(),
  }),
});

// ----------------------------------------------------------- the spec's example requests

const SUBSCRIPTION = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
const GROUP = "myResourceGroup";
const ACCOUNT = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${GROUP}/providers/Microsoft.ClassicStorage/storageAccounts/test`;
const EXAMPLE_ADDRESS = {
  recipientName: "Test",
  streetAddress1: "Street1",
  streetAddress2: "street2",
  city: "Redmond",
  stateOrProvince: "wa",
  postalCode: "98007",
  countryOrRegion: "USA",
  phone: "4250000000",
  email: "Test@contoso.com",
};
const EXAMPLE_COMMON = {
  storageAccountId: ACCOUNT,
  returnAddress: EXAMPLE_ADDRESS,
  returnShipping: { carrierName: "FedEx", carrierAccountNumber: "989ffff" },
  diagnosticsPath: "waimportexport",
  logLevel: "Verbose",
  backupDriveManifest: true,
};
const CREATE_JOB = {
  location: "West US",
  properties: {
    ...EXAMPLE_COMMON,
    jobType: "Import",
    driveList: [
      {
        driveId: "9CA995BB",
        bitLockerKey: "238810-662376-448998-450120-652806-203390-606320-483076",
        manifestFile: "\\8a0c23f7-14b7-470a-9633-fcd46590a1bc.manifest",
        manifestHash: "4228EC5D8E048CB9B515338C789314BE8D0B2FDBC7C7A0308E1C826242CDE74E",
        driveHeaderHash:
          "0:1048576:FB6B6ED500D49DA6E0D723C98D42C657F2881CC13357C28DCECA6A524F1292501571A321238540E621AB5BD9C9A32637615919A75593E6CB5C1515DAE341CABF;135266304:143360:C957A189AFC38C4E80731252301EB91427CE55E61448FA3C73C6FDDE70ABBC197947EC8D0249A2C639BB10B95957D5820A4BE8DFBBF76FFFA688AE5CE0D42EC3",
      },
    ],
  },
};
const CREATE_EXPORT_JOB = {
  location: "West US",
  properties: {
    ...EXAMPLE_COMMON,
    jobType: "Export",
    export: { blobList: { blobPathPrefix: ["/"] } },
  },
};
const UPDATE_JOB = { properties: { state: "", logLevel: "Verbose", backupDriveManifest: true } };

// ---------------------------------------------------------------------------------- plumbing

const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
let t: TestDatabase;
let key: string;

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const now = new Date();
  const { id } = await t.db.customer.create({
    data: { name: "Contoso", contactName: "Test", contactEmail: "Test@contoso.com" },
  });
  key = ok(
    await issueApiKey(t.db, ADMIN, { kind: "customer", name: "spec", customerId: id }, now),
  ).key;
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
        supportedCarriers: "FedEx",
      }),
      now,
    ),
  );
});
afterAll(() => t.drop());

const jobs = (rest = "") =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/${GROUP}/providers/Microsoft.ImportExport/jobs${rest}`;

async function send(method: string, path: string, body?: unknown, version = "2021-01-01") {
  const url = new URL(`https://dockside.test${path}`);
  if (version) url.searchParams.set("api-version", version);
  const response = await dispatch(
    new Request(url, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  return { status: response.status, json, text, type: response.headers.get("content-type") };
}

/** The answer is the spec's model (parse throws with the path of any property that is not). */
const as = <S extends z.ZodType>(schema: S, json: unknown) => schema.parse(json) as z.infer<S>;

describe("the specification's examples, sent as they are", () => {
  it("CreateJob: 201 with the spec's JobResponse; the same request again: 200", async () => {
    const first = await send("PUT", jobs("/myJob"), CREATE_JOB);
    expect(first.status, first.text).toBe(201);
    const job = as(JobResponse, first.json);
    expect(job).toMatchObject({
      id: jobs("/myJob"),
      name: "myJob",
      type: "Microsoft.ImportExport/jobs",
      location: "West US",
      identity: { type: "None" },
      properties: {
        jobType: "Import",
        state: "Creating",
        provisioningState: "Succeeded",
        encryptionKey: { kekType: "MicrosoftManaged" },
        diagnosticsPath: "waimportexport",
        driveList: [
          {
            driveId: "9CA995BB",
            state: "Specified",
            driveHeaderHash: CREATE_JOB.properties.driveList[0]!.driveHeaderHash,
          },
        ],
      },
    });
    as(ShippingInformation, job.properties?.shippingInformation);
    const again = await send("PUT", jobs("/myJob"), CREATE_JOB);
    expect(again.status, again.text).toBe(200);
    as(JobResponse, again.json);
  });

  it("CreateExportJob: 201, the blob prefix / kept", async () => {
    const r = await send("PUT", jobs("/myExportJob"), CREATE_EXPORT_JOB);
    expect(r.status, r.text).toBe(201);
    expect(as(JobResponse, r.json).properties?.export).toEqual({
      blobList: { blobPath: [], blobPathPrefix: ["/"] },
    });
  });

  it("GetJob and GetExportJob: 200 with the spec's JobResponse", async () => {
    for (const name of ["myJob", "myExportJob"]) {
      const r = await send("GET", jobs(`/${name}`));
      expect(r.status).toBe(200);
      expect(as(JobResponse, r.json).name).toBe(name);
    }
  });

  it('UpdateJob and UpdateExportJob (state ""): 200, the job still Creating', async () => {
    for (const name of ["myJob", "myExportJob"]) {
      const r = await send("PATCH", jobs(`/${name}`), UPDATE_JOB);
      expect(r.status, r.text).toBe(200);
      expect(as(JobResponse, r.json).properties).toMatchObject({
        state: "Creating",
        logLevel: "Verbose",
      });
    }
  });

  it("ListJobsInResourceGroup and ListJobsInSubscription: 200 with ListJobsResponse", async () => {
    const byGroup = as(ListJobsResponse, (await send("GET", jobs())).json);
    expect(byGroup.value?.map((j) => j.name).sort()).toEqual(["myExportJob", "myJob"]);
    const bySubscription = await send(
      "GET",
      `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.ImportExport/jobs?$top=1&$filter=${encodeURIComponent("properties/state eq 'Creating'")}`,
    );
    const page = as(ListJobsResponse, bySubscription.json);
    expect(page.value).toHaveLength(1);
    expect(page.nextLink).toContain("api-version=2021-01-01");
  });

  it("ListLocations, GetLocation (by the example's name West US) and ListOperations: 200", async () => {
    const locations = as(
      z.object({ value: z.array(Location) }),
      (await send("GET", "/providers/Microsoft.ImportExport/locations")).json,
    );
    expect(locations.value.map((l) => l.name)).toEqual(["West US"]);
    const westUs = await send("GET", `/providers/Microsoft.ImportExport/locations/West%20US`);
    expect(westUs.status).toBe(200);
    expect(as(Location, westUs.json).id).toBe("/providers/Microsoft.ImportExport/locations/westus");
    const operations = await send("GET", "/providers/Microsoft.ImportExport/operations");
    expect(as(z.object({ value: z.array(Operation) }), operations.json).value.length).toBe(4);
  });

  it("DeleteJob: 200", async () => {
    const r = await send("DELETE", jobs("/myJob"));
    expect(r.status, r.text).toBe(200);
    expect((await send("GET", jobs("/myJob"))).status).toBe(404);
  });

  it("every refusal is the spec's ErrorResponse as JSON, never an HTML page", async () => {
    const refusals = [
      await send("GET", jobs("/myJob")),
      await send("GET", jobs("/myExportJob"), undefined, ""),
      await send("GET", jobs("/myExportJob"), undefined, "2016-11-01"),
      await send("POST", jobs("/myExportJob/listBitLockerKeys")),
      await send("PUT", jobs("/bad"), {
        properties: { ...CREATE_JOB.properties, jobType: "Move" },
      }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([404, 400, 400, 403, 400]);
    for (const r of refusals) {
      expect(r.type).toContain("application/json");
      expect(as(ErrorResponse, r.json).error.message.length).toBeGreaterThan(10);
    }
    expect(as(ErrorResponse, refusals[1]!.json).error.message).toContain("api-version=2021-01-01");
  });
});
