/**
 * The scan benchmark (`npm run bench`): how fast the receiving dock records drive scans under load,
 * against the floor of the same writes in plain SQL, measured in the same run.
 *
 *   npm run bench [-- --build] [--jobs 10000] [--operators 50] [--rounds 3] [--scans 40]
 *                    [--cpu-prof] [--no-breakdown] [--keep-db]
 *
 * It creates a fresh database `dockside_bench` on the PostgreSQL server of BENCH_DATABASE_URL (or
 * TEST_POSTGRES_URL, or postgresql://dockside:dockside@127.0.0.1:5432/dockside; the role needs
 * CREATEDB), applies the migrations, seeds the bulk dataset (`prisma/seed.ts --jobs N`) and the
 * operators, builds the app when there is no build (or with --build), starts `next start` on
 * 127.0.0.1, signs the operators in and opens the packages of their jobs in Shipping. Then, in
 * rounds (app and floor alternate, so drift hits both):
 *
 * - app:   `operators` simulated operators in a closed loop, each scanning its own drives one after
 *          another through POST /api/dock/scans, as the dock page does (session cookie, JSON);
 * - floor: the same number of loops doing a scan's writes (drive compare-and-set + event insert,
 *          one transaction) through a plain `pg` pool, no framework.
 *
 * It prints p50/p95/p99 latency and scans per second of each, the medians over the rounds and the
 * app/floor ratios, and the CPU each scan cost in the app server, in PostgreSQL and in this load
 * generator. A breakdown follows (--no-breakdown skips it): the same loop against a signed-out
 * scan (Next.js and the route handler only), a scan refused by validation (+ the session, the
 * user's re-read and zod), the scan command called in-process (no HTTP), and the three paths one
 * request at a time (no queueing), with the SQL statements one scan runs. --cpu-prof profiles the
 * app server (V8; it skips the breakdown) and prints where its time went. The server is stopped and the database dropped at the end, also on failure or Ctrl-C.
 * Load goes to 127.0.0.1 only; every loop is bounded in count and in time.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Defer } from "./child.ts";
import {
  allocateDrives,
  countScanEvents,
  createBenchDatabase,
  createOperators,
  loadApp,
  migrateAndSeed,
} from "./database.ts";
import { closeConnections } from "./http.ts";
import { openCommandWorkers, scanSteps, signInOperators } from "./loops.ts";
import { log, printReport } from "./report.ts";
import { measureBreakdown, measureOpenLoop, measureRounds, Phases, type Load } from "./rounds.ts";
import { readProfile, startApp } from "./server.ts";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    jobs: { type: "string", default: "10000" },
    operators: { type: "string", default: "50" },
    rounds: { type: "string", default: "3" },
    scans: { type: "string", default: "40" },
    warmup: { type: "string", default: "4" },
    solo: { type: "string", default: "100" },
    "phase-seconds": { type: "string", default: "90" },
    "open-seconds": { type: "string", default: "60" },
    "cpu-prof": { type: "boolean", default: false },
    "no-breakdown": { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
  },
});

const whole = (name: string, min: number, max: number): number => {
  const n = Number(args[name as keyof typeof args]);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} takes a whole number from ${min} to ${max}`);
  return n;
};
const JOBS = whole("jobs", 100, 1_000_000);
const OPERATORS = whole("operators", 1, 500);
const ROUNDS = whole("rounds", 1, 20);
const SCANS = whole("scans", 1, 10_000);
const WARMUP = whole("warmup", 0, 1_000);
const SOLO = whole("solo", 0, 10_000);
const PHASE_MS = whole("phase-seconds", 5, 600) * 1000;
const load: Load = {
  jobs: JOBS,
  operators: OPERATORS,
  rounds: ROUNDS,
  scans: SCANS,
  warmup: WARMUP,
  solo: SOLO,
  phaseMs: PHASE_MS,
  breakdown: !args["no-breakdown"] && !args["cpu-prof"],
  commandScans: Math.max(1, Math.ceil(SCANS / 2)),
  openLoopSeconds: whole("open-seconds", 0, 600),
};

// ---------------------------------------------------------------------------------------------
// Cleanup

const cleanups: (() => Promise<void>)[] = [];
const defer: Defer = (undo) => cleanups.push(undo);
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (e) {
        console.error(`cleanup: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  })();
  return cleaning;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const cores = os.cpus().length;
  log(
    `Dockside scan benchmark: ${load.jobs} jobs, ${load.operators} operators, ${load.rounds} rounds of ${load.scans} scans per operator`,
  );
  log(`Machine: ${cores} cores, ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}`);

  const admin = await createBenchDatabase(args["keep-db"], defer);
  const childEnv = await migrateAndSeed(load.jobs);
  const app = await loadApp(defer);
  const users = await createOperators(app, load.operators);
  const drives = await allocateDrives(load, users, defer);

  const { server, profileDir } = await startApp(
    { build: args.build, cpuProf: args["cpu-prof"] },
    childEnv,
    defer,
  );
  const { operators, soloOperator } = await signInOperators(
    server.base,
    users,
    drives.appJobs,
    drives.soloAppJobs,
  );
  const commands = load.breakdown ? await openCommandWorkers(app, users, drives) : undefined;

  const phases = new Phases(server.child.pid, admin, load.phaseMs);
  const scan = scanSteps(app, drives.floor, drives.nextFloorDrive);
  const { appRounds, floorRounds } = await measureRounds(load, phases, scan, operators);
  const openRound = await measureOpenLoop(load, phases, scan, operators);
  const { breakdown, solo, statements } = commands
    ? await measureBreakdown(load, phases, scan, {
        base: server.base,
        operators,
        soloOperator,
        ...commands,
      })
    : { breakdown: [], solo: [], statements: undefined };

  const eventCount = await countScanEvents(drives.bench);
  const serverErrors = server.errorLines();
  // Stopped before the report, so that its CPU profile is written.
  await server.stop();
  const profile = readProfile(profileDir);

  printReport(load, cores, {
    appRounds,
    floorRounds,
    openRound,
    breakdown,
    solo,
    statements,
    profile,
    received: phases.received,
    eventCount,
    serverErrors,
    serverLog: server.log,
  });
  log(`Total run time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

let exitCode = 0;
const interrupted = () => {
  console.error("\nInterrupted: stopping the app and dropping the bench database.");
  void cleanup().then(() => process.exit(130));
};
process.once("SIGINT", interrupted);
process.once("SIGTERM", interrupted);

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    closeConnections();
    // The status page's JavaScript budget is part of `npm run bench` too (its own script, so that
    // `npm run bench:status-size` can run it alone). Flags given to `npm run bench -- ...` are this
    // script's: npm appends them to the end of the command line.
    if (exitCode === 0) {
      const size = spawnSync("npx", ["tsx", "scripts/bench/status-page-size.ts"], {
        stdio: "inherit",
      });
      exitCode = size.status ?? 1;
    }
    process.exit(exitCode);
  });
