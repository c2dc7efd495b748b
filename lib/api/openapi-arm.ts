import { OFFERED_OPERATIONS } from "@/lib/api/arm-operations.ts";
import { ref } from "@/lib/api/zod-components.ts";
import { API_VERSION } from "@/lib/validation/azure-fields.ts";
import { RESOURCE_GROUP_RULE, SUBSCRIPTION_RULE } from "@/lib/validation/arm.ts";

/**
 * The OpenAPI description of what Azure's clients call: the Azure Resource Manager paths of the
 * Job API (the same operations as /api/v1/jobs, one implementation), Locations, Operations, and
 * BitLockerKeys_List, which Dockside answers with a refusal. Also the list of every difference
 * from the Azure Import/Export specification (api-version 2021-01-01) that remains, and why.
 */

export const AZURE_DIFFERENCES = [
  "Differences from Azure Import/Export (api-version 2021-01-01), and why:",
  "Keys, not Azure AD: every call carries a Dockside API key as `Authorization: Bearer dsk_…`. Azure's SDKs work unchanged with a credential whose token is that key; point their endpoint at Dockside.",
  "No subscriptions or resource groups of our own: on the ARM paths any subscription id and resource group name are accepted for the key's customer. A job made there keeps them, shows them in its `id` and is reached only under them (in any case, as ARM compares). Dockside's own paths (`/api/v1/jobs/...`) reach all of the customer's jobs; a job made there has `/api/v1/jobs/{jobName}` as its `id`. Job names are unique per customer, not per resource group: a name in use under another resource group is refused with 409 `Conflict`.",
  "BitLockerKeys_List is not offered (403 `OperationNotOffered`): a BitLocker key given at Put Job is never returned by any endpoint. `bitLockerKey` is write-only everywhere.",
  "Operations_List lists only what Dockside offers; `register/action` does not exist (there is nothing to register).",
  "Put Job on an existing job applies only what may still change (delivery package, return address, return shipping, log level, manifest backup, tags, and the drive list while Creating), under the same rules as Update Job; a different `jobType`, `storageAccountId`, export blob list, `location`, `diagnosticsPath` or `encryptionKey` is refused with 409 `InvalidState`. Omitted tags are kept, not cleared. A `shippingInformation` sent in a Put Job is accepted and ignored: where to ship is the address of the job's location.",
  "`location` names one of the datacenter sites an admin keeps (List Locations), by name or code; without it a job gets the only open site when there is exactly one, and otherwise no `shippingInformation`.",
  "Carriers: any carrier name is accepted. UPS, FedEx, DHL and USPS tracking numbers are checked (format and check digit) as the dock reads labels and stored normalized; other carriers' numbers are kept without spaces, dots or dashes, in capitals.",
  "Dates: `shipDate` is accepted as ISO 8601 or as the spec's examples write it (`8/11/2017 9:05:00 PM`, read as UTC) and always returned as ISO 8601 UTC.",
  "Stricter input: unknown properties are refused (400 naming them) instead of ignored; job names, drive ids, hashes, tags and addresses are checked; an import job lists 1 to 10 drives; `returnAddress.email` and `returnShipping.carrierAccountNumber` are optional here (the spec's models require them).",
  "Extra output: `properties.createdAt`, `properties.stateChangedAt` and, per drive, `extra` (a drive that came in the package but is not on the list, R-E5). Not returned: `systemData`, `identity.principalId`/`tenantId` (identity is always `None`), `incompleteBlobListUri`, `manifestUri`.",
  "Delete Job answers 200 with no body on both path styles, and also deletes a Closed job (Azure: Creating or Completed), when nothing of it is at the datacenter and no incident keeps it.",
  `Synchronous: every operation completes in its response (no long-running operations, no \`Azure-AsyncOperation\`); \`provisioningState\` is always \`Succeeded\`. The ARM paths require \`?api-version=${API_VERSION}\` (400 otherwise); Dockside's own paths ignore it.`,
].join("\n\n");

