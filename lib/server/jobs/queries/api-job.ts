import "server-only";
import { JOB_DESCRIPTION_SELECT } from "@/lib/server/jobs/selects.ts";
import { SITE_ADDRESS_SELECT } from "@/lib/server/sites/queries.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { customerJobStatus } from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { readEncryptionKey } from "@/lib/validation/azure-fields.ts";
import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import type { JobResponse } from "@/lib/validation/job-api.ts";
import { ARM_JOB_TYPE, armJobPath, inScope, type ArmScope } from "@/lib/server/jobs/arm-scope.ts";

/**
 * A job as the customer Job API shows it (Azure's JobDetails and DriveStatus, camelCase), and the
 * reads behind Get Job and List Jobs. The selects below are the whole story of what can leave:
 * the BitLocker key, the customer id, fault reasons and operator names are never selected.
 */

const DRIVE_SELECT = {
  serial: true,
  state: true,
  faultedFrom: true,
  extra: true,
  copyStatus: true,
  percentComplete: true,
  bytesTransferred: true,
  errorLogUri: true,
  verboseLogUri: true,
  manifestFile: true,
  manifestHash: true,
  driveHeaderHash: true,
  shippedBackAt: true,
  returnPackage: { select: { id: true, carrier: true, trackingNumber: true, openedAt: true } },
} as const satisfies Prisma.DriveSelect;

export const API_JOB_SELECT = {
  ...JOB_DESCRIPTION_SELECT,
  tags: true,
  diagnosticsPath: true,
  encryptionKey: true,
  armSubscriptionId: true,
  armResourceGroup: true,
  armResourceGroupKey: true,
  site: { select: SITE_ADDRESS_SELECT },
  stateChangedAt: true,
  createdAt: true,
  drives: { select: DRIVE_SELECT, orderBy: [{ createdAt: "asc" }, { serial: "asc" }] },
} as const satisfies Prisma.JobSelect;

export type ApiJobRow = Prisma.JobGetPayload<{ select: typeof API_JOB_SELECT }>;
type ApiDriveRow = ApiJobRow["drives"][number];

/** The job's path in the API: its `id`, and the `Location` of a new job. */
export function jobPath(name: string): string {
  return `/api/v1/jobs/${encodeURIComponent(name)}`;
}

/** A job's `id`: its ARM resource path when it was made under one, else its `/api/v1` path. */
function jobId(job: ApiJobRow): string {
  return job.armSubscriptionId && job.armResourceGroup
    ? armJobPath(
        { subscriptionId: job.armSubscriptionId, resourceGroup: job.armResourceGroup },
        job.name,
      )
    : jobPath(job.name);
}

/** Tags as stored: only string values leave, whatever else the JSON holds. */
function readTags(value: Prisma.JsonValue): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/**
 * An export job's blob list. The API stores `{ blobPath, blobPathPrefix }`; jobs made elsewhere
 * (the demo data) keep a plain list, where a path ending in `/` is a prefix.
 */
export function readBlobList(value: Prisma.JsonValue): {
  blobPath: string[];
  blobPathPrefix: string[];
  blobListBlobPath?: string;
} {
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  if (Array.isArray(value)) {
    const all = strings(value);
    return {
      blobPath: all.filter((p) => !p.endsWith("/")),
      blobPathPrefix: all.filter((p) => p.endsWith("/")),
    };
  }
  if (value && typeof value === "object") {
    const listBlob = value.blobListBlobPath;
    return {
      blobPath: strings(value.blobPath),
      blobPathPrefix: strings(value.blobPathPrefix),
      ...(typeof listBlob === "string" ? { blobListBlobPath: listBlob } : {}),
    };
  }
  return { blobPath: [], blobPathPrefix: [] };
}

/** The latest package the job's drives went back in, with how many of them it held. */
function returnPackageOf(
  drives: readonly ApiDriveRow[],
): JobResponse["properties"]["returnPackage"] {
  const byPackage = new Map<
    string,
    {
      carrier: string;
      trackingNumber: string;
      openedAt: Date;
      count: number;
      shippedAt: Date | null;
    }
  >();
  for (const d of drives) {
    const p = d.returnPackage;
    if (!p) continue;
    const entry = byPackage.get(p.id) ?? { ...p, count: 0, shippedAt: null };
    entry.count += 1;
    if (d.shippedBackAt && (!entry.shippedAt || d.shippedBackAt > entry.shippedAt)) {
      entry.shippedAt = d.shippedBackAt;
    }
    byPackage.set(p.id, entry);
  }
  const latest = [...byPackage.values()].sort(
    (a, b) => (b.shippedAt ?? b.openedAt).getTime() - (a.shippedAt ?? a.openedAt).getTime(),
  )[0];
  if (!latest) return undefined;
  return {
    carrierName: latest.carrier,
    trackingNumber: latest.trackingNumber,
    driveCount: latest.count,
    shipDate: (latest.shippedAt ?? latest.openedAt).toISOString(),
  };
}

