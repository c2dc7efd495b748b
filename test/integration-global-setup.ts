/**
 * Integration tests run on a real database: the PostgreSQL server in TEST_DATABASE_URL, or else an
 * in-memory PGlite served on loopback for this run. Each test file then works in a fresh schema
 * of its own (test/test-database.ts).
 */
import type { TestProject } from "vitest/node";
import { serveEmbeddedDatabase } from "../lib/embedded/pglite-server.ts";

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    project.provide("databaseKind", "postgresql");
    project.provide("spareDatabaseUrl", "");
    return;
  }
  const port = 55000 + 2 * Math.floor(Math.random() * 500);
  const server = await serveEmbeddedDatabase({ dataDir: "memory://", port });
  // A second server for what needs a whole database: Prisma Migrate's shadow, a fresh deploy.
  const spare = await serveEmbeddedDatabase({ dataDir: "memory://", port: port + 1 });
  project.provide("databaseUrl", server.url);
  project.provide("spareDatabaseUrl", spare.url);
  project.provide("databaseKind", "pglite");
  return async () => {
    await server.close();
    await spare.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgresql";
    /** PGlite only: an empty second server; on PostgreSQL tests create databases instead. */
    spareDatabaseUrl: string;
  }
}
