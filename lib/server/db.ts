import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { databaseUrl } from "@/lib/database-url.ts";

export type Db = PrismaClient;
/** The client handed to a command's transaction callback. */
export type Tx = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

/**
 * A client for one database. A `?schema=` parameter on the URL (Prisma's convention) binds it to
 * that schema, as the integration tests do. Prisma 6 with `engineType = "client"` has no engine
 * binary: every query goes through the pg driver adapter.
 */
export function createDb(url: string, options: { schema?: string; max?: number } = {}): Db {
  const u = new URL(url);
  const schema = options.schema ?? u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  const adapter = new PrismaPg(
    { connectionString: u.toString(), max: options.max ?? 10 },
    schema ? { schema } : undefined,
  );
  return new PrismaClient({ adapter });
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