/** Optional fields are left out rather than sent as null, as the Azure API does. */
function present<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/** Get Job: what the customer may see of one job (R-G1..R-G4), field by field. */
export function toApiJob(job: ApiJobRow): JobResponse {
  // State, progress, drive states and log URIs come from the domain's own rules (R-G1..R-G4).
  const status = customerJobStatus({
    name: job.name,
    type: job.type,
    state: job.state,
    logLevel: job.logLevel,
    drives: job.drives.map((d) => ({
      driveId: d.serial,
      state: d.state,
      extra: d.extra,
      percent: d.percentComplete,
      faultedFrom: d.faultedFrom,
      errorLogUri: d.errorLogUri,
      verboseLogUri: d.verboseLogUri,
    })),
  });
  const driveList = job.drives.map((d, i) => {
    const seen = status.drives[i]!;
    return {
      driveId: seen.driveId,
      state: seen.state,
      extra: seen.extra,
      percentComplete: d.percentComplete,
      bytesSucceeded: Number(d.bytesTransferred),
      ...present({
        copyStatus: d.copyStatus,
        errorLogUri: seen.errorLogUri,
        verboseLogUri: seen.verboseLogUri,
        manifestFile: d.manifestFile,
        manifestHash: d.manifestHash,
        driveHeaderHash: d.driveHeaderHash,
      }),
    };
  });
  // Parsed, not cast: only the fields of a return address leave, whatever else the JSON holds.
  const address = returnAddressSchema.safeParse(job.returnAddress);
  const tags = readTags(job.tags);
  const blobs = readBlobList(job.exportBlobList);
  const site = job.site;
  return {
    id: jobId(job),
    name: job.name,
    type: ARM_JOB_TYPE,
    ...(site ? { location: site.name } : {}),
    ...(tags ? { tags } : {}),
    identity: { type: "None" },
    properties: {
      jobType: job.type,
      storageAccountId: job.storageAccount,
      state: status.state,
      cancelRequested: job.cancelRequested,
      percentComplete: status.percentComplete,
      logLevel: job.logLevel,
      backupDriveManifest: job.backupDriveManifest,
      ...(job.deliveryCarrier && job.deliveryTrackingNumber
        ? {
            deliveryPackage: {
              carrierName: job.deliveryCarrier,
              trackingNumber: job.deliveryTrackingNumber,
              ...present({
                driveCount: job.deliveryDriveCount,
                shipDate: job.deliveryShipDate?.toISOString(),
              }),
            },
          }
        : {}),
      ...(address.success ? { returnAddress: address.data } : {}),
      ...(job.returnCarrier
        ? {
            returnShipping: {
              carrierName: job.returnCarrier,
              ...present({ carrierAccountNumber: job.returnCarrierAccount }),
            },
          }
        : {}),
      ...present({ returnPackage: returnPackageOf(job.drives) }),
      driveList,
      ...(job.type === "Export"
        ? {
            export: {
              blobList: { blobPath: blobs.blobPath, blobPathPrefix: blobs.blobPathPrefix },
              ...present({ blobListBlobPath: blobs.blobListBlobPath }),
            },
          }
        : {}),
      ...present({ diagnosticsPath: job.diagnosticsPath }),
      ...(site
        ? {
            shippingInformation: {
              recipientName: site.recipientName,
              streetAddress1: site.streetAddress1,
              city: site.city,
              stateOrProvince: site.stateOrProvince,
              postalCode: site.postalCode,
              countryOrRegion: site.countryOrRegion,
              ...present({
                streetAddress2: site.streetAddress2,
                phone: site.phone,
                additionalInformation: site.additionalShippingInformation,
              }),
            },
          }
        : {}),
      encryptionKey: readEncryptionKey(job.encryptionKey),
      provisioningState: "Succeeded",
      createdAt: job.createdAt.toISOString(),
      stateChangedAt: job.stateChangedAt.toISOString(),
    },
  };
}

/**
 * Get Job: one job of this customer, or null (another customer's job is no different from none).
 * On the ARM paths only a job made under that subscription and resource group is there.
 */
export async function findApiJob(
  db: Db,
  customerId: string,
  name: string,
  scope: ArmScope | null = null,
) {
  const job = await db.job.findUnique({
    where: { customerId_name: { customerId, name } },
    select: API_JOB_SELECT,
  });
  return job && inScope(job, scope) ? toApiJob(job) : null;
}
