import "server-only";
import type {
  DriveDisposal,
  DriveState,
  IncidentKind,
  JobState,
  JobType,
  PackageDirection,
  Role,
} from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { SqlTx } from "@/lib/server/sql/transaction.ts";
import { fromSqlTime } from "@/lib/server/sql/transaction.ts";
import { SERIAL_LOCK_CLASS } from "@/lib/server/sql/locks.ts";

/** What the first read of a scan returns: the package (locked FOR SHARE) and the scanning user. */
export type ScanStart = {
  package: {
    id: string;
    direction: PackageDirection;
    carrier: string;
    trackingNumber: string;
    closed: boolean;
  } | null;
  user: {
    name: string;
    role: Role;
    disabled: boolean;
    sessionsValidFrom: Date;
  } | null;
  /** The server-side session the cookie names (lib/server/auth/sessions.ts), if it exists. */
  session: { userId: string; expiresAt: Date; endedAt: Date | null } | null;
};

/**
 * The first statement of a scan, in the lock order (lib/server/sql/locks.ts): the package FOR
 * SHARE (a close waits for this scan; a scan after a close sees it closed), then the serial's
 * advisory lock (scans of one serial take turns: one held drive, one extra drive, one answer
 * each), and, in the same round trip, the user, re-read so that a disabled user or a changed role
 * counts from their very next scan.
 */
export async function startScan(
  tx: SqlTx,
  input: { packageId: string; serial: string; userId: string; sessionId: string | null },
): Promise<ScanStart> {
  const [row] = await tx.rows<{
    packageId: string | null;
    direction: PackageDirection | null;
    carrier: string | null;
    trackingNumber: string | null;
    closed: boolean | null;
    userName: string | null;
    role: Role | null;
    disabled: boolean | null;
    sessionsValidFrom: string | null;
    sessionUserId: string | null;
    expiresAt: string | null;
    endedAt: string | null;
  }>(
    `SELECT p."id" AS "packageId", p."direction", p."carrier", p."trackingNumber",
            p."closedAt" IS NOT NULL AS "closed",
            u."name" AS "userName", u."role", u."disabled",
            u."sessionsValidFrom"::text AS "sessionsValidFrom",
            s."userId" AS "sessionUserId", s."expiresAt"::text AS "expiresAt",
            s."endedAt"::text AS "endedAt",
            pg_advisory_xact_lock(${SERIAL_LOCK_CLASS}, hashtext($2))::text AS "serialLock"
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT "id", "direction", "carrier", "trackingNumber", "closedAt"
           FROM ${tx.t("Package")} WHERE "id" = $1 FOR SHARE
       ) p ON true
       LEFT JOIN ${tx.t("User")} u ON u."id" = $3
       LEFT JOIN ${tx.t("UserSession")} s ON s."id" = $4`,
    [input.packageId, input.serial, input.userId, input.sessionId],
  );
  if (!row) throw new Error("the scan's first read returned no row");
  return {
    package:
      row.packageId && row.direction && row.carrier !== null && row.trackingNumber !== null
        ? {
            id: row.packageId,
            direction: row.direction,
            carrier: row.carrier,
            trackingNumber: row.trackingNumber,
            closed: Boolean(row.closed),
          }
        : null,
    user:
      row.userName !== null && row.role && row.sessionsValidFrom
        ? {
            name: row.userName,
            role: row.role,
            disabled: Boolean(row.disabled),
            sessionsValidFrom: fromSqlTime(row.sessionsValidFrom),
          }
        : null,
    session:
      row.sessionUserId !== null && row.expiresAt !== null
        ? {
            userId: row.sessionUserId,
            expiresAt: fromSqlTime(row.expiresAt),
            endedAt: fromSqlTime(row.endedAt),
          }
        : null,
  };
}

export type ScanJob = {
  id: string;
  name: string;
  type: JobType;
  state: JobState;
  customerId: string;
  customerName: string;
  /** Shipped in the scanned package (its delivery tracking number). */
  inPackage: boolean;
  version: number;
  faultedFrom: JobState | null;
  cancelRequested: boolean;
  hadErrors: boolean;
  deliveryCarrier: string | null;
  deliveryTrackingNumber: string | null;
  deliveryDriveCount: number | null;
  returnAddress: Prisma.JsonValue;
  stateChangedAt: Date;
  creatingTimerStartedAt: Date | null;
  shippingInfoAt: Date | null;
  createdAt: Date;
};

