/**
 * Serve PGlite (PostgreSQL 18 compiled to wasm) on loopback, so the app, Prisma and psql talk to it
 * like any PostgreSQL server. Used by scripts (demo, e2e, `db:start`) and the integration tests;
 * never imported by the app itself.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedServer = { url: string; close: () => Promise<void> };

export async function serveEmbeddedDatabase(opts: {
  /** A folder for the data, or "memory://" for a throwaway database. */
  dataDir: string;
  port: number;
}): Promise<EmbeddedServer> {
  const db = await PGlite.create(opts.dataDir);
  // All connections share one backend (OFFLINE.md): more than one is still needed, since a pg
  // pool fails with a single connection.
  const server = new PGLiteSocketServer({
    db,
    port: opts.port,
    host: "127.0.0.1",
    maxConnections: 32,
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
