import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { decideJobEvent, INITIAL_JOB_STATE, initialDriveState } from "@/lib/domain/index.ts";
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
import { applyJobEvent, propertyColumns, type JobProperties } from "@/lib/server/jobs/commands.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";
import type { PutJobParameters, UpdateJobParameters } from "@/lib/validation/job-api.ts";

/**
 * The commands behind the customer Job API. A key acts for its customer only: every job is found
 * by (customer, name), so another customer's job is simply not there (never "forbidden").
 */

export type ApiCustomer = Extract<ActorRef, { type: "apiKey" }>;
type DriveInput = NonNullable<PutJobParameters["properties"]["driveList"]>[number];
type UpdateInput = UpdateJobParameters["properties"];

const noSuchJob = (name: string) => fail("not_found", `You have no job named ${name}.`);
const nameTaken = (name: string) =>
  fail(
    "conflict",
    `You already have a job named ${name}: pick another name, or change that job with PATCH.`,
  );

function driveColumns(d: DriveInput) {
  return {
    ...(d.bitLockerKey !== undefined ? { bitLockerKey: d.bitLockerKey } : {}),
    ...(d.manifestFile !== undefined ? { manifestFile: d.manifestFile } : {}),
    ...(d.manifestHash !== undefined ? { manifestHash: d.manifestHash } : {}),
    ...(d.driveHeaderHash !== undefined ? { driveHeaderHash: d.driveHeaderHash } : {}),
  };
}

function propertiesOf(p: UpdateInput | PutJobParameters["properties"]): JobProperties {
  return {
    ...(p.deliveryPackage ? { deliveryPackage: p.deliveryPackage } : {}),
    ...(p.returnAddress ? { returnAddress: p.returnAddress } : {}),
    ...(p.returnShipping ? { returnShipping: p.returnShipping } : {}),
    ...(p.logLevel ? { logLevel: p.logLevel } : {}),
    ...(p.backupDriveManifest !== undefined ? { backupDriveManifest: p.backupDriveManifest } : {}),
  };
}

/** Put Job: a new job in Creating (R-J1); an import job's drives start Specified (R-D1, R-D2). */
export async function putJob(
  db: Db,
  actor: ApiCustomer,
  name: string,
  p: PutJobParameters["properties"],
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  try {
    return await runCommand(db, async (tx) => {
      const where = { customerId_name: { customerId: actor.customerId, name } };
      if (await tx.job.findUnique({ where, select: { id: true } })) return nameTaken(name);
      const drives = p.driveList ?? [];
      const job = await tx.job.create({
        data: {
          ...(propertyColumns(propertiesOf(p)) as Prisma.JobUncheckedCreateInput),
          customerId: actor.customerId,
          name,
          type: p.jobType,
          storageAccount: p.storageAccountId,
          ...(p.export
            ? {
                exportBlobList: {
                  blobPath: p.export.blobList.blobPath ?? [],
                  blobPathPrefix: p.export.blobList.blobPathPrefix ?? [],
                },
              }
            : {}),
          state: INITIAL_JOB_STATE,
          stateChangedAt: now,
          creatingTimerStartedAt: now,
          createdAt: now,
          drives: {
            create: drives.map((d) => ({
              serial: d.driveId,
              state: initialDriveState(p.jobType),
              ...driveColumns(d),
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
        toState: INITIAL_JOB_STATE,
        data: { rule: "R-J1", name, type: p.jobType, drives: drives.map((d) => d.driveId) },
      });
      return done({ id: job.id });
    });
  } catch (e) {
    // Two Put Jobs with one name at the same moment: the unique (customer, name) index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return nameTaken(name);
    }
    throw e;
  }
}

/** R-E1: drives of the job that reached the dock although the job was not Shipping. */
async function heldDriveSerials(tx: Tx, jobId: string): Promise<string[]> {
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
  const event = {
    type: "replaceDriveList",
    heldDrives: await heldDriveSerials(tx, jobId),
  } as const;
  const decision = decideJobEvent(loaded.snapshot, event, domainActor(actor), now);
  if (!decision.ok) return fromRefusal(decision.refusal);

  const current = await tx.drive.findMany({
    where: { jobId, extra: false },
    select: { id: true, serial: true, state: true, version: true },
  });
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
  p: UpdateInput,
  now: Date,
): Promise<CommandResult<{ id: string; events: number }>> {
  return runCommand(db, async (tx) => {
    const where = { customerId_name: { customerId: actor.customerId, name } };
    const job = await tx.job.findUnique({ where, select: { id: true } });
    if (!job) return noSuchJob(name);
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
    return done({ id: job.id, events });
  });
}

/**
 * Delete Job: only a job that never shipped (Creating) or a finished one (Completed, Closed), with
 * nothing of it at the datacenter; a tombstone event keeps its name and final state.
 */
export function deleteJobFromApi(
  db: Db,
  actor: ApiCustomer,
  name: string,
  now: Date,
): Promise<CommandResult<{ from: string }>> {
  return runCommand(db, async (tx) => {
    const where = { customerId_name: { customerId: actor.customerId, name } };
    const job = await tx.job.findUnique({ where, select: { id: true } });
    if (!job) return noSuchJob(name);
    const heldDrives = await heldDriveSerials(tx, job.id);
    const r = await applyJobEvent(tx, actor, job.id, { type: "delete", heldDrives }, now);
    return r.ok ? done({ from: r.value.from }) : r;
  });
}
