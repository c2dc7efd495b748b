import "server-only";
import type { JobState, JobType, LogLevel } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import {
  decideJobEvent,
  initialDriveState,
  type JobDecision,
  type JobEvent,
} from "@/lib/domain/index.ts";
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
  type EventInput,
} from "@/lib/server/command.ts";
import { lockJobs } from "@/lib/server/sql/locks.ts";
import { enterState, loadJob } from "@/lib/server/jobs/job-state.ts";
import { toJobSnapshot, type JobRow } from "@/lib/server/jobs/snapshot.ts";
import type { ReturnAddress } from "@/lib/validation/return-address.ts";

export type NewDrive = {
  serial: string;
  bitLockerKey?: string;
  manifestFile?: string;
  manifestHash?: string;
  driveHeaderHash?: string;
};

export type JobProperties = {
  deliveryPackage?: {
    carrierName: string;
    trackingNumber: string;
    driveCount?: number;
    shipDate?: Date;
  };
  returnAddress?: ReturnAddress;
  returnShipping?: { carrierName: string; carrierAccountNumber?: string };
  logLevel?: LogLevel;
  backupDriveManifest?: boolean;
  notificationEmails?: string[];
  notificationLanguage?: "en" | "fr";
};

export type NewJob = JobProperties & {
  customerId: string;
  name: string;
  type: JobType;
  storageAccount: string;
  /** Import jobs: the drives the customer will send (R-D1). Export jobs have none yet (R-D2). */
  drives?: NewDrive[];
  /** Export jobs: blob paths (a plain list), or the Job API's paths and prefixes (or list blob). */
  exportBlobList?:
    string[] | { blobPath: string[]; blobPathPrefix: string[]; blobListBlobPath?: string };
  /** What the Job API adds: the site, Azure's resource metadata, and the ARM scope. */
  resource?: {
    siteId?: string | null;
    tags?: Record<string, string>;
    diagnosticsPath?: string;
    encryptionKey?: { kekType: string; kekUrl?: string; kekVaultResourceID?: string };
    armSubscriptionId?: string;
    armResourceGroup?: string;
    armResourceGroupKey?: string;
  };
};

export function propertyColumns(p: JobProperties): Prisma.JobUncheckedUpdateInput {
  return {
    ...(p.deliveryPackage
      ? {
          deliveryCarrier: p.deliveryPackage.carrierName,
          deliveryTrackingNumber: p.deliveryPackage.trackingNumber,
          deliveryDriveCount: p.deliveryPackage.driveCount ?? null,
          deliveryShipDate: p.deliveryPackage.shipDate ?? null,
        }
      : {}),
    ...(p.returnAddress ? { returnAddress: p.returnAddress } : {}),
    ...(p.returnShipping
      ? {
          returnCarrier: p.returnShipping.carrierName,
          returnCarrierAccount: p.returnShipping.carrierAccountNumber ?? null,
        }
      : {}),
    ...(p.logLevel ? { logLevel: p.logLevel } : {}),
    ...(p.backupDriveManifest !== undefined ? { backupDriveManifest: p.backupDriveManifest } : {}),
    ...(p.notificationEmails ? { notificationEmails: p.notificationEmails } : {}),
    ...(p.notificationLanguage ? { notificationLanguage: p.notificationLanguage } : {}),
  };
}

/** Put Job: a new job in Creating (R-J1); an import job's drives start Specified (R-D1). */
export function createJob(
  database: Db,
  actor: ActorRef,
  input: NewJob,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  return runCommand(database, (tx) => createJobIn(tx, actor, input, now));
}

/** The body of Put Job, inside the caller's transaction (the seed and the Job API share it). */
export async function createJobIn(
  tx: Tx,
  actor: ActorRef,
  input: NewJob,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  const name = input.name.trim();
  if (
    await tx.job.findUnique({
      where: { customerId_name: { customerId: input.customerId, name } },
    })
  ) {
    return fail("conflict", `A job named ${name} already exists for this customer.`);
  }
  if (input.type === "Export" && input.drives?.length) {
    return fail(
      "invalid",
      "An export job lists no drives at creation: they are recorded when they arrive (R-D2).",
      "R-D2",
    );
  }
  const serials = (input.drives ?? []).map((d) => d.serial.trim().toUpperCase());
  if (new Set(serials).size !== serials.length)
    return fail("invalid", "The drive list names a drive twice.");
  const job = await tx.job.create({
    data: {
      ...(propertyColumns(input) as Prisma.JobUncheckedCreateInput),
      customerId: input.customerId,
      name,
      type: input.type,
      storageAccount: input.storageAccount,
      exportBlobList: input.exportBlobList,
      ...input.resource,
      state: "Creating",
      stateChangedAt: now,
      creatingTimerStartedAt: now,
      createdAt: now,
      drives: {
        create: (input.drives ?? []).map((d, i) => ({
          serial: serials[i]!,
          state: initialDriveState(input.type),
          bitLockerKey: d.bitLockerKey,
          manifestFile: d.manifestFile,
          manifestHash: d.manifestHash,
          driveHeaderHash: d.driveHeaderHash,
          stateChangedAt: now,
          createdAt: now,
        })),
      },
    },
  });
  await appendEvent(tx, {
    actor,
    at: now,
    kind: "job.created",
    jobId: job.id,
    toState: "Creating",
    data: { rule: "R-J1", name, type: input.type, drives: serials },
  });
  return done({ id: job.id });
}

