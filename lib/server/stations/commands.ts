import "server-only";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  alreadyRecorded,
  done,
  fail,
  runCommand,
  updateVersioned,
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
 * One station report as one command. With an idempotency key (the request's `Idempotency-Key`,
 * scoped to the station's key), a retry finds the event the first request recorded and gets the
 * drive as it is, with nothing applied twice; the same key on another drive or another kind of
 * report is a client bug and is refused. Concurrent retries collide on the key's unique index and
 * the loser runs again, now finding the event.
 */
function stationReport(
  database: Db,
  station: Station,
  driveId: string,
  kind: ReportKind,
  idempotencyKey: string | undefined,
  apply: (tx: Tx, key: string | undefined) => Promise<CommandResult<unknown>>,
): Promise<CommandResult<StationDriveReport>> {
  return runCommand(database, async (tx) => {
    const key = idempotencyKey ? `station:${station.id}:${idempotencyKey}` : undefined;
    let repeat = await alreadyRecorded(tx, key);
    if (!repeat) {
      const applied = await apply(tx, key);
      // Each statement sees what committed before it: the first request may have committed since
      // the check above, and the domain then sees a repeat. The key tells a retry from a rival.
      if (!applied.ok && applied.error.code === "already_done")
        repeat = await alreadyRecorded(tx, key);
      if (!applied.ok && !repeat) return applied;
    }
    if (repeat && (repeat.driveId !== driveId || repeat.kind !== kind)) {
      return fail(
        "conflict",
        "This Idempotency-Key was already used for another report: send a new key with each report.",
      );
    }
    const view = await stationDriveReport(tx, driveId);
    if (!view) return fail("not_found", "There is no such drive.");
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
  return stationReport(database, station, driveId, "drive.startCopy", idempotencyKey, (tx, key) =>
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
  return stationReport(database, station, driveId, "drive.progress", idempotencyKey, (tx, key) =>
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
