import { ARM_TAGS, armOpenApiPaths, AZURE_DIFFERENCES } from "@/lib/api/openapi-arm.ts";
import { JOBS_TAG, jobOpenApiPaths, jobOpenApiSchemas } from "@/lib/api/openapi-jobs.ts";
import { stationOpenApiPaths, stationOpenApiSchemas } from "@/lib/api/openapi-stations.ts";
import { webhookOpenApiPaths, webhookOpenApiSchemas } from "@/lib/api/openapi-webhooks.ts";
import { mergeComponents } from "@/lib/api/zod-components.ts";

/**
 * The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json` and rendered at
 * `/docs/api`. Component schemas are generated from the zod schemas the routes parse with (zod 4's
 * `z.toJSONSchema`), so the document cannot drift from what the API accepts and answers.
 */

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
};

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Dockside API",
    version: "1.0.0",
    description: [
      "The Job API lets a customer create and follow drive import and export jobs; it is shaped like the Azure Import/Export REST API (JobDetails, DriveStatus, in camelCase), so clients written for Azure need little change. The copy-station API lets the datacenter's copy stations report each drive's copy.",
      "Authenticate with an API key issued by a Dockside administrator: `Authorization: Bearer dsk_…` (or `x-api-key: dsk_…`). A customer key sees and changes only its own customer's jobs; a copy-station key only the copy-station endpoints.",
      'Errors are `{ "error": { "code", "message", "target", "details" } }` with a status code. Rule numbers (R-J5, R-D1, ...) refer to the service\'s published rules for jobs and drives.',
      "Azure's own clients: the Job API also answers on Azure Resource Manager's paths (`/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ImportExport/jobs/{jobName}?api-version=2021-01-01`, the Locations and the Operations), so Azure's SDKs work with only their endpoint and credential changed.",
      AZURE_DIFFERENCES,
    ].join("\n\n"),
  },
  tags: [
    { name: JOBS_TAG, description: "For customers, with a customer API key." },
    ...ARM_TAGS,
    {
      name: "Copy stations",
      description: "For the datacenter's copy stations, with a station key.",
    },
    {
      name: "Webhooks",
      description:
        "For customers: signed notifications of your jobs' events, to your own https endpoint.",
    },
    { name: "Documentation", description: "This description of the API." },
  ],
  paths: {
    ...jobOpenApiPaths,
    ...armOpenApiPaths(jobOpenApiPaths),
    ...stationOpenApiPaths,
    ...webhookOpenApiPaths,
  },
  components: {
    schemas: mergeComponents(jobOpenApiSchemas, stationOpenApiSchemas, webhookOpenApiSchemas),
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "dsk_<prefix>_<secret>",
        description: "An API key issued by a Dockside administrator, shown once.",
      },
      apiKeyHeader: {
        type: "apiKey",
        in: "header",
        name: "x-api-key",
        description: "The same API key, for clients that cannot send an Authorization header.",
      },
    },
  },
};
