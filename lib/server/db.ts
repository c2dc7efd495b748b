import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { databaseUrl, isEmbedded } from "@/lib/database-url.ts";

export type Db = PrismaClient;
/** The client handed to a command's transaction callback. */
export type Tx = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

/**
 * Limits every connection of the app carries, so that one stuck session cannot stall the rest:
 * a statement runs at most 10 s, waits at most 3 s for a row lock, and a transaction left idle is
 * ended after 30 s; taking a connection from the pool waits at most 10 s (then the request is
 * answered "busy, try again": 503 with Retry-After).
 */
export const DATABASE_LIMITS = {
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 3_000,
  idleInTransactionMs: 30_000,
  acquireTimeoutMs: 10_000,
} as const;

/**
 * The pool and schema behind a client: the hot paths that write SQL themselves use the same ones.
 * `namedStatements`: whether those paths may prepare named statements (parsed and planned once per
 * connection). Not on the embedded PGlite server: all its connections share one backend session,
 * so a name prepared by one connection would clash with the same name prepared by another.
 */
export type DbConnection = { pool: pg.Pool; schema: string | null; namedStatements: boolean };
const CONNECTION = Symbol.for("dockside.db.connection");

/**
 * A client for one database. A `?schema=` parameter on the URL (Prisma's convention) binds it to
 * that schema, as the integration tests do. Prisma 6 with `engineType = "client"` has no engine
 * binary: every query goes through the pg driver adapter, over the one `pg` pool made here, which
 * `connectionOf()` hands to the code that sends its own SQL (lib/server/sql).
 */
export function createDb(
  url: string,
  options: { schema?: string; max?: number; namedStatements?: boolean } = {},
): Db {
  const u = new URL(url);
  const schema = options.schema ?? u.searchParams.get("schema") ?? null;
  u.searchParams.delete("schema");
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: options.max ?? 10,
    connectionTimeoutMillis: DATABASE_LIMITS.acquireTimeoutMs,
    statement_timeout: DATABASE_LIMITS.statementTimeoutMs,
    lock_timeout: DATABASE_LIMITS.lockTimeoutMs,
    idle_in_transaction_session_timeout: DATABASE_LIMITS.idleInTransactionMs,
  });
  // An idle connection that the server drops (restart, outage) must not crash the process; the
  // next query gets a fresh connection or a clean error.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, {
    ...(schema ? { schema } : {}),
    disposeExternalPool: true,
  });
  const client = new PrismaClient({ adapter });
  Object.defineProperty(client, CONNECTION, {
    value: {
      pool,
      schema,
      namedStatements: options.namedStatements ?? !isEmbedded(url),
    } satisfies DbConnection,
    enumerable: false,
  });
  return client;
}

/** The pool and schema of a client made by createDb (or of the app's own `db`). */
export function connectionOf(database: Db): DbConnection {
  const connection = (database as unknown as Record<symbol, DbConnection | undefined>)[CONNECTION];
  if (!connection) throw new Error("This database client was not made by createDb().");
  return connection;
}

// One client per server process, made on first use (not at import: `next build` imports this
// without a database) and kept across hot reloads in development.
const globalForDb = globalThis as unknown as { docksideDb?: Db };
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.docksideDb ??= createDb(databaseUrl());
    const client = globalForDb.docksideDb;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? value.bind(client) : value;
  },
});
