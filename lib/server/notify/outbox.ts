import "server-only";
import { randomUUID } from "node:crypto";
import { noticeTopic } from "@/lib/domain/notifications.ts";
import type { EventInput } from "@/lib/server/command.ts";
import type { Tx } from "@/lib/server/db.ts";
import { table } from "@/lib/server/sql/locks.ts";

/**
 * The transactional outbox's write side. Both places that append audit events call it, in the
 * event's own transaction: appendEvent() (the Prisma commands) and WriteBatch.events() (the dock's
 * SQL). So every command, the sweep included, writes a Notice for each event the customer hears
 * about (lib/domain/notifications.ts noticeTopic), and a refused or failed command writes none.
 * The job's row is copied into the notice as it stands (to_jsonb) so the worker can still write to
 * the customer of a job that was deleted since (R-J2, R-J11, R-J13).
 */
export type NoticeRow = {
  id: string;
  at: Date;
  kind: string;
  jobId: string;
  driveId: string | null;
  incidentId: string | null;
  fromState: string | null;
  toState: string | null;
  data: unknown;
};

/** The notice an event causes, or null: the one decision, lib/domain's. */
export function noticeFor(e: EventInput): NoticeRow | null {
  if (!noticeTopic(e) || !e.jobId) return null;
  return {
    id: randomUUID(),
    at: e.at,
    kind: e.kind,
    jobId: e.jobId,
    driveId: e.driveId ?? null,
    incidentId: e.incidentId ?? null,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    data: e.data ?? null,
  };
}

const COLUMNS = [
  "id",
  "at",
  "kind",
  "jobId",
  "driveId",
  "incidentId",
  "fromState",
  "toState",
  "data",
] as const;

/**
 * One INSERT ... SELECT: the notice's columns as parameters (`param` numbers them) and the job's
 * row read in the same statement.
 */
export function noticeInsert(
  t: (name: string) => string,
  param: (value: unknown) => string,
  row: NoticeRow,
): string {
  const values = COLUMNS.map((c) =>
    c === "at"
      ? `${param(row.at)}::timestamp`
      : c === "data"
        ? `${param(row.data)}::jsonb`
        : param(row[c]),
  );
  return `INSERT INTO ${t("Notice")} (${COLUMNS.map((c) => `"${c}"`).join(", ")}, "job") SELECT ${values.join(", ")}, (SELECT to_jsonb(j) FROM ${t("Job")} j WHERE j."id" = ${param(row.jobId)}) RETURNING 1`;
}

/** The Prisma commands' side: in the caller's transaction, right after the event. */
export async function writeNoticeFor(tx: Tx, e: EventInput): Promise<void> {
  const row = noticeFor(e);
  if (!row) return;
  const values: unknown[] = [];
  const sql = noticeInsert(
    (name) => table(tx, name),
    (v) => {
      values.push(
        v instanceof Date
          ? v.toISOString()
          : v !== null && typeof v === "object"
            ? JSON.stringify(v)
            : v,
      );
      return `$${values.length}`;
    },
    row,
  );
  await tx.$executeRawUnsafe(sql, ...values);
}
