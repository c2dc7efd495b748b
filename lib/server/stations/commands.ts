import "server-only";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createHash } from "node:crypto";
import {
  done,
  fail,
  runCommand,
  updateVersioned,
  VersionConflict,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyDriveEvent, reportDriveProgressIn } from "@/lib/server/drives/commands.ts";
import { stationDriveReport } from "@/lib/server/stations/queries.ts";
import type {
  StationDriveReport,
  StationFinish,
  StationProgress,
} from "@/lib/validation/station-api.ts";

type Station = Extract<ActorRef, { type: "station" }>;
type ReportKind = "drive.startCopy" | "drive.progress" | "drive.finishCopy";

/**
 * One station report as one command, idempotent the way payment APIs are: with an
 * `Idempotency-Key` (scoped to the station's key), the first request's answer is stored with a hash
 * of what it asked (the kind of report, the drive, the body). The same key and request gets that
 * answer again with nothing applied twice; the same key with another request (another drive, kind
 * or body) is refused as key_reused (422) and changes nothing.
 *
 * The key is claimed before anything is read: the transaction first inserts the record (ON CONFLICT
 * DO NOTHING) with a placeholder answer, and fills in the answer at the end. A concurrent request
 * with the same key waits on that insert until the first one commits or rolls back, so it then
 * reads the finished record (or claims the key itself). Reading the record first and inserting it
 * last let a retry that started before the first request committed read the drive after it, and
 * answer "already done" (409) instead of the stored answer.
 */
function stationReport(
  database: Db,
  station: Station,
  driveId: string,
  kind: ReportKind,
  body: unknown,
  idempotencyKey: string | undefined,
  apply: (tx: Tx, key: string | undefined) => Promise<CommandResult<unknown>>,
): Promise<CommandResult<StationDriveReport>> {
  const key = idempotencyKey ? `station:${station.id}:${idempotencyKey}` : undefined;
  const requestHash = createHash("sha256")
    .update(JSON.stringify([kind, driveId, body ?? null]))
    .digest("hex");
  return runCommand(database, async (tx) => {
    if (key) {
      const { count } = await tx.idempotencyRecord.createMany({
        data: [{ key, requestHash, response: { pending: true } }],
        skipDuplicates: true,
      });
      if (count !== 1) {
        const first = await tx.idempotencyRecord.findUnique({ where: { key } });
        // Inserted and gone again: the other request rolled back after our insert gave way.
        if (!first) throw new VersionConflict(`idempotency key ${idempotencyKey}`);
        return first.requestHash === requestHash
          ? done(first.response as StationDriveReport)
          : fail(
              "key_reused",
              "This Idempotency-Key was already used for another request: send a new key with each report.",
            );
      }
    }
    const applied = await apply(tx, key);
    if (!applied.ok) return applied;
    const view = await stationDriveReport(tx, driveId);
    if (!view) return fail("not_found", "There is no such drive.");
    if (key) await tx.idempotencyRecord.update({ where: { key }, data: { response: view } });
    return done(view);
  });
}

/** R-D6: the station begins the copy; the job becomes Transferring (R-J8). */
export function startStationCopy(
  database: Db,
  station: Station,
  driveId: string,
  now: Date,
  idempotencyKey?: string,
): Promise<CommandResult<StationDriveReport>> {
  return stationReport(
    database,
    station,
    driveId,
    "drive.startCopy",
    null,
    idempotencyKey,
    (tx, key) =>
      applyDriveEvent(tx, station, driveId, { type: "startCopy" }, now, { idempotencyKey: key }),
  );
}

/**
 * Percent and bytes of a drive being copied (R-D6, feeding R-G2). Out-of-order reports never make
 * progress go backwards: the higher of the stored and reported figures stands.
 */
export function reportStationProgress(
  database: Db,
  station: Station,
  driveId: string,
  progress: StationProgress,
  now: Date,
  idempotencyKey?: string,
): Promise<CommandResult<StationDriveReport>> {
  return stationReport(
    database,
    station,
    driveId,
    "drive.progress",
    progress,
    idempotencyKey,
    (tx, key) =>
      reportDriveProgressIn(
        tx,
        station,
        driveId,
        {
          percent: progress.percentComplete,
          ...(progress.bytesTransferred !== undefined
            ? { bytesTransferred: BigInt(progress.bytesTransferred) }
            : {}),
        },
        now,
        { idempotencyKey: key },
      ),
  );
}

/**
 * The end of the copy: Completed (R-D7) or CompletedMoreInfo (R-D8) with the counts and log URIs
 * (R-G4); the last drive of the job to finish moves it to Packaging (R-J9).
 */
export function finishStationCopy(
  database: Db,
  station: Station,
  driveId: string,
  report: StationFinish,
  now: Date,
  idempotencyKey?: string,
): Promise<CommandResult<StationDriveReport>> {
  return stationReport(
    database,
    station,
    driveId,
    "drive.finishCopy",
    report,
    idempotencyKey,
    async (tx, key) => {
      const finished = await applyDriveEvent(
        tx,
        station,
        driveId,
        {
          type: "finishCopy",
          errors: report.errorCount,
          warnings: report.warningCount,
          overwrittenBlobs: report.overwrittenBlobCount ?? 0,
        },
        now,
        {
          ...(report.errorLogUri ? { errorLogUri: report.errorLogUri } : {}),
          ...(report.verboseLogUri ? { verboseLogUri: report.verboseLogUri } : {}),
          idempotencyKey: key,
        },
      );
      if (!finished.ok || report.bytesTransferred === undefined) return finished;
      const drive = await tx.drive.findUniqueOrThrow({ where: { id: driveId } });
      await updateVersioned(tx.drive, `drive ${drive.serial}`, drive, {
        bytesTransferred: BigInt(report.bytesTransferred),
      });
      return finished;
    },
  );
}
