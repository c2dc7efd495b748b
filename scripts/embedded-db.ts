/**
 * The embedded database: PGlite served on loopback, data under .data/pglite (EMBEDDED_DB_DIR),
 * plus an in-memory second server that Prisma Migrate uses as its shadow database.
 *
 *   tsx scripts/embedded-db.ts serve    serve both in the foreground (Ctrl-C stops them)
 *   tsx scripts/embedded-db.ts start    serve both in the background (no-op if running)
 *   tsx scripts/embedded-db.ts ensure   `start`, but only when DATABASE_URL is not set
 *   tsx scripts/embedded-db.ts stop     stop the background servers
 *   tsx scripts/embedded-db.ts status   say whether they answer
 *   tsx scripts/embedded-db.ts reset    stop them and delete the data
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DATABASE_URL, EMBEDDED_PORT, EMBEDDED_SHADOW_URL } from "../lib/database-url.ts";
import { serveEmbeddedDatabase, type EmbeddedServer } from "../lib/embedded/pglite-server.ts";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.EMBEDDED_DB_DIR ?? ".data/pglite");
const runDir = path.dirname(dataDir);
const pidFile = `${dataDir}.pid`;
const logFile = `${dataDir}.log`;

export async function databaseAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Serve the embedded database (and its shadow) in this process. */
export async function serveInProcess(): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  // Idle connections cost nothing (only a transaction holds the backend): 100 unless told.
  const maxConnections = Number(process.env.EMBEDDED_DB_MAX_CONNECTIONS) || undefined;
  const servers: EmbeddedServer[] = [
    await serveEmbeddedDatabase({ dataDir, port: EMBEDDED_PORT, maxConnections }),
    await serveEmbeddedDatabase({ dataDir: "memory://", port: EMBEDDED_PORT + 1 }),
  ];
  return async () => {
    for (const s of servers) await s.close();
  };
}

async function startInBackground(): Promise<void> {
  if (await databaseAnswers(EMBEDDED_DATABASE_URL)) return;
  mkdirSync(runDir, { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, "serve"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (
      (await databaseAnswers(EMBEDDED_DATABASE_URL)) &&
      (await databaseAnswers(EMBEDDED_SHADOW_URL))
    )
      return;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The embedded database did not start: see ${path.relative(root, logFile)}`);
}

function stopBackground(): void {
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, "utf8")), "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(pidFile, { force: true });
}

async function main(command: string | undefined) {
  switch (command) {
    case "serve": {
      const close = await serveInProcess();
      console.log(`Embedded database on ${EMBEDDED_DATABASE_URL} (data in ${dataDir})`);
      const shutdown = () => void close().finally(() => process.exit(0));
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
      return;
    }
    case "start":
      await startInBackground();
      console.log(`Embedded database on ${EMBEDDED_DATABASE_URL}`);
      return;
    case "ensure":
      if (!process.env.DATABASE_URL) await startInBackground();
      return;
    case "stop":
      stopBackground();
      console.log("Embedded database stopped.");
      return;
    case "status":
      for (const url of [EMBEDDED_DATABASE_URL, EMBEDDED_SHADOW_URL])
        console.log(`${url}: ${(await databaseAnswers(url)) ? "running" : "stopped"}`);
      return;
    case "reset":
      stopBackground();
      await new Promise((r) => setTimeout(r, 1000));
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`Embedded database deleted (${dataDir}).`);
      return;
    default:
      console.error("usage: embedded-db.ts serve|start|ensure|stop|status|reset");
      process.exit(2);
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  main(process.argv[2]).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
