import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { createJobIn } from "@/lib/server/jobs/commands/lifecycle.ts";
import {
  driveColumns,
  propertiesOf,
  sameTags,
  updateJobIn,
  type ApiCustomer,
  type UpdateInput,
} from "@/lib/server/jobs/commands/api-update.ts";
import { readBlobList } from "@/lib/server/jobs/queries.ts";
import { inScope, scopeColumns, type ArmScope } from "@/lib/server/jobs/arm-scope.ts";
import { findOpenSite, onlyOpenSite } from "@/lib/server/sites/queries.ts";
import { readEncryptionKey } from "@/lib/validation/azure-fields.ts";
import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import type { PutJobParameters } from "@/lib/validation/job-api.ts";

/**
 * Put Job, as Azure's SDKs call it: create or update. A new name makes a job in Creating (R-J1);
 * the name of a job the customer already has applies what may still change, through the same
 * steps as Update Job Properties (so the same rules refuse what they refuse), and answers 200.
 * What a job is made of (its type, storage account, blobs, location, diagnostics path, encryption
 * key) cannot change: a different value is refused with a sentence, the same value is fine.
 */

type Put = PutJobParameters;
type Props = Put["properties"];

const PUT_SELECT = {
  id: true,
  version: true,
  state: true,
  type: true,
  storageAccount: true,
  exportBlobList: true,
  diagnosticsPath: true,
  encryptionKey: true,
  siteId: true,
  tags: true,
  armSubscriptionId: true,
  armResourceGroup: true,
  armResourceGroupKey: true,
  deliveryCarrier: true,
  deliveryTrackingNumber: true,
  deliveryDriveCount: true,
  deliveryShipDate: true,
  returnAddress: true,
  returnCarrier: true,
  returnCarrierAccount: true,
  logLevel: true,
  backupDriveManifest: true,
  notificationEmails: true,
  notificationLanguage: true,
  drives: {
    where: { extra: false },
    select: {
      serial: true,
      bitLockerKey: true,
      manifestFile: true,
      manifestHash: true,
      driveHeaderHash: true,
    },
  },
} as const satisfies Prisma.JobSelect;
type Existing = Prisma.JobGetPayload<{ select: typeof PUT_SELECT }>;

/** One JSON text for equal values, whatever the order of their keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function blobListOf(p: Props) {
  const list = p.export?.blobList;
  return {
    blobPath: list?.blobPath ?? [],
    blobPathPrefix: list?.blobPathPrefix ?? [],
    ...(p.export?.blobListBlobPath ? { blobListBlobPath: p.export.blobListBlobPath } : {}),
  };
}

/** The first thing the Put would change that cannot change any more, as a sentence; or null. */
function fixedDifference(job: Existing, p: Props, siteId: string | null | undefined) {
  const cannot = (what: string, now: string) =>
    `${what} cannot change once the job exists (it is ${now}): create a new job instead.`;
  if (job.type !== p.jobType) return cannot("jobType", job.type);
  if (job.storageAccount !== p.storageAccountId)
    return cannot("storageAccountId", job.storageAccount);
  if (
    job.type === "Export" &&
    canonical(readBlobList(job.exportBlobList)) !== canonical(blobListOf(p))
  )
    return cannot("The export blob list", "as Get Job shows it");
  if (p.diagnosticsPath !== undefined && p.diagnosticsPath !== (job.diagnosticsPath ?? undefined))
    return cannot("diagnosticsPath", job.diagnosticsPath ?? "not set");
  if (siteId !== undefined && siteId !== job.siteId)
    return cannot("location", "the site Get Job shows");
  if (
    p.encryptionKey !== undefined &&
    canonical(readEncryptionKey(job.encryptionKey)) !==
      canonical(readEncryptionKey(p.encryptionKey))
  )
    return cannot("encryptionKey", "as Get Job shows it");
  return null;
}

/** The updatable properties of the Put that differ from the job: what Update would change. */
function changedProperties(job: Existing, p: Props): UpdateInput {
  const changes: UpdateInput = {};
  const d = p.deliveryPackage;
  if (
    d &&
    (d.carrierName !== job.deliveryCarrier ||
      d.trackingNumber !== job.deliveryTrackingNumber ||
      (d.driveCount ?? null) !== job.deliveryDriveCount ||
      (d.shipDate?.getTime() ?? null) !== (job.deliveryShipDate?.getTime() ?? null))
  ) {
    changes.deliveryPackage = d;
  }
  const address = returnAddressSchema.safeParse(job.returnAddress);
  if (
    p.returnAddress &&
    (!address.success || canonical(address.data) !== canonical(p.returnAddress))
  ) {
    changes.returnAddress = p.returnAddress;
  }
  const r = p.returnShipping;
  if (
    r &&
    (r.carrierName !== job.returnCarrier ||
      (r.carrierAccountNumber ?? null) !== job.returnCarrierAccount)
  ) {
    changes.returnShipping = r;
  }
  if (p.logLevel && p.logLevel !== job.logLevel) changes.logLevel = p.logLevel;
  if (p.backupDriveManifest !== undefined && p.backupDriveManifest !== job.backupDriveManifest) {
    changes.backupDriveManifest = p.backupDriveManifest;
  }
  if (
    p.notificationEmails &&
    canonical(p.notificationEmails) !== canonical(job.notificationEmails)
  ) {
    changes.notificationEmails = p.notificationEmails;
  }
  if (p.notificationLanguage && p.notificationLanguage !== job.notificationLanguage) {
    changes.notificationLanguage = p.notificationLanguage;
  }
  if (p.driveList && !sameDriveList(job.drives, p.driveList)) changes.driveList = p.driveList;
  return changes;
}

