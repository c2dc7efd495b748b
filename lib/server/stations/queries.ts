import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Tx } from "@/lib/server/db.ts";
import type { StationDrive, StationDriveReport } from "@/lib/validation/station-api.ts";

/** The columns a station may see: never the BitLocker key, the manifest or the customer. */
const STATION_DRIVE_SELECT = {
  id: true,
  serial: true,
  state: true,
  copyStatus: true,
  percentComplete: true,
  bytesTransferred: true,
  errorCount: true,
  warningCount: true,
  errorLogUri: true,
  verboseLogUri: true,
  job: { select: { name: true, type: true, state: true } },
} as const satisfies Prisma.DriveSelect;

type StationDriveRow = Prisma.DriveGetPayload<{ select: typeof STATION_DRIVE_SELECT }>;

function toStationDrive(row: StationDriveRow & { job: NonNullable<StationDriveRow["job"]> }) {
  return {
    id: row.id,
    driveId: row.serial,
    jobName: row.job.name,
    jobType: row.job.type,
    state: row.state,
    copyStatus: row.copyStatus,
    percentComplete: row.percentComplete,
    bytesTransferred: Number(row.bytesTransferred),
    errorCount: row.errorCount,
    warningCount: row.warningCount,
    errorLogUri: row.errorLogUri,
    verboseLogUri: row.verboseLogUri,
  } satisfies StationDrive;
}

/**
 * The copy queue. `Received`: drives waiting for their copy, oldest received first: listed drives
 * (an extra drive is never copied, R-E5) of a job that has all its drives in and is not cancelled
 * (R-J7, R-J14). `Transferring`: the drives being copied, so a restarted station can resume them.
 */
export async function stationQueue(
  db: Tx,
  filter: { state: "Received" | "Transferring"; top: number; jobName?: string },
): Promise<StationDrive[]> {
  const rows = await db.drive.findMany({
    where: {
      state: filter.state,
      extra: false,
      job: {
        state: { in: ["Received", "Transferring"] },
        cancelRequested: false,
        ...(filter.jobName ? { name: filter.jobName } : {}),
      },
    },
    orderBy:
      filter.state === "Received"
        ? [{ receivedAt: { sort: "asc", nulls: "last" } }, { serial: "asc" }, { id: "asc" }]
        : [{ stateChangedAt: "asc" }, { serial: "asc" }, { id: "asc" }],
    take: filter.top,
    select: STATION_DRIVE_SELECT,
  });
  return rows.flatMap((row) => (row.job ? [toStationDrive({ ...row, job: row.job })] : []));
}

/** One drive as a station sees it, with its job's state: the answer to start, progress, finish. */
export async function stationDriveReport(
  db: Tx,
  driveId: string,
): Promise<StationDriveReport | null> {
  const row = await db.drive.findUnique({ where: { id: driveId }, select: STATION_DRIVE_SELECT });
  if (!row?.job) return null;
  return {
    ...toStationDrive({ ...row, job: row.job }),
    job: { name: row.job.name, state: row.job.state },
  };
}
