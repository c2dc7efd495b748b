import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { decideJobEvent, initialDriveState } from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  fromRefusal,
  runCommand,
  updateVersioned,
  VersionConflict,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyJobEvent, type JobProperties } from "@/lib/server/jobs/commands/lifecycle.ts";
import { inScope, type ArmScope } from "@/lib/server/jobs/arm-scope.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";
import type { PutJobParameters, UpdateJobParameters } from "@/lib/validation/job-api.ts";

/**
 * The commands behind the customer Job API. A key acts for its customer only: every job is found
 * by (customer, name), so another customer's job is simply not there (never "forbidden").
 */

export type ApiCustomer = Extract<ActorRef, { type: "apiKey" }>;
export type DriveInput = NonNullable<PutJobParameters["properties"]["driveList"]>[number];
export type UpdateInput = NonNullable<UpdateJobParameters["properties"]>;
/** What Update Job Properties (and a Put Job on an existing job) may change. */
export type JobChanges = { properties: UpdateInput; tags?: Record<string, string> };

export const noSuchJob = (name: string) => fail("not_found", `You have no job named ${name}.`);

export function driveColumns(d: DriveInput) {
  return {
    ...(d.bitLockerKey !== undefined ? { bitLockerKey: d.bitLockerKey } : {}),
    ...(d.manifestFile !== undefined ? { manifestFile: d.manifestFile } : {}),
    ...(d.manifestHash !== undefined ? { manifestHash: d.manifestHash } : {}),
    ...(d.driveHeaderHash !== undefined ? { driveHeaderHash: d.driveHeaderHash } : {}),
  };
}

export function propertiesOf(p: UpdateInput | PutJobParameters["properties"]): JobProperties {
  return {
    ...(p.deliveryPackage ? { deliveryPackage: p.deliveryPackage } : {}),
    ...(p.returnAddress ? { returnAddress: p.returnAddress } : {}),
    ...(p.returnShipping ? { returnShipping: p.returnShipping } : {}),
    ...(p.logLevel ? { logLevel: p.logLevel } : {}),
    ...(p.backupDriveManifest !== undefined ? { backupDriveManifest: p.backupDriveManifest } : {}),
    ...(p.notificationEmails ? { notificationEmails: p.notificationEmails } : {}),
    ...(p.notificationLanguage ? { notificationLanguage: p.notificationLanguage } : {}),
  };
}

/** R-E1: drives of the job that reached the dock although the job was not Shipping. */
export async function heldDriveSerials(tx: Tx, jobId: string): Promise<string[]> {
  const held = await tx.drive.findMany({
    where: { jobId, extra: false, state: "Specified", inboundPackageId: { not: null } },
    select: { serial: true },
    orderBy: { serial: "asc" },
  });
  return held.map((d) => d.serial);
}

/**
 * Update Job Properties with a new drive list (R-D1, only in Creating: R-J3). Drives not named
 * go, new ones come in Specified, and a drive named again keeps what the request leaves out (the
 * API never returns BitLocker keys, so a client cannot send them back).
 */
async function replaceDriveListIn(
  tx: Tx,
  actor: ApiCustomer,
  jobId: string,
  list: readonly DriveInput[],
  now: Date,
): Promise<CommandResult<null>> {
  const loaded = await loadJob(tx, jobId);
  if (!loaded) return fail("not_found", "There is no such job.");
  const drives = await tx.drive.findMany({
    where: { jobId },
    select: { id: true, serial: true, state: true, version: true, extra: true },
  });
  const event = {
    type: "replaceDriveList",
    heldDrives: await heldDriveSerials(tx, jobId),
    extraDrivesNamed: drives
      .filter((d) => d.extra && list.some((n) => n.driveId === d.serial))
      .map((d) => d.serial),
  } as const;
  const decision = decideJobEvent(loaded.snapshot, event, domainActor(actor), now);
  if (!decision.ok) return fromRefusal(decision.refusal);

  const current = drives.filter((d) => !d.extra);
  const wanted = new Map(list.map((d) => [d.driveId, d]));
  const known = new Set(current.map((d) => d.serial));
  const removed = current.filter((d) => !wanted.has(d.serial));
  const added = list.filter((d) => !known.has(d.driveId));
  if (removed.length > 0) {
    const { count } = await tx.drive.deleteMany({
      where: { id: { in: removed.map((d) => d.id) }, state: "Specified", inboundPackageId: null },
    });
    if (count !== removed.length) throw new VersionConflict("the drive list");
  }
  for (const drive of current) {
    const named = wanted.get(drive.serial);
    const columns = named ? driveColumns(named) : {};
    if (Object.keys(columns).length > 0) {
      await updateVersioned(tx.drive, `drive ${drive.serial}`, drive, columns);
    }
  }
  try {
    await tx.drive.createMany({
      data: added.map((d) => ({
        jobId,
        serial: d.driveId,
        state: initialDriveState(loaded.job.type),
        ...driveColumns(d),
        stateChangedAt: now,
        createdAt: now,
      })),
    });
  } catch (e) {
    // The job's version keeps two updates apart; a drive recorded at the dock meanwhile (an extra
    // drive, R-E5) does not touch it. Run again on fresh data, which then refuses it clearly.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new VersionConflict("the drive list");
    }
    throw e;
  }
  await appendEvent(tx, {
    actor,
    at: now,
    kind: "job.replaceDriveList",
    jobId,
    fromState: loaded.job.state,
    toState: decision.value.to,
    data: {
      rule: decision.value.rule,
      name: loaded.job.name,
      added: added.map((d) => d.driveId),
      removed: removed.map((d) => d.serial),
    },
  });
  await updateVersioned(tx.job, "job", loaded.job, {
    ...(decision.value.resetCreatingTimer ? { creatingTimerStartedAt: now } : {}),
  });
  return done(null);
}

