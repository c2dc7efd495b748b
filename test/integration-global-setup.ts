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
    return;
  }
  const port = 55000 + Math.floor(Math.random() * 1000);
  const server = await serveEmbeddedDatabase({ dataDir: "memory://", port });
  project.provide("databaseUrl", server.url);
  project.provide("databaseKind", "pglite");
  return () => server.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgresql";
  }
}
