import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { connectionOf, DATABASE_LIMITS, type Db, type Tx } from "@/lib/server/db.ts";
import { bindSchema } from "@/lib/server/sql/locks.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { Refusal } from "@/lib/domain/index.ts";
import { writeNoticeFor } from "@/lib/server/notify/outbox.ts";

/** What a user can cause and read: a code for programs, a message for people. Bugs throw instead. */
export type CommandErrorCode =
  | "not_found"
  | "invalid"
  | "forbidden"
  | "refused"
  | "conflict"
  | "already_done"
  /** No live session: signed out, disabled, or signed in before the sessions were ended (401). */
  | "unauthenticated"
  /** The same idempotency key came back with another request body: a client bug (422). */
  | "key_reused"
  /** The database did not answer in time (a lock held too long, a statement timeout): 503. */
  | "busy";

export type CommandError = { code: CommandErrorCode; message: string; rule?: string };
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export const done = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const fail = (
  code: CommandErrorCode,
  message: string,
  rule?: string,
): CommandResult<never> => ({
  ok: false,
  error: { code, message, ...(rule ? { rule } : {}) },
});

/** A domain refusal as a command's answer: a repeat is "already done", a wrong actor "forbidden". */
export function fromRefusal(refusal: Refusal): CommandResult<never> {
  const code =
    refusal.code === "already_in_state"
      ? "already_done"
      : refusal.code === "forbidden_actor"
        ? "forbidden"
        : "refused";
  return fail(code, refusal.message, refusal.rule);
}

/** Thrown inside a transaction when a row changed under us: the whole command is retried. */
export class VersionConflict extends Error {
  constructor(what: string) {
    super(`${what} changed while this command ran`);
  }
}

/** Compare-and-set on a versioned row; throws VersionConflict when someone else wrote it first. */
export async function updateVersioned(
  table: {
    updateMany: (args: {
      where: { id: string; version: number };
      data: object;
    }) => Promise<{ count: number }>;
  },
  what: string,
  row: { id: string; version: number },
  data: object,
): Promise<void> {
  const { count } = await table.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new VersionConflict(what);
}

export type EventInput = {
  actor: ActorRef;
  at: Date;
  kind: string;
  jobId?: string | null;
  driveId?: string | null;
  packageId?: string | null;
  incidentId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
  idempotencyKey?: string | null;
};

/** The Event row an EventInput makes: one mapping for the Prisma commands and the dock's SQL. */
export function eventColumns(e: EventInput) {
  return {
    at: e.at,
    actorType: e.actor.type,
    actorId: "id" in e.actor ? e.actor.id : null,
    actorLabel: e.actor.label,
    kind: e.kind,
    jobId: e.jobId ?? null,
    driveId: e.driveId ?? null,
    packageId: e.packageId ?? null,
    incidentId: e.incidentId ?? null,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    reason: e.reason ?? null,
    data: e.data,
    idempotencyKey: e.idempotencyKey ?? null,
  };
}

/**
 * Append one row to the audit log, in the caller's transaction, with its outbox notice when the
 * customer hears about it (lib/server/notify/outbox.ts): every command that appends here notifies.
 */
export async function appendEvent(tx: Tx, e: EventInput): Promise<void> {
  await tx.event.create({ data: eventColumns(e) });
  await writeNoticeFor(tx, e);
}

/**
 * Append many rows to the audit log in one statement, in the caller's transaction: the sweep's
 * batches (lib/server/sweep/jobs.ts). Whatever appendEvent does for one event (the rows it writes
 * beside it) this must do for each of these.
 */
export async function appendEvents(tx: Tx, events: readonly EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.event.createMany({ data: events.map(eventColumns) });
  // The outbox notices, as appendEvent writes them (a purge or an expiry is news to the customer):
  // each copies its job's row, so they are written while the jobs still exist.
  for (const e of events) await writeNoticeFor(tx, e);
}

function isUniqueViolation(e: unknown, field: string): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return false;
  return JSON.stringify(e.meta ?? {}).includes(field);
}

/** How long a command keeps retrying conflicts before it answers "try again". */
export const RETRY_BUDGET_MS = 8_000;

export const BUSY_MESSAGE =
  "The database is busy and did not answer in time. Nothing was changed: try again in a moment.";