export type ScanDrive = {
  id: string;
  /** Returned or destroyed through its incident (R-E1, R-E4): it has left the datacenter. */
  disposal: DriveDisposal | null;
  jobId: string | null;
  serial: string;
  state: DriveState;
  faultedFrom: DriveState | null;
  extra: boolean;
  percentComplete: number;
  version: number;
  inboundPackageId: string | null;
};

export type ScanIncident = {
  id: string;
  kind: IncidentKind;
  jobId: string | null;
  driveId: string | null;
  version: number;
  resolvedAt: Date | null;
};

export type LastScanEvent = { driveId: string; kind: string; at: Date; actorLabel: string };

/** Everything a scan decides on, read after its locks: consistent for as long as it runs. */
export type ScanFacts = {
  /** The jobs the scan may touch, locked: the package's jobs and the jobs of the serial's drives. */
  jobs: ScanJob[];
  /** Every drive on record with the scanned serial. */
  serialDrives: ScanDrive[];
  /** Every drive of the locked jobs (to settle a job, R-J7..R-J12). */
  jobDrives: ScanDrive[];
  /** Open incidents of the locked jobs and of the serial's drives. */
  openIncidents: ScanIncident[];
  /** The first request made with this scan's idempotency key, if any. */
  idempotent: { requestHash: string; response: unknown } | null;
  /** The latest scan event of each of the serial's drives, for the double-scan answer. */
  lastScans: LastScanEvent[];
};

const DRIVE_JSON = `json_build_object('id', d."id", 'jobId', d."jobId", 'serial', d."serial",
  'state', d."state", 'faultedFrom', d."faultedFrom", 'extra', d."extra",
  'percentComplete', d."percentComplete", 'version', d."version",
  'inboundPackageId', d."inboundPackageId", 'disposal', d."disposal")`;

/** The event kinds that tell when a drive came in or went back, for a double scan's answer. */
export const SCAN_EVENT_KINDS = ["drive.receive", "drive.extra", "drive.held", "drive.shipBack"];

type FactsRow = {
  jobs: (Omit<
    ScanJob,
    "stateChangedAt" | "creatingTimerStartedAt" | "shippingInfoAt" | "createdAt"
  > & {
    lockedVersion: number;
    stateChangedAt: string;
    creatingTimerStartedAt: string | null;
    shippingInfoAt: string | null;
    createdAt: string;
  })[];
  serialDrives: ScanDrive[];
  jobDrives: ScanDrive[];
  openIncidents: (Omit<ScanIncident, "resolvedAt"> & { resolvedAt: string | null })[];
  idempotent: { requestHash: string; response: unknown } | null;
  lastScans: (Omit<LastScanEvent, "at"> & { at: string })[];
};

function withoutLockedVersion<T extends { lockedVersion: number }>(
  row: T,
): Omit<T, "lockedVersion"> {
  const copy: Partial<T> = { ...row };
  delete copy.lockedVersion;
  return copy as Omit<T, "lockedVersion">;
}

/**
 * The second statement of a scan: lock the jobs it may touch (by id, FOR UPDATE) and read the
 * rest. A statement reads what had committed when it began, while a row lock may wait for a
 * writer to commit: if any locked job moved on meanwhile (its version differs from the one this
 * statement saw), the read runs again, now holding the locks, so that what the scan decides on is
 * what is there. `trackingNumber` is the inbound package's; null for a return package.
 */
