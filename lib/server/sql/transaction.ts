import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { connectionOf, type Db, type DbConnection } from "@/lib/server/db.ts";
import {
  VersionConflict,
  isTransientConflict,
  withRetries,
  type CommandResult,
} from "@/lib/server/command.ts";

/**
 * A transaction on one connection of the app's pool, for the commands that send their own SQL
 * (the dock's scan path: Prisma's query compiler cost more than the database did). Statements
 * name tables through `t()`, which qualifies them with the client's schema (the integration
 * tests give each file a schema of its own).
 */
export type SqlTx = {
  /** The rows of one statement, by column name. */
  rows<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** A table or enum type of this database, quoted and qualified: t("Drive") -> "s"."Drive". */
  t(identifier: string): string;
};

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * A statement's name, from its text: PostgreSQL parses and plans a named statement once per
 * connection (planning the scan's statements cost more than running them), and a text always
 * gets the same name, so two texts never share one.
 */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `dockside_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (names.size < 500) names.set(text, name);
  }
  return name;
}

function sqlTx(client: pg.PoolClient, connection: DbConnection): SqlTx {
  const { schema, namedStatements } = connection;
  const prefix = schema ? `${quoted(schema)}.` : "";
  return {
    async rows<R extends object>(text: string, values: readonly unknown[] = []) {
      const result = await client.query<R>({
        text,
        values: values as unknown[],
        ...(namedStatements ? { name: statementName(text) } : {}),
      });
      return result.rows;
    },
    t: (identifier) => prefix + quoted(identifier),
  };
}

/** A unique index said no: a concurrent request inserted the same row first; run again. */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

/**
 * Run one command in one transaction of its own SQL: BEGIN, the body, then COMMIT when it
 * answered ok and ROLLBACK when it refused (a refusal changes nothing). Version conflicts,
 * unique-index races, deadlocks and serialization failures run the body again on fresh rows
 * (withRetries: the same time budget as every command); lock and statement timeouts answer busy.
 */
export function runSqlCommand<T>(
  database: Db,
  body: (tx: SqlTx) => Promise<CommandResult<T>>,
): Promise<CommandResult<T>> {
  const connection = connectionOf(database);
  const { pool } = connection;
  return withRetries(
    async () => {
      const client = await pool.connect();
      let healthy = true;
      try {
        await client.query("BEGIN");
        const result = await body(sqlTx(client, connection));
        await client.query(result.ok ? "COMMIT" : "ROLLBACK");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {
          healthy = false;
        });
        throw e;
      } finally {
        // A connection whose ROLLBACK failed is in an unknown state: drop it, never reuse it.
        client.release(healthy ? undefined : true);
      }
    },
    (e) => e instanceof VersionConflict || isUniqueViolation(e) || isTransientConflict(e),
  );
}

/** Timestamps are `timestamp(3)` without a zone, holding UTC (as Prisma writes them). */
export function sqlTime(d: Date): string {
  return d.toISOString();
}

/** A `timestamp` column read as text ("2026-12-02 08:12:00.123"), as the UTC instant it holds. */
export function fromSqlTime(text: string): Date;
export function fromSqlTime(text: string | null): Date | null;
export function fromSqlTime(text: string | null): Date | null {
  return text === null ? null : new Date(`${text.replace(" ", "T")}Z`);
}
