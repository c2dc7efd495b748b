/**
 * The driver adapter the Prisma CLI's JavaScript (wasm) schema engine uses for `migrate` and
 * `db` commands. The native engine cannot be downloaded on our offline machines, so Prisma 6's
 * `engine: "js"` runs migrations through this adapter instead (see README "Database").
 *
 * It works around three known problems (OFFLINE.md):
 * 1. adapter-pg cannot read the catalog types `"char"` (OID 18) and `name` (OID 19) that the
 *    engine's introspection queries return (prisma/orm#27403): we report them as text.
 * 2. PostgreSQL 18 (PGlite) lists NOT NULL constraints as contype 'n', which the engine does not
 *    expect: we leave them out of its constraint query (they do not exist before 18).
 * 3. adapter-pg's own shadow database ignores the database name when a connection string is
 *    given: we make our own shadow database (a throwaway database, or a second PGlite server).
 */
import pg from "pg";
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);
const CONSTRAINT_FILTER = "AND contype NOT IN ('p', 'u', 'f')";

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCatalogTypesAsText<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

export function rewriteCatalogSql(sql: string): string {
  return sql.includes(CONSTRAINT_FILTER)
    ? sql.replace(CONSTRAINT_FILTER, "AND contype NOT IN ('p', 'u', 'f', 'n')")
    : sql;
}

/** A pg client that applies both fixes, on the promise path and on pg.Pool's callback path. */
export class CatalogAwareClient extends pg.Client {
  // pg's overloads cannot be re-declared one by one without losing the callback forms.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const first = args[0];
    if (typeof first === "string") args[0] = rewriteCatalogSql(first);
    else if (first && typeof first.text === "string")
      args[0] = { ...first, text: rewriteCatalogSql(first.text) };
    const callbackAt = args.findIndex((a) => typeof a === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (err: unknown, res: unknown) => void;
      args[callbackAt] = (err: unknown, res: unknown) =>
        callback(err, err ? res : reportCatalogTypesAsText(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending instanceof Promise ? pending.then(reportCatalogTypesAsText) : pending;
  }
}

/** Discrete fields: pg lets a connectionString override `database`, which we must not allow. */
export function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
    database: decodeURIComponent(u.pathname.replace(/^\//, "") || "postgres"),
  };
}

function adapterFor(fields: pg.PoolConfig) {
  const pool = new pg.Pool({
    ...fields,
    Client: CatalogAwareClient,
    allowExitOnIdle: true,
    max: 4,
  });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

async function withClient<T>(fields: pg.PoolConfig, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The factory handed to `prisma.config.ts`. With `shadowUrl` (the embedded setup: a second PGlite
 * server) the shadow database is that server, emptied first; otherwise a database is created on the
 * main server for the command and dropped after (the role needs CREATEDB).
 */
export function migrationAdapter(url: string, shadowUrl?: string) {
  const main = connectionFields(url);
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => adapterFor(main).connect(),
    async connectToShadowDb() {
      if (shadowUrl) {
        const shadow = connectionFields(shadowUrl);
        await withClient(shadow, (c) =>
          c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"),
        );
        return adapterFor(shadow).connect();
      }
      const database = `dockside_shadow_${randomUUID().replaceAll("-", "")}`;
      await withClient(main, (c) => c.query(`CREATE DATABASE "${database}"`));
      const adapter = await adapterFor({ ...main, database }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await withClient(main, (c) =>
          c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
        );
      };
      return adapter;
    },
  };
}
