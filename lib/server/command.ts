import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { Refusal } from "@/lib/domain/index.ts";

/** What a user can cause and read: a code for programs, a message for people. Bugs throw instead. */
export type CommandErrorCode =
  "not_found" | "invalid" | "forbidden" | "refused" | "conflict" | "already_done";

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

/** Append one row to the audit log, in the caller's transaction. */
export async function appendEvent(tx: Tx, e: EventInput): Promise<void> {
  await tx.event.create({
    data: {
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
    },
  });
}

function isUniqueViolation(e: unknown, field: string): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return false;
  return JSON.stringify(e.meta ?? {}).includes(field);
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
  options: { attempts?: number } = {},
): Promise<CommandResult<T>> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.$transaction(
        async (tx) => {
          const result = await body(tx);
          // A refusal must change nothing: roll back whatever the body may have written.
          if (!result.ok) throw new RefusalRollback(result);
          return result;
        },
        { timeout: 15_000, maxWait: 15_000 },
      );
    } catch (e) {
      if (e instanceof RefusalRollback) return e.result as CommandResult<T>;
      const retriable =
        e instanceof VersionConflict ||
        isUniqueViolation(e, "idempotencyKey") ||
        (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2034") ||
        isTransientConflict(e);
      if (!retriable) throw e;
      if (attempt >= attempts) {
        return fail("conflict", "Someone else changed this at the same moment. Try again.");
      }
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
    }
  }
}

/**
 * A deadlock (40P01) or serialization failure (40001) that PostgreSQL resolved by aborting this
 * transaction: running it again is the documented answer. Through the pg driver adapter these
 * arrive as the adapter's own error (`DriverAdapterError`, its `cause` carrying the SQLSTATE or
 * the kind "TransactionWriteConflict"), not as a Prisma known-request error, so look inside.
 */
export function isTransientConflict(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const c = cur as { kind?: unknown; code?: unknown; cause?: unknown };
    if (c.kind === "TransactionWriteConflict") return true;
    if (c.code === "40P01" || c.code === "40001") return true;
    cur = c.cause;
  }
  return false;
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
