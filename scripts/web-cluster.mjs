#!/usr/bin/env node
/**
 * Serve the built app with one `next start` per CPU core, on one port (`npm start`).
 *
 *   node scripts/web-cluster.mjs [next start arguments: a directory, --port, --hostname]
 *
 * A Node.js process renders pages on one core; on a machine with two or more, one process leaves
 * the others to PostgreSQL alone. Node's cluster module lets every worker listen on the same port:
 * the primary accepts connections and hands them out in turn, so a keep-alive connection stays
 * with one worker. Sessions, rate limits, idempotency and the outbox live in the database, so
 * which worker answers changes nothing (e2e/two-instances.spec.ts shows two servers on one
 * database behaving as one).
 *
 * DOCKSIDE_WEB_WORKERS sets how many (default: the cores Node may use, at most 8). Only the first
 * worker runs the in-server schedules (the timer sweep and the notifications' worker): the others
 * start with DOCKSIDE_SWEEP=off and DOCKSIDE_NOTIFY=off. Both schedules are safe to run twice (an
 * advisory lock, SKIP LOCKED), but one of each is enough. A worker that dies is started again with
 * the same role; SIGTERM or SIGINT stops them all.
 *
 * Plain JavaScript on purpose: production runs it with `node`, without the dev tools.
 */
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import process from "node:process";

const require = createRequire(import.meta.url);

/** The number of workers: DOCKSIDE_WEB_WORKERS, or the cores Node may use (1 to 8). */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.DOCKSIDE_WEB_WORKERS;
  if (raw === undefined || raw === "") return Math.max(1, Math.min(8, cores));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`DOCKSIDE_WEB_WORKERS must be a whole number from 1 to 64 (it is "${raw}").`);
  }
  return n;
}

/** The environment of worker `index` (0-based): only the first runs the schedules. */
export function workerEnv(index) {
  if (index === 0) return {};
  return { DOCKSIDE_SWEEP: "off", DOCKSIDE_NOTIFY: "off" };
}

function primary() {
  const count = workerCount();
  const roles = new Map();
  let stopping = false;
  const fork = (index) => {
    const worker = cluster.fork(workerEnv(index));
    roles.set(worker.id, index);
  };
  cluster.setupPrimary({
    exec: require.resolve("next/dist/bin/next"),
    args: ["start", ...process.argv.slice(2)],
  });
  for (let i = 0; i < count; i++) fork(i);
  console.log(`▸ ${count} web worker${count === 1 ? "" : "s"} on one port (DOCKSIDE_WEB_WORKERS)`);
  cluster.on("exit", (worker, code, signal) => {
    const index = roles.get(worker.id);
    roles.delete(worker.id);
    if (stopping) {
      if (roles.size === 0) process.exit(0);
      return;
    }
    console.error(
      `web worker ${index + 1} stopped (${signal ?? `exit ${code}`}): starting it again`,
    );
    setTimeout(() => fork(index), 500);
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // A worker that does not stop in 20 s is killed.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(1);
    }, 20_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGTERM"));
}

if (cluster.isPrimary && import.meta.url === `file://${process.argv[1]}`) primary();