const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const error = (description: string) => ({ description, content: json("ApiError") });
const SECURITY = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
const AUTH_ERRORS = {
  "401": error("`Unauthenticated`: no API key, or an unknown, malformed or revoked one."),
  "403": error("`Forbidden`: the key is not a customer key (a copy-station key, for instance)."),
};

export const ARM_API_VERSION_PARAMETER = {
  name: "api-version",
  in: "query",
  required: true,
  description: `Always ${API_VERSION}. Missing or another version: 400.`,
  schema: { type: "string", enum: [API_VERSION] },
};
const SUBSCRIPTION_PARAMETER = {
  name: "subscriptionId",
  in: "path",
  required: true,
  description: `${SUBSCRIPTION_RULE} Any, for your own sorting: it is stored with a job made under it.`,
  schema: { type: "string", pattern: "^[A-Za-z0-9-]{1,64}$" },
};
const RESOURCE_GROUP_PARAMETER = {
  name: "resourceGroupName",
  in: "path",
  required: true,
  description: `${RESOURCE_GROUP_RULE} Any, for your own sorting: it is stored with a job made under it.`,
  schema: { type: "string" },
};
const LOCATION_PARAMETER = {
  name: "locationName",
  in: "path",
  required: true,
  description: "A site's code or name: `westus` or `West US`.",
  schema: { type: "string" },
};

const ARM_PREFIX = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
const ARM_JOBS = `${ARM_PREFIX}/providers/Microsoft.ImportExport/jobs`;
const LOCATIONS_TAG = "Locations";
const AZURE_TAG = "Azure Resource Manager paths";

type Operation = { operationId: string; summary: string; tags?: string[] } & Record<
  string,
  unknown
>;
type PathItem = Record<string, unknown>;

/** The same operation on an ARM path: its own id and tag, ARM's path and api-version parameters. */
function onArmPath(op: Operation, extraParameters: unknown[]): Operation {
  return {
    ...op,
    tags: [AZURE_TAG],
    operationId: `Arm_${op.operationId}`,
    description: `${String(op.description ?? "")}\n\nThe same operation as on Dockside's own path, for Azure's SDKs and tools.`,
    parameters: [...((op.parameters as unknown[]) ?? []), ...extraParameters],
  };
}

const bitLockerRefusal = (operationId: string, tag: string) => ({
  post: {
    tags: [tag],
    operationId,
    summary: "List BitLocker keys (not offered)",
    description:
      "Azure's BitLockerKeys_List. Dockside does not return BitLocker keys: every call is refused with 403 `OperationNotOffered` and a sentence saying why.",
    security: SECURITY,
    responses: {
      "403": error(
        "`OperationNotOffered`: always, with the right key too; `Forbidden`: not a customer key.",
      ),
      "400": error("`InvalidRequest`: the job name (or, on the ARM path, the api-version)."),
      "401": AUTH_ERRORS["401"],
    },
    // No success answer exists: the operation is described only to say that it is refused.
    "x-not-offered": true,
  },
});

function locationPaths(prefix: string, idPrefix: string, tag: string, armVersion: boolean) {
  const extra = armVersion ? [ARM_API_VERSION_PARAMETER] : [];
  return {
    [prefix]: {
      get: {
        tags: [tag],
        operationId: `${idPrefix}Locations_List`,
        summary: "List Locations",
        description:
          "The datacenter sites you can ship drives to, by name, with their address and the carriers they receive. A job names one as its `location`.",
        security: SECURITY,
        parameters: extra,
        responses: {
          "200": { description: "Every open site.", content: json("LocationsResponse") },
          ...(armVersion ? { "400": error("`InvalidRequest`: the api-version.") } : {}),
          ...AUTH_ERRORS,
        },
      },
    },
    [`${prefix}/{locationName}`]: {
      get: {
        tags: [tag],
        operationId: `${idPrefix}Locations_Get`,
        summary: "Get Location",
        description: "One open site, by its code or its name.",
        security: SECURITY,
        parameters: [LOCATION_PARAMETER, ...extra],
        responses: {
          "200": { description: "The site.", content: json("Location") },
          "400": error("`InvalidRequest`: the name or the api-version."),
          ...AUTH_ERRORS,
          "404": error("`NotFound`: no open site has this code or name."),
        },
      },
    },
  };
}

