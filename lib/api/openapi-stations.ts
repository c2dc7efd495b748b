import { ref, zodComponents } from "@/lib/api/zod-components.ts";
import {
  StationDrive,
  StationDriveList,
  StationDriveReport,
  StationFinish,
  StationJobSummary,
  StationProgress,
} from "@/lib/validation/station-api.ts";

/**
 * The copy-station part of the OpenAPI 3.1 document (`/api/v1/openapi.json`): the path items of
 * `/api/v1/stations/...` and the component schemas they name, generated from the zod schemas the
 * routes parse with. Errors point at `#/components/schemas/ApiError`, defined with the Job API.
 */

export const stationOpenApiSchemas: Record<string, unknown> = {
  ...zodComponents(
    [StationDrive, StationDriveList, StationJobSummary, StationDriveReport],
    "output",
  ),
  ...zodComponents([StationProgress, StationFinish], "input"),
};

const TAG = "Copy stations";
const SECURITY = [{ bearerAuth: [] }];

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("ApiError") } },
});

const AUTH_ERRORS = {
  "401": error("No API key, or an unknown, malformed or revoked one."),
  "403": error("The key is not a copy-station key (a customer key, for instance)."),
};

/** Every report: its path, its `Idempotency-Key` header and, if any, its body are checked. */
const badReport = (body: string) =>
  error(
    `\`InvalidRequest\`: ${body}the drive id in the path, or the \`Idempotency-Key\` header (1 to 200 printable characters, without spaces), is not valid; \`target\` names it. \`InvalidJson\`: the body is not JSON.`,
  );

/** `apiRoute` reads at most 1 MB of a body (lib/server/http/api-v1.ts). */
const PAYLOAD_TOO_LARGE = error("`PayloadTooLarge`: the request body is larger than 1 MB.");

const DRIVE_ID = {
  name: "id",
  in: "path",
  required: true,
  description: "The drive's id in Dockside (`id` in the queue), not its serial number.",
  schema: { type: "string" },
};

const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "1 to 200 printable ASCII characters without spaces (a UUID will do), new for each report; anything else is refused with 400. A retried request with the same key is applied once and answered as the first time; the same key reused for another drive or another kind of report is refused with 409 `Conflict`. Keys are kept per station key.",
  schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$" },
};

const report = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("StationDriveReport") } },
});

const jsonBody = (id: string) => ({
  required: true,
  content: { "application/json": { schema: ref(id) } },
});

export const stationOpenApiPaths: Record<string, Record<string, unknown>> = {
  "/api/v1/stations/drives": {
    get: {
      tags: [TAG],
      operationId: "Stations_ListDrives",
      summary: "The copy queue",
      description:
        "Drives waiting for their copy: Received, not an extra drive (R-E5), of a job that is Received or Transferring and not cancelled (R-J14: a cancelled job skips the copy), oldest received first. With `state=Transferring`: the drives being copied, so a restarted station can resume them.",
      security: SECURITY,
      parameters: [
        {
          name: "state",
          in: "query",
          required: false,
          description: "`Received` (default): waiting for a copy. `Transferring`: being copied.",
          schema: { type: "string", enum: ["Received", "Transferring"], default: "Received" },
        },
        {
          name: "$top",
          in: "query",
          required: false,
          description: "How many drives to return at most.",
          schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
        },
        {
          name: "jobName",
          in: "query",
          required: false,
          description: "Only the drives of the job with this name.",
          schema: { type: "string", minLength: 1, maxLength: 200 },
        },
      ],
      responses: {
        "200": {
          description: "The drives, oldest received first.",
          content: { "application/json": { schema: ref("StationDriveList") } },
        },
        "400": error("A query parameter is not valid; `target` names it."),
        ...AUTH_ERRORS,
      },
    },
  },
  "/api/v1/stations/drives/{id}/start": {
    post: {
      tags: [TAG],
      operationId: "Stations_StartCopy",
      summary: "Start a drive's copy",
      description:
        "The station begins copying data from (import) or to (export) the drive: the drive becomes Transferring (R-D6) and its job Transferring (R-J8). Refused for a drive already Transferring (409 `AlreadyDone`: another station has it), for a cancelled job's drive (409, R-J14), for an extra drive (409, R-E5) and while the job is not Received or Transferring (409).",
      security: SECURITY,
      parameters: [DRIVE_ID, IDEMPOTENCY_KEY],
      responses: {
        "200": report("The drive, now Transferring, and its job."),
        "400": badReport("the body, when one is sent (none is needed), "),
        ...AUTH_ERRORS,
        "404": error("There is no drive with this id."),
        "409": error(
          "`AlreadyDone`: the drive is already Transferring. `InvalidState`: the rules refuse the copy now; `details` names the rule. `Conflict`: this Idempotency-Key was used for another report.",
        ),
        "413": PAYLOAD_TOO_LARGE,
      },
    },
  },
  "/api/v1/stations/drives/{id}/progress": {
    post: {
      tags: [TAG],
      operationId: "Stations_ReportProgress",
      summary: "Report a drive's copy progress",
      description:
        "Percent complete and bytes copied of a drive being copied (R-D6), which feed the job's percent complete (R-G2). Reports may arrive out of order: a lower percent than the one stored is not an error, the stored figure stands.",
      security: SECURITY,
      parameters: [DRIVE_ID, IDEMPOTENCY_KEY],
      requestBody: jsonBody("StationProgress"),
      responses: {
        "200": report("The drive with its progress as stored, and its job."),
        "400": badReport("a field of the body, "),
        ...AUTH_ERRORS,
        "404": error("There is no drive with this id."),
        "409": error(
          "`InvalidState`: the drive is not being copied (R-D6). `Conflict`: this Idempotency-Key was used for another report.",
        ),
        "413": PAYLOAD_TOO_LARGE,
      },
    },
  },
  "/api/v1/stations/drives/{id}/finish": {
    post: {
      tags: [TAG],
      operationId: "Stations_FinishCopy",
      summary: "Finish a drive's copy",
      description:
        "The copy is over: the drive becomes Completed when there were no errors, warnings or overwritten blobs (R-D7), CompletedMoreInfo otherwise (R-D8), with its counts and log URIs stored (R-G4). When every drive of the job has finished, the job becomes Packaging (R-J9). Send an `Idempotency-Key` so that a retried finish is applied once.",
      security: SECURITY,
      parameters: [DRIVE_ID, IDEMPOTENCY_KEY],
      requestBody: jsonBody("StationFinish"),
      responses: {
        "200": report("The drive, Completed or CompletedMoreInfo, and its job."),
        "400": badReport("a field of the body (a log URI must be https, R-G4), "),
        ...AUTH_ERRORS,
        "404": error("There is no drive with this id."),
        "409": error(
          "`InvalidState`: the drive is not being copied (R-D7, R-D8). `Conflict`: this Idempotency-Key was used for another report.",
        ),
        "413": PAYLOAD_TOO_LARGE,
      },
    },
  },
};
