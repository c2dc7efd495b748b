/**
 * Serve PGlite (PostgreSQL 18 compiled to wasm) on loopback, so the app, Prisma and psql talk to it
 * like any PostgreSQL server. Used by scripts (demo, e2e, `db:start`) and the integration tests;
 * never imported by the app itself.
 *
 * PGlite is one backend session. pglite-socket's handler reads each connection's messages; our
 * TransactionScheduler decides whose turn it is, one whole transaction at a time, so any number of
 * processes (the Next server's pool, scripts, Prisma's CLI, psql) can use it at once safely.
 */
import { createServer, type Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { TransactionScheduler } from "./transaction-scheduler.ts";
import { errorResponse } from "./wire.ts";

export type EmbeddedServer = {
  url: string;
  /** The scheduler, for tests: who owns the backend, how many messages wait. */
  scheduler: TransactionScheduler;
  close: () => Promise<void>;
};

/** Idle connections cost nothing (they own no backend), so the limit is generous. */
export const DEFAULT_MAX_CONNECTIONS = 100;
/** PostgreSQL's idle_in_transaction_session_timeout, which one shared backend cannot go without. */
export const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;

export async function serveEmbeddedDatabase(opts: {
  /** A folder for the data, or "memory://" for a throwaway database. */
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxConnections?: number;
  idleInTransactionMs?: number;
}): Promise<EmbeddedServer> {
  // pg_trgm: the search's trigram indexes (its migration runs CREATE EXTENSION).
  const db = await PGlite.create(opts.dataDir, { extensions: { pg_trgm } });
  const maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const sockets = new Map<number, Socket>();
  const scheduler = new TransactionScheduler(db, {
    idleInTransactionMs: opts.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS,
    onIdleInTransaction: (handlerId) => {
      const socket = sockets.get(handlerId);
      socket?.end(
        errorResponse(
          "FATAL",
          "25P03",
          "terminating connection due to idle-in-transaction timeout (embedded database)",
        ),
      );
      socket?.destroy();
    },
  });
  const handlers = new Set<PGLiteSocketHandler>();
  const open = new Set<Socket>();

  const server = createServer((socket) => {
    socket.on("error", () => {}); // the handler reports and cleans up
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    if (handlers.size >= maxConnections) {
      socket.end(errorResponse("FATAL", "53300", "sorry, too many clients already"), () =>
        socket.destroy(),
      );
      return;
    }
    const handler = new PGLiteSocketHandler({
      // The handler calls enqueue / clearQueueForHandler / clearTransactionIfNeeded: ours.
      queryQueue: scheduler as unknown as PGLiteSocketHandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    sockets.set(handler.handlerId, socket);
    const forget = () => {
      handlers.delete(handler);
      sockets.delete(handler.handlerId);
    };
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    void handler.attach(socket);
  });
  server.maxConnections = maxConnections + 10; // past ours, so ours answers with a real error

  await db.waitReady;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    scheduler,
    close: async () => {
      scheduler.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((h) => h.detach(true)));
      for (const socket of open) socket.destroy();
      await closed;
      await db.close();
    },
  };
}