export async function readScanFacts(
  tx: SqlTx,
  input: { serial: string; trackingNumber: string | null; idempotencyKey: string },
): Promise<ScanFacts> {
  for (let attempt = 0; ; attempt++) {
    const [row] = await tx.rows<FactsRow>(
      `WITH sd AS (
         SELECT "id", "jobId", "serial", "state", "faultedFrom", "extra", "percentComplete",
                "version", "inboundPackageId", "disposal", "createdAt"
           FROM ${tx.t("Drive")} WHERE "serial" = $1
       ), cand AS (
         SELECT "jobId" AS "id" FROM sd WHERE "jobId" IS NOT NULL
         UNION
         SELECT "id" FROM ${tx.t("Job")} WHERE $2::text IS NOT NULL AND "deliveryTrackingNumber" = $2::text
       ), lj AS (
         SELECT "id", "version" FROM ${tx.t("Job")}
          WHERE "id" IN (SELECT "id" FROM cand) ORDER BY "id" FOR UPDATE
       )
       SELECT
         (SELECT coalesce(json_agg(json_build_object(
             'id', j."id", 'name', j."name", 'type', j."type", 'state', j."state",
             'customerId', j."customerId", 'customerName', c."name",
             'inPackage', coalesce(j."deliveryTrackingNumber" = $2::text, false),
             'version', j."version", 'lockedVersion', lj."version",
             'faultedFrom', j."faultedFrom", 'cancelRequested', j."cancelRequested",
             'hadErrors', j."hadErrors", 'deliveryCarrier', j."deliveryCarrier",
             'deliveryTrackingNumber', j."deliveryTrackingNumber",
             'deliveryDriveCount', j."deliveryDriveCount", 'returnAddress', j."returnAddress",
             'stateChangedAt', j."stateChangedAt", 'creatingTimerStartedAt', j."creatingTimerStartedAt",
             'shippingInfoAt', j."shippingInfoAt", 'createdAt', j."createdAt"
           ) ORDER BY j."createdAt", j."id"), '[]'::json)
            FROM lj JOIN ${tx.t("Job")} j ON j."id" = lj."id"
            JOIN ${tx.t("Customer")} c ON c."id" = j."customerId") AS "jobs",
         (SELECT coalesce(json_agg(${DRIVE_JSON} ORDER BY d."createdAt", d."id"), '[]'::json)
            FROM sd d) AS "serialDrives",
         (SELECT coalesce(json_agg(${DRIVE_JSON} ORDER BY d."id"), '[]'::json)
            FROM ${tx.t("Drive")} d WHERE d."jobId" IN (SELECT "id" FROM lj)) AS "jobDrives",
         (SELECT coalesce(json_agg(json_build_object('id', i."id", 'kind', i."kind",
             'jobId', i."jobId", 'driveId', i."driveId", 'version', i."version",
             'resolvedAt', i."resolvedAt")), '[]'::json)
            FROM ${tx.t("Incident")} i
           WHERE i."status" = 'Open'
             AND (i."jobId" IN (SELECT "id" FROM lj) OR i."driveId" IN (SELECT "id" FROM sd))
         ) AS "openIncidents",
         (SELECT json_build_object('requestHash', r."requestHash", 'response', r."response")
            FROM ${tx.t("IdempotencyRecord")} r WHERE r."key" = $3) AS "idempotent",
         (SELECT coalesce(json_agg(json_build_object('driveId', e."driveId", 'kind', e."kind",
             'at', e."at", 'actorLabel', e."actorLabel")), '[]'::json)
            FROM (SELECT DISTINCT ON (ev."driveId", ev."kind") ev.*
                    FROM ${tx.t("Event")} ev
                   WHERE ev."driveId" IN (SELECT "id" FROM sd) AND ev."kind" = ANY($4::text[])
                   ORDER BY ev."driveId", ev."kind", ev."at" DESC) e) AS "lastScans"`,
      [input.serial, input.trackingNumber, input.idempotencyKey, SCAN_EVENT_KINDS],
    );
    if (!row) throw new Error("the scan's second read returned no row");
    // A job that moved on, or a drive's job that is gone (deleted while this statement waited).
    const moved =
      row.jobs.some((j) => j.version !== j.lockedVersion) ||
      row.serialDrives.some((d) => d.jobId !== null && !row.jobs.some((j) => j.id === d.jobId));
    if (moved && attempt < 5) continue;
    if (moved) throw new Error("the scan's jobs kept moving while it held their locks");
    return {
      jobs: row.jobs.map((j) => ({
        ...withoutLockedVersion(j),
        stateChangedAt: fromSqlTime(j.stateChangedAt),
        creatingTimerStartedAt: fromSqlTime(j.creatingTimerStartedAt),
        shippingInfoAt: fromSqlTime(j.shippingInfoAt),
        createdAt: fromSqlTime(j.createdAt),
      })),
      serialDrives: row.serialDrives,
      jobDrives: row.jobDrives,
      openIncidents: row.openIncidents.map((i) => ({
        ...i,
        resolvedAt: fromSqlTime(i.resolvedAt),
      })),
      idempotent: row.idempotent,
      lastScans: row.lastScans.map((e) => ({ ...e, at: fromSqlTime(e.at) })),
    };
  }
}