/**
 * Run a command's attempts until one ends: a version conflict, a concurrent duplicate, a deadlock
 * or a serialization failure runs the attempt again on fresh data, with jittered backoff, for up to
 * RETRY_BUDGET_MS (a time budget, not a small count: fifty writers on one job all get through);
 * a lock or statement timeout answers "busy" at once (waiting again would only queue behind the
 * same holder). Shared by the Prisma commands and the ones that send their own SQL.
 */
export async function withRetries<T>(
  attempt: () => Promise<CommandResult<T>>,
  isRetriable: (e: unknown) => boolean,
  budgetMs = RETRY_BUDGET_MS,
): Promise<CommandResult<T>> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (isTimeout(e)) return fail("busy", BUSY_MESSAGE);
      if (!isRetriable(e)) throw e;
      if (Date.now() - started > budgetMs) {
        return fail("conflict", "Someone else changed this at the same moment. Try again.");
      }
      const pause = Math.min(200, 2 * 2 ** Math.min(n, 7)) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/**
 * Run one command: a single transaction that reads, asks the domain, writes with version checks and
 * appends its events. A version conflict or a concurrent duplicate (same idempotency key) rolls the
 * transaction back and runs it again on fresh data, so two operators scanning one drive end with one
 * transition and one event.
 */
export async function runCommand<T>(
  database: Db,
  body: (tx: Tx) => Promise<CommandResult<T>>,
): Promise<CommandResult<T>> {
  return withRetries(
    async () => {
      try {
        return await database.$transaction(
          async (tx) => {
            bindSchema(tx, connectionOf(database).schema);
            const result = await body(tx);
            // A refusal must change nothing: roll back whatever the body may have written.
            if (!result.ok) throw new RefusalRollback(result);
            return result;
          },
          { timeout: 15_000, maxWait: DATABASE_LIMITS.acquireTimeoutMs },
        );
      } catch (e) {
        if (e instanceof RefusalRollback) return e.result as CommandResult<T>;
        throw e;
      }
    },
    (e) =>
      e instanceof VersionConflict ||
      isUniqueViolation(e, "idempotencyKey") ||
      (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2034") ||
      isTransientConflict(e),
  );
}

/** SQLSTATEs of the errors below, wherever they sit in the adapter's chain of causes. */
function sqlStates(e: unknown): { codes: string[]; kinds: string[] } {
  const codes: string[] = [];
  const kinds: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const c = cur as { kind?: unknown; code?: unknown; originalCode?: unknown; cause?: unknown };
    if (typeof c.kind === "string") kinds.push(c.kind);
    if (typeof c.code === "string") codes.push(c.code);
    if (typeof c.originalCode === "string") codes.push(c.originalCode);
    cur = c.cause;
  }
  return { codes, kinds };
}

/**
 * A lock wait (55P03) or statement (57014) that hit its timeout, or no connection free in time
 * (the pool's acquire timeout; Prisma's P2028 for a transaction that could not start): the limits
 * of DATABASE_LIMITS.
 */
export function isTimeout(e: unknown): boolean {
  const { codes, kinds } = sqlStates(e);
  return (
    codes.includes("P2028") ||
    codes.includes("55P03") ||
    codes.includes("57014") ||
    kinds.includes("SocketTimeout") ||
    (e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message))
  );
}

/**
 * A deadlock (40P01) or serialization failure (40001) that PostgreSQL resolved by aborting this
 * transaction: running it again is the documented answer. Through the pg driver adapter these
 * arrive as the adapter's own error (`DriverAdapterError`, its `cause` carrying the SQLSTATE or
 * the kind "TransactionWriteConflict"), not as a Prisma known-request error, so look inside.
 */
export function isTransientConflict(e: unknown): boolean {
  const { codes, kinds } = sqlStates(e);
  return (
    kinds.includes("TransactionWriteConflict") || codes.includes("40P01") || codes.includes("40001")
  );
}

class RefusalRollback extends Error {
  constructor(readonly result: CommandResult<unknown>) {
    super(result.ok ? "ok" : result.error.message);
  }
}

/** Commands that honour an idempotency key answer a repeat with what was done the first time. */
export async function alreadyRecorded(tx: Tx, idempotencyKey: string | undefined | null) {
  if (!idempotencyKey) return null;
  return tx.event.findUnique({ where: { idempotencyKey } });
}