/** The same drives, and for each, every field the Put gives equal to what is stored. */
function sameDriveList(stored: Existing["drives"], list: NonNullable<Props["driveList"]>) {
  if (stored.length !== list.length) return false;
  const bySerial = new Map(stored.map((d) => [d.serial, d]));
  return list.every((d) => {
    const row = bySerial.get(d.driveId);
    if (!row) return false;
    return Object.entries(driveColumns(d)).every(([k, v]) => row[k as keyof typeof row] === v);
  });
}

/** The site the Put names (undefined: it names none), or a refusal when there is no such site. */
async function siteOf(tx: Tx, location: string | undefined) {
  if (location === undefined) return { ok: true as const, site: undefined };
  const site = await findOpenSite(tx, location);
  if (site) return { ok: true as const, site };
  return {
    ok: false as const,
    refusal: fail(
      "invalid",
      `There is no open datacenter site called ${location}: GET /api/v1/locations lists them.`,
    ),
  };
}

async function putJobIn(
  tx: Tx,
  actor: ApiCustomer,
  scope: ArmScope | null,
  name: string,
  body: Put,
  now: Date,
): Promise<CommandResult<{ id: string; created: boolean }>> {
  const p = body.properties;
  const named = await siteOf(tx, body.location);
  if (!named.ok) return named.refusal;
  const existing = await tx.job.findUnique({
    where: { customerId_name: { customerId: actor.customerId, name } },
    select: PUT_SELECT,
  });
  if (!existing) {
    const site = named.site ?? (await onlyOpenSite(tx));
    const created = await createJobIn(
      tx,
      actor,
      {
        ...propertiesOf(p),
        customerId: actor.customerId,
        name,
        type: p.jobType,
        storageAccount: p.storageAccountId,
        drives: (p.driveList ?? []).map((d) => ({ serial: d.driveId, ...driveColumns(d) })),
        ...(p.export ? { exportBlobList: blobListOf(p) } : {}),
        resource: {
          siteId: site?.id ?? null,
          ...(body.tags ? { tags: body.tags } : {}),
          ...(p.diagnosticsPath ? { diagnosticsPath: p.diagnosticsPath } : {}),
          encryptionKey: readEncryptionKey(p.encryptionKey),
          ...(scope ? scopeColumns(scope) : {}),
        },
      },
      now,
    );
    return created.ok ? done({ id: created.value.id, created: true }) : created;
  }
  if (!inScope(existing, scope)) {
    const where = existing.armResourceGroup
      ? `in resource group ${existing.armResourceGroup} of subscription ${existing.armSubscriptionId}`
      : "made through /api/v1/jobs";
    return fail(
      "conflict",
      `You already have a job named ${name}, ${where}: job names are unique across your account, so pick another name.`,
    );
  }
  const fixed = fixedDifference(existing, p, named.site?.id);
  if (fixed) return fail("refused", fixed);
  const properties = changedProperties(existing, p);
  const tags = body.tags && !sameTags(existing.tags, body.tags) ? body.tags : undefined;
  const updated = await updateJobIn(
    tx,
    actor,
    existing,
    { properties, ...(tags ? { tags } : {}) },
    now,
  );
  return updated.ok ? done({ id: existing.id, created: false }) : updated;
}

/** Put Job: create, or update what may still change. `created` says which (201 or 200). */
export async function putJob(
  db: Db,
  actor: ApiCustomer,
  name: string,
  body: Put,
  now: Date,
  scope: ArmScope | null = null,
): Promise<CommandResult<{ id: string; created: boolean }>> {
  try {
    return await runCommand(db, (tx) => putJobIn(tx, actor, scope, name, body, now));
  } catch (e) {
    // Two Put Jobs of one new name at once: the unique (customer, name) index lets one create it;
    // the other runs again and finds it, as a create-or-update should.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return runCommand(db, (tx) => putJobIn(tx, actor, scope, name, body, now));
    }
    throw e;
  }
}
