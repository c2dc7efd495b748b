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
 * A client for one database (and, in tests, one schema of it). Prisma 6 with `engineType = "client"`
 * has no engine binary: every query goes through the pg driver adapter.
 */
export function createDb(url: string, options: { schema?: string; max?: number } = {}): Db {
  const adapter = new PrismaPg(
    { connectionString: url, max: options.max ?? 10 },
    options.schema ? { schema: options.schema } : undefined,
  );
  return new PrismaClient({ adapter });
}

// One client per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { docksideDb?: Db };
export const db: Db = globalForDb.docksideDb ?? createDb(databaseUrl());
if (process.env.NODE_ENV !== "production") globalForDb.docksideDb = db;
