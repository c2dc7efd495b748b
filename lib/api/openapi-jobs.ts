import { CANCELLABLE_JOB_STATES } from "@/lib/domain/job-cancellation.ts";
import { EncryptionKeyDetails, EncryptionKeyInput } from "@/lib/validation/azure-fields.ts";
import { LocationResponse, LocationsResponse } from "@/lib/validation/sites.ts";
import { mergeComponents, ref, zodComponents } from "@/lib/api/zod-components.ts";
import {
  ApiError,
  ApiErrorDetail,
  BlobList,
  BlobListInput,
  DeliveryPackageInput,
  DriveBitLocker,
  DriveStatus,
  Export,
  ExportInput,
  FILTER_RULE,
  JOB_NAME_RULE,
  JobDetails,
  JobResponse,
  ListJobsResponse,
  MAX_DRIVES_PER_JOB,
  PackageInformation,
  PutJobParameters,
  PutJobProperties,
  ReturnAddress,
  ReturnShipping,
  ReturnShippingInput,
  ShippingInformation,
  ShippingInformationInput,
  UpdateJobParameters,
  UpdateJobProperties,
} from "@/lib/validation/job-api.ts";

/** The Job API's half of the OpenAPI document (openapi.ts assembles the whole). */

const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const error = (description: string) => ({ description, content: json("ApiError") });

export const JOBS_TAG = "Jobs";
const TAG = JOBS_TAG;
const SECURITY = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

const AUTH_ERRORS = {
  "401": error("`Unauthenticated`: no API key, or an unknown, malformed or revoked one."),
  "403": error("`Forbidden`: the key is not a customer key (a copy-station key, for instance)."),
};
const BAD_NAME = error(
  "`InvalidRequest`: the job name, the JSON or a field is not valid; `target` names it and `details` lists every problem. `InvalidJson`: the body is not JSON.",
);
/** Every operation with a body: `apiRoute` reads at most 1 MB of it (lib/server/http/api-v1.ts). */
const PAYLOAD_TOO_LARGE = error(
  "`PayloadTooLarge`: the request body is larger than 1 MB. A job with its drive list is a few kilobytes.",
);
const NOT_FOUND = error(
  "`NotFound`: you have no job with this name. A job of another customer is answered the same way.",
);

const JOB_NAME_PARAMETER = {
  name: "jobName",
  in: "path",
  required: true,
  description: JOB_NAME_RULE,
  schema: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{1,62}[A-Za-z0-9]$" },
  example: "contoso-backup-2026-03",
};
const API_VERSION_PARAMETER = {
  name: "api-version",
  in: "query",
  required: false,
  description:
    "Accepted and ignored here, so Azure clients that always send it work unchanged (the ARM paths require 2021-01-01).",
  schema: { type: "string" },
};

const jobBody = (status: string) => ({ description: status, content: json("JobResponse") });

const PUT_EXAMPLE = {
  location: "West US",
  tags: { project: "archive-2026" },
  properties: {
    jobType: "Import",
    storageAccountId: "contosostore",
    driveList: [
      {
        driveId: "9V12345678",
        bitLockerKey: "123456-123456-123456-123456-123456-123456-123456-123456",
        manifestFile: "\\DriveManifest.xml",
      },
    ],
    returnAddress: {
      recipientName: "Ana Bowman",
      streetAddress1: "1 Contoso Way",
      city: "Redmond",
      stateOrProvince: "WA",
      postalCode: "98052",
      countryOrRegion: "US",
      phone: "+1 425 555 0100",
      email: "storage@contoso.example",
    },
    returnShipping: { carrierName: "FedEx", carrierAccountNumber: "123456789" },
    logLevel: "Verbose",
  },
};
const PATCH_EXAMPLE = {
  properties: {
    deliveryPackage: { carrierName: "UPS", trackingNumber: "1Z999AA10123456784", driveCount: 1 },
    state: "Shipping",
  },
};

