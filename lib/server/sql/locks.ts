import "server-only";
import type { Tx } from "@/lib/server/db.ts";

/**
 * Row locks for the Prisma commands, in the one lock order every command of Dockside follows
 * (docs/architecture.md, "Lock order"):
 *
 *   1. the package (a scan: FOR SHARE; closing it: FOR UPDATE)
 *   2. the scanned serial (a transaction-scoped advisory lock: scans of one serial take turns)
 *   3. jobs, by id ascending (FOR UPDATE)
 *   4. drives, incidents, events: written only while holding their job's lock
 *
 * Whoever writes a drive of a job holds that job's row lock and moves the job's version on, so
 * two writers of one job's drives take turns instead of deadlocking or failing a version check.
 *
 * The sweep's batches (lib/server/sweep/jobs.ts) hold the sweep's advisory lock (a session lock
 * on a connection of its own, taken before anything else and never inside a transaction), then in
 * each batch's one transaction lock all the batch's jobs at once, by id ascending (3), before they
 * read them and write their events and rows (4). A batch never takes a package or a serial lock,
 * so it waits for a scan's jobs as any job command does, and never holds one a scan lacks.
 */
const schemas = new WeakMap<object, string | null>();

/** runCommand says which schema its transaction's client is bound to (tests use one per file). */
export function bindSchema(tx: Tx, schema: string | null): void {
  schemas.set(tx, schema);
}

/** A table of the transaction's schema, quoted and qualified (for raw statements in Prisma commands). */
export function table(tx: Tx, name: string): string {
  const schema = schemas.get(tx) ?? null;
  return `${schema ? `"${schema.replaceAll('"', '""')}".` : ""}"${name}"`;
}

/** Lock these jobs, in id order (3). */
export async function lockJobs(tx: Tx, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT "id" FROM ${table(tx, "Job")} WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR UPDATE`,
    [...new Set(jobIds)],
  );
}

/** Lock the job of this drive (3), before the drive is read and written (4). */
export async function lockJobOfDrive(tx: Tx, driveId: string): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT j."id" FROM ${table(tx, "Job")} j WHERE j."id" = (SELECT d."jobId" FROM ${table(tx, "Drive")} d WHERE d."id" = $1) FOR UPDATE`,
    driveId,
  );
}

/** Lock a package against scans (1): a close waits for scans in flight, and later scans wait for it. */
export async function lockPackage(tx: Tx, packageId: string, mode: "share" | "update") {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM ${table(tx, "Package")} WHERE "id" = $1 FOR ${mode === "share" ? "SHARE" : "UPDATE"}`,
    packageId,
  );
  return rows.length === 1;
}

/** The key of the serial's advisory lock (2): a class of our own, and the serial's hash. */
export const SERIAL_LOCK_CLASS = 0x444b;

/** Take the serial's lock (2): scans, undos and everything else on one serial take turns. */
export async function lockSerial(tx: Tx, serial: string): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT pg_advisory_xact_lock(${SERIAL_LOCK_CLASS}, hashtext($1))::text AS locked`,
    serial,
  );
}