/**
 * The audit event of a job event the domain accepted: one mapping for applyJobEvent and the
 * sweep's batches (lib/server/sweep/jobs.ts), so a job expired or purged in a batch leaves the
 * same event, tombstone included, as one done by itself.
 */
export function jobEventRecord(
  actor: ActorRef,
  job: Pick<JobRow, "id" | "name" | "state" | "type" | "customerId">,
  event: JobEvent,
  decision: JobDecision,
  now: Date,
  note?: string,
): EventInput {
  return {
    actor,
    at: now,
    kind: `job.${event.type}`,
    jobId: job.id,
    fromState: job.state,
    toState: decision.to,
    reason: note ?? ("reason" in event ? event.reason : null),
    data: {
      rule: decision.rule,
      name: job.name,
      ...(decision.tombstone
        ? { tombstone: { finalState: job.state, type: job.type, customerId: job.customerId } }
        : {}),
    },
  };
}

/** The body of every job-level command, inside the caller's transaction. */
export async function applyJobEvent(
  tx: Tx,
  actor: ActorRef,
  jobId: string,
  event: JobEvent,
  now: Date,
  extra: { properties?: JobProperties; note?: string } = {},
): Promise<CommandResult<{ from: JobState; to: JobState | "Deleted" }>> {
  // The job's row lock first (lib/server/sql/locks.ts): concurrent changes of one job take turns
  // instead of failing each other's version check.
  await lockJobs(tx, [jobId]);
  const loaded = await loadJob(tx, jobId);
  if (!loaded) return fail("not_found", "There is no such job.");
  const { job } = loaded;
  // Update Job Properties is judged on the job as it will be (R-J5 reads the new package/address).
  const patched = extra.properties ? propertyColumns(extra.properties) : {};
  const snapshot = extra.properties
    ? toJobSnapshot({ ...job, ...patched } as JobRow, loaded.drives)
    : loaded.snapshot;
  const decision = decideJobEvent(snapshot, event, domainActor(actor), now);
  if (!decision.ok) return fromRefusal(decision.refusal);
  const { to } = decision.value;
  await appendEvent(tx, jobEventRecord(actor, job, event, decision.value, now, extra.note));
  if (to === "Deleted") {
    // Compare-and-set like updateVersioned: a job changed or deleted meanwhile is retried afresh.
    const { count } = await tx.job.deleteMany({ where: { id: job.id, version: job.version } });
    if (count !== 1) throw new VersionConflict("job");
    return done({ from: job.state, to });
  }
  await updateVersioned(tx.job, "job", job, {
    ...patched,
    ...(to !== job.state ? enterState(to, now) : {}),
    ...(decision.value.resetCreatingTimer ? { creatingTimerStartedAt: now } : {}),
    ...(decision.value.setCancelRequested ? { cancelRequested: true } : {}),
    ...(decision.value.startShippingTimer ? { shippingInfoAt: now } : {}),
    ...(decision.value.faultedFrom !== undefined
      ? { faultedFrom: decision.value.faultedFrom }
      : {}),
    ...(event.type === "fault" ? { faultReason: event.reason } : {}),
    ...(event.type === "resolveFault" ? { faultReason: null } : {}),
    ...(event.type === "cancel" || event.type === "closeOverdue" ? { hadErrors: true } : {}),
  });
  return done({ from: job.state, to });
}

export const changeJob = (
  db: Db,
  actor: ActorRef,
  jobId: string,
  event: JobEvent,
  now: Date,
  extra: { properties?: JobProperties; note?: string } = {},
) => runCommand(db, (tx) => applyJobEvent(tx, actor, jobId, event, now, extra));

/** Update Job Properties (R-J3): in Creating it also restarts the 14-day timer. */
export const updateJobProperties = (
  db: Db,
  actor: ActorRef,
  jobId: string,
  properties: JobProperties,
  now: Date,
) => changeJob(db, actor, jobId, { type: "updateProperties" }, now, { properties });
/** The customer says the package is on its way (R-J4, guarded by R-J5). */
export const markJobShipping = (db: Db, actor: ActorRef, jobId: string, now: Date) =>
  changeJob(db, actor, jobId, { type: "markShipping" }, now);
export const cancelJob = (db: Db, actor: ActorRef, jobId: string, reason: string, now: Date) =>
  changeJob(db, actor, jobId, { type: "cancel", reason }, now);
export const faultJob = (db: Db, actor: ActorRef, jobId: string, reason: string, now: Date) =>
  changeJob(db, actor, jobId, { type: "fault", reason }, now);
export const resolveJobFault = (
  db: Db,
  actor: ActorRef,
  jobId: string,
  to: JobState,
  note: string,
  now: Date,
) => changeJob(db, actor, jobId, { type: "resolveFault", to }, now, { note });