/** Every ARM path, made from the operations of Dockside's own job paths. */
export function armOpenApiPaths(jobPaths: Record<string, PathItem>): Record<string, PathItem> {
  const item = jobPaths["/api/v1/jobs/{jobName}"]!;
  const list = jobPaths["/api/v1/jobs"]!.get as Operation;
  const jobParameters = [SUBSCRIPTION_PARAMETER, RESOURCE_GROUP_PARAMETER];
  const shared = (item.parameters as { name: string }[]).filter((p) => p.name !== "api-version");
  const listOp = (id: string, summary: string, params: unknown[]) => ({
    get: {
      ...onArmPath(list, [...params, ARM_API_VERSION_PARAMETER]),
      parameters: [
        ...((list.parameters as { name: string }[]) ?? []).filter((p) => p.name !== "api-version"),
        ...params,
        ARM_API_VERSION_PARAMETER,
      ],
      operationId: id,
      summary,
    },
  });
  return {
    "/subscriptions/{subscriptionId}/providers/Microsoft.ImportExport/jobs": listOp(
      "Arm_Jobs_ListBySubscription",
      "List Jobs of a subscription",
      [SUBSCRIPTION_PARAMETER],
    ),
    [ARM_JOBS]: listOp(
      "Arm_Jobs_ListByResourceGroup",
      "List Jobs of a resource group",
      jobParameters,
    ),
    [`${ARM_JOBS}/{jobName}`]: {
      parameters: [...shared, ...jobParameters, ARM_API_VERSION_PARAMETER],
      ...Object.fromEntries(
        ["get", "put", "patch", "delete"].map((m) => [m, onArmPath(item[m] as Operation, [])]),
      ),
    },
    [`${ARM_JOBS}/{jobName}/listBitLockerKeys`]: {
      parameters: [...shared, ...jobParameters, ARM_API_VERSION_PARAMETER],
      ...bitLockerRefusal("Arm_BitLockerKeys_List", AZURE_TAG),
    },
    "/api/v1/jobs/{jobName}/listBitLockerKeys": {
      parameters: shared,
      ...bitLockerRefusal("BitLockerKeys_List", "Jobs"),
    },
    ...locationPaths("/api/v1/locations", "", LOCATIONS_TAG, false),
    ...locationPaths("/providers/Microsoft.ImportExport/locations", "Arm_", AZURE_TAG, true),
    "/providers/Microsoft.ImportExport/operations": {
      get: {
        tags: [AZURE_TAG],
        operationId: "Arm_Operations_List",
        summary: "List Operations",
        description: `What the ARM paths offer: ${OFFERED_OPERATIONS.map((o) => `\`${o.name}\``).join(", ")}.`,
        security: SECURITY,
        parameters: [ARM_API_VERSION_PARAMETER],
        responses: {
          "200": {
            description: "The operations.",
            content: { "application/json": { schema: { type: "object" } } },
          },
          "400": error("`InvalidRequest`: the api-version."),
          ...AUTH_ERRORS,
        },
      },
    },
  };
}

export const ARM_TAGS = [
  { name: LOCATIONS_TAG, description: "Where to ship drives, with a customer API key." },
  {
    name: AZURE_TAG,
    description:
      "The Job API on Azure Resource Manager's paths, as Azure's SDKs and tools call it (`?api-version=2021-01-01`), with a customer API key.",
  },
];