/** The Job API's paths: Put, Get, Update, Delete and List Jobs, shipping and the locations. */
export const jobOpenApiPaths: Record<string, Record<string, unknown>> = {
  "/api/v1/jobs": {
    get: {
      tags: [TAG],
      operationId: "Jobs_List",
      summary: "List Jobs",
      description:
        "Your jobs, newest first, a page at a time. Follow `nextLink` until it is absent: every job is listed once, even while jobs are created or deleted in between.",
      security: SECURITY,
      parameters: [
        {
          name: "$top",
          in: "query",
          required: false,
          description: "How many jobs per page.",
          schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        },
        {
          name: "$skipToken",
          in: "query",
          required: false,
          description: "Where the page starts: copied from the previous page's `nextLink`.",
          schema: { type: "string" },
        },
        {
          name: "$filter",
          in: "query",
          required: false,
          description: FILTER_RULE,
          schema: { type: "string" },
          example: "state eq 'Shipping'",
        },
        API_VERSION_PARAMETER,
      ],
      responses: {
        "200": { description: "A page of your jobs.", content: json("ListJobsResponse") },
        "400": error(
          "`InvalidRequest`: `$top`, `$skipToken` or `$filter` is not valid; `target` names it.",
        ),
        ...AUTH_ERRORS,
      },
    },
  },
  "/api/v1/jobs/{jobName}": {
    parameters: [JOB_NAME_PARAMETER, API_VERSION_PARAMETER],
    get: {
      tags: [TAG],
      operationId: "Jobs_Get",
      summary: "Get Job",
      description:
        "The job's state (R-G1), approximate percent complete (R-G2), each drive's state (R-G3) and log URIs, the verbose one only when `logLevel` is Verbose (R-G4). BitLocker keys are never returned.",
      security: SECURITY,
      responses: {
        "200": jobBody("The job."),
        "400": BAD_NAME,
        ...AUTH_ERRORS,
        "404": NOT_FOUND,
      },
    },
    put: {
      tags: [TAG],
      operationId: "Jobs_Create",
      summary: "Put Job",
      description: `Create a job, or update one (Azure's create-or-update). A new job starts in Creating (R-J1): the service assumes its drives are not shipped yet, and deletes it if it stays there 14 days (R-J2). An import job lists its drives, 1 to ${MAX_DRIVES_PER_JOB}, each starting Specified (R-D1); an export job lists no drives but the blobs to export, and its drives are recorded Received when they arrive (R-D2). \`location\` names the datacenter site you ship to; Get Job then gives its address as \`shippingInformation\`. For a name you already use the same request answers 200 and applies what may still change, under the rules of Update Job Properties; what a job is made of (type, storage account, blobs, location, diagnostics path, encryption key) cannot change.`,
      security: SECURITY,
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("PutJobParameters"), example: PUT_EXAMPLE } },
      },
      responses: {
        "200": jobBody("The job you already had, with what may still change applied."),
        "201": {
          ...jobBody("The new job, in Creating."),
          headers: {
            Location: { description: "The job's URL.", schema: { type: "string", format: "uri" } },
          },
        },
        "400": BAD_NAME,
        ...AUTH_ERRORS,
        "409": error(
          "`InvalidState`: the job exists and the request would change what cannot change (its type, storage account, blobs, location, diagnostics path or encryption key), or what the rules refuse in its state (as for Update Job Properties). `Conflict`: on the ARM paths, you already have a job of this name under another resource group (names are unique across your account).",
        ),
        "413": PAYLOAD_TOO_LARGE,
      },
    },
    patch: {
      tags: [TAG],
      operationId: "Jobs_Update",
      summary: "Update Job Properties",
      description: [
        "Change the job's properties; omitted ones keep their values. Everything in one request is applied together or not at all: properties first, then the drive list, then the state, then the cancellation.",
        "In Creating an update keeps the job Creating and restarts its 14-day timeout (R-J3); in Shipping details can still be corrected (R-J4); from Received on, properties no longer change.",
        '`state: "Shipping"` says the package is on its way (R-J4); it needs the delivery package (carrier and tracking number) and the return address (R-J5), which may come in the same request. It is the only state a customer sets.',
        "`driveList` replaces an import job's drive list, in Creating only.",
        `\`cancelRequested: true\` cancels the job (R-J14) while it is ${CANCELLABLE_JOB_STATES.join(", ")}, before any copy begins: in Creating it closes at once; otherwise the copy is skipped and the drives come back.`,
        'Idempotent: asking for what already holds (`state: "Shipping"` on a Shipping job, `cancelRequested: true` on a cancelled one) changes nothing and answers 200 with the job, so a retried request is safe.',
      ].join("\n\n"),
      security: SECURITY,
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("UpdateJobParameters"), example: PATCH_EXAMPLE },
        },
      },
      responses: {
        "200": jobBody("The job after the change."),
        "400": error(
          '`InvalidRequest`: a field is not valid (for instance a `state` other than "Shipping"); `target` names it. `InvalidJson`: the body is not JSON.',
        ),
        ...AUTH_ERRORS,
        "404": NOT_FOUND,
        "409": error(
          "`InvalidState`: the rules refuse the change in the job's state; the message says why and `details` names the rule (R-J5: Shipping without a delivery package or return address; R-J14: cancellation once the copy has begun; R-J3: a drive list outside Creating; R-E1: a drive list while drives of the job are already at the datacenter; R-E5: a drive list naming a drive that arrived as an extra drive of the job). `Conflict`: the job changed at the same moment; send the request again.",
        ),
        "413": PAYLOAD_TOO_LARGE,
      },
    },
    delete: {
      tags: [TAG],
      operationId: "Jobs_Delete",
      summary: "Delete Job",
      description:
        "Delete a job that never shipped (Creating: what happens anyway after 14 days, R-J2) or a finished one (Completed or Closed: what happens anyway after 90 days, R-J11, R-J13). A job whose drives are on their way or at the datacenter cannot be deleted: cancel it instead. Nor can a job with an open incident, or one whose drives were securely destroyed: deleting the job would delete those records. The deletion is recorded with the job's name and final state.",
      security: SECURITY,
      responses: {
        "200": { description: "The job is deleted (no body)." },
        "400": BAD_NAME,
        ...AUTH_ERRORS,
        "404": NOT_FOUND,
        "409": error(
          "`InvalidState`: the job is Shipping, Received, Transferring, Packaging or Faulted, a drive of it is at the datacenter (R-E1, R-D11), it has an open incident (R-E1..R-E5), or drives of it were securely destroyed (R-E1, R-E4: the job is kept with its destruction certificate); the message says why and `details` names the rule. `Conflict`: the job changed at the same moment; send the request again.",
        ),
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      tags: ["Documentation"],
      operationId: "OpenApi_Get",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API. Public; no key needed.",
      security: [],
      responses: {
        "200": {
          description: "The OpenAPI document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  },
};

/** The Job API's component schemas, generated from the zod schemas its routes parse with. */
export const jobOpenApiSchemas = mergeComponents(
  zodComponents(
    [
      PutJobParameters,
      PutJobProperties,
      UpdateJobParameters,
      UpdateJobProperties,
      DriveBitLocker,
      DeliveryPackageInput,
      ExportInput,
      BlobListInput,
      ReturnAddress,
      ReturnShippingInput,
      EncryptionKeyInput,
      ShippingInformationInput,
    ],
    "input",
  ),
  zodComponents(
    [
      JobResponse,
      JobDetails,
      DriveStatus,
      PackageInformation,
      Export,
      BlobList,
      ReturnAddress,
      ReturnShipping,
      ListJobsResponse,
      ShippingInformation,
      EncryptionKeyDetails,
      LocationResponse,
      LocationsResponse,
      ApiError,
      ApiErrorDetail,
    ],
    "output",
  ),
);