/**
 * Update Job Properties, all or nothing in one transaction: properties, then the drive list, then
 * `state: "Shipping"` (R-J4, judged on the new properties: R-J5), then cancellation (R-J14).
 * Asking for what already holds (Shipping when the job is Shipping, cancelling a cancelled job)
 * changes nothing and is not an error: a retried request gets the same answer.
 */
export function updateJobFromApi(
  db: Db,
  actor: ApiCustomer,
  name: string,
  changes: JobChanges,
  now: Date,
  scope: ArmScope | null = null,
): Promise<CommandResult<{ id: string; events: number }>> {
  return runCommand(db, async (tx) => {
    const job = await findJobForApi(tx, actor, name, scope);
    if (!job) return noSuchJob(name);
    return updateJobIn(tx, actor, job, changes, now);
  });
}

/** The customer's job of this name, reached on this scope's paths; or null. */
export async function findJobForApi(
  tx: Tx,
  actor: ApiCustomer,
  name: string,
  scope: ArmScope | null,
) {
  const job = await tx.job.findUnique({
    where: { customerId_name: { customerId: actor.customerId, name } },
    select: {
      id: true,
      version: true,
      state: true,
      armSubscriptionId: true,
      armResourceGroupKey: true,
    },
  });
  return job && inScope(job, scope) ? job : null;
}

/** The steps of Update Job Properties, inside the caller's transaction. */
export async function updateJobIn(
  tx: Tx,
  actor: ApiCustomer,
  job: { id: string; version: number },
  changes: JobChanges,
  now: Date,
): Promise<CommandResult<{ id: string; events: number }>> {
  const p = changes.properties;
  // A new drive list inserts drives before the job is written: take the job first, so that a
  // concurrent update of it waits, fails its version check and runs again on what this one
  // wrote (two identical lists add each drive once) instead of colliding on the drive's unique
  // index. The other steps write the job with its version already; a repeat of them stays a
  // no-op.
  if (p.driveList) await updateVersioned(tx.job, "job", job, {});
  let events = 0;
  const properties = propertiesOf(p);
  if (Object.keys(properties).length > 0) {
    const r = await applyJobEvent(tx, actor, job.id, { type: "updateProperties" }, now, {
      properties,
    });
    if (!r.ok) return r;
    events += 1;
  }
  if (p.driveList) {
    const r = await replaceDriveListIn(tx, actor, job.id, p.driveList, now);
    if (!r.ok) return r;
    events += 1;
  }
  if (p.state === "Shipping") {
    const r = await applyJobEvent(tx, actor, job.id, { type: "markShipping" }, now);
    if (!r.ok && r.error.code !== "already_done") return r;
    if (r.ok) events += 1;
  }
  if (p.cancelRequested) {
    const r = await applyJobEvent(
      tx,
      actor,
      job.id,
      { type: "cancel", reason: "Cancelled by the customer through the Job API." },
      now,
    );
    if (!r.ok && r.error.code !== "already_done") return r;
    if (r.ok) events += 1;
  }
  if (changes.tags && (await setTagsIn(tx, actor, job.id, changes.tags, now))) events += 1;
  return done({ id: job.id, events });
}

/** Same keys, same values, in any order. */
export function sameTags(a: Prisma.JsonValue | undefined, b: Record<string, string>): boolean {
  if (!a || typeof a !== "object" || Array.isArray(a)) return Object.keys(b).length === 0;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Azure's resource tags: the customer's own labels, changeable in any state (no rule of the job
 * reads them). Replaced as a whole; the same tags again change nothing. True when written.
 */
async function setTagsIn(
  tx: Tx,
  actor: ApiCustomer,
  jobId: string,
  tags: Record<string, string>,
  now: Date,
): Promise<boolean> {
  const job = await tx.job.findUniqueOrThrow({
    where: { id: jobId },
    select: { id: true, version: true, tags: true, state: true, name: true },
  });
  if (sameTags(job.tags, tags)) return false;
  await updateVersioned(tx.job, "job", job, { tags });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: "job.tagsChanged",
    jobId,
    fromState: job.state,
    toState: job.state,
    data: { name: job.name, tags },
  });
  return true;
}
