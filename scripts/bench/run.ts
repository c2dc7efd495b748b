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
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Db } from "../../lib/server/db.ts";
import type { ActorRef } from "../../lib/server/actor.ts";
import { Browser, closeConnections, request } from "./http.ts";
import { Floor, type FloorDrive } from "./floor.ts";
import {
  closedLoop,
  cpuCost,
  median,
  sampleCpu,
  summarize,
  type CpuCost,
  type CpuSample,
  type LoopResult,
  type Stats,
} from "./measure.ts";
import { largestProfile, summarizeProfile } from "./profile.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

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
const BREAKDOWN = !args["no-breakdown"] && !args["cpu-prof"];
/** In-process command loop: fewer scans per worker, it is one line of the breakdown. */
const COMMAND_SCANS = Math.max(1, Math.ceil(SCANS / 2));

const SERVER_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_POSTGRES_URL ||
  "postgresql://dockside:dockside@127.0.0.1:5432/dockside";
const BENCH_DB = "dockside_bench";

function databaseUrlFor(name: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  u.search = "";
  return u.toString();
}
const benchUrl = databaseUrlFor(BENCH_DB);
/** Where CREATE/DROP DATABASE run from: the URL's own database (never the bench one). */
const adminUrl =
  new URL(SERVER_URL).pathname === `/${BENCH_DB}` ? databaseUrlFor("postgres") : SERVER_URL;

const log = (s = "") => console.log(s);
const step = (s: string) => log(`\n▸ ${s}`);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");

// ---------------------------------------------------------------------------------------------
// Child processes, cleanup

const cleanups: (() => Promise<void>)[] = [];
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

/** A step in a child process, its output kept and shown only when it fails. */
async function run(what: string, command: string, argv: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${output.slice(-4000)}`);
  log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return output;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/**
 * A private copy of the build to serve: others may rebuild .next (e2e runs do) while the benchmark
 * runs, which would pull the files from under a running server. The copy links to the project's
 * node_modules and public, and is deleted at the end.
 */
async function snapshotBuild(): Promise<{ dir: string; buildId: string }> {
  const buildIdOf = (dir: string) => {
    try {
      return readFileSync(path.join(dir, ".next/BUILD_ID"), "utf8").trim();
    } catch {
      return "";
    }
  };
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dockside-bench-app-"));
    const links = ["node_modules", "public"].map((name) => path.join(dir, name));
    cleanups.push(async () => {
      for (const link of links) if (existsSync(link)) unlinkSync(link);
      rmSync(dir, { recursive: true, force: true });
    });
    const before = buildIdOf(root);
    let copied = true;
    try {
      cpSync(path.join(root, ".next"), path.join(dir, ".next"), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (src) => !src.startsWith(path.join(root, ".next/cache")),
      });
      for (const file of ["package.json", "next.config.js"])
        copyFileSync(path.join(root, file), path.join(dir, file));
      symlinkSync(path.join(root, "node_modules"), links[0]!);
      symlinkSync(path.join(root, "public"), links[1]!);
    } catch {
      copied = false; // a build under way removed a file while we copied it
    }
    if (copied && before && before === buildIdOf(root) && buildIdOf(dir) === before) {
      return { dir, buildId: before };
    }
    if (attempt >= 3) throw new Error(".next kept changing while it was copied: try again later.");
    await sleep(10_000);
  }
}

async function startServer(env: NodeJS.ProcessEnv, port: number, dir: string, nodeFlags: string[]) {
  const next = path.join(root, "node_modules/next/dist/bin/next");
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, next, "start", dir, "--port", String(port), "--hostname", "127.0.0.1"],
    { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const lines: string[] = [];
  let errorLines = 0;
  const keep = (d: Buffer) => {
    for (const line of d.toString().split("\n")) {
      if (!line.trim()) continue;
      if (/error|exception|unhandled/i.test(line)) errorLines++;
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = sleep(20_000).then(() => "timeout");
    if ((await Promise.race([exit, timer])) === "timeout") {
      child.kill("SIGKILL");
      await exit;
    }
  };
  cleanups.push(stop);
  const base = new URL(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited:\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer:\n${lines.join("\n")}`);
    const ok = await request(base, "GET", "/api/auth/csrf", { timeoutMs: 5_000 }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return { child, base, stop, log: lines, errorLines: () => errorLines };
}

// ---------------------------------------------------------------------------------------------
// The dataset each loop works on

type ScanDrive = { id: string; jobId: string; serial: string; version: number; tracking: string };
type JobDrives = { jobId: string; tracking: string; drives: ScanDrive[] };

/** Shipping jobs whose tracking number is theirs alone, with their expected (Specified) drives. */
async function shippingJobs(client: pg.Client): Promise<JobDrives[]> {
  const { rows } = await client.query<ScanDrive>(
    `SELECT d.id, d."jobId", d.serial, d.version, j."deliveryTrackingNumber" AS tracking
       FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state = 'Shipping' AND d.state = 'Specified' AND NOT d.extra
        AND j.type = 'Import' AND j."deliveryTrackingNumber" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Job" k
                         WHERE k."deliveryTrackingNumber" = j."deliveryTrackingNumber" AND k.id <> j.id)
        AND NOT EXISTS (SELECT 1 FROM "Drive" e WHERE e.serial = d.serial AND e.id <> d.id)
      ORDER BY j.name, d.serial`,
  );
  const jobs = new Map<string, JobDrives>();
  for (const r of rows) {
    const j = jobs.get(r.jobId) ?? { jobId: r.jobId, tracking: r.tracking, drives: [] };
    j.drives.push(r);
    jobs.set(r.jobId, j);
  }
  return [...jobs.values()];
}

/** Takes whole jobs off the queue until they hold at least `need` drives. */
function takeJobs(queue: JobDrives[], need: number, what: string): JobDrives[] {
  const taken: JobDrives[] = [];
  let n = 0;
  while (n < need) {
    const j = queue.shift();
    if (!j)
      throw new Error(
        `Not enough drives in Shipping jobs for ${what}: seed more jobs (--jobs) or lower --scans/--operators/--rounds.`,
      );
    taken.push(j);
    n += j.drives.length;
  }
  return taken;
}

/** One simulated operator: a signed-in browser, its open packages, its drives in scan order. */
type Operator = {
  browser: Browser;
  drives: { serial: string; packageId: string }[];
  next: number;
};

// ---------------------------------------------------------------------------------------------
// Results

type PhaseResult = { name: string; stats: Stats; cpu: CpuCost; firstError?: string };

async function backendPids(admin: pg.Client): Promise<Set<number>> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1",
    [BENCH_DB],
  );
  return new Set(rows.map((r) => r.pid));
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!)))
    .join("  ");
}

const LAT_W = [34, 8, 8, 8, 9, 7];
const CPU_W = [34, 8, 7, 10, 9, 7, 9];

function printLatency(title: string, results: PhaseResult[]) {
  log(`\n${title}`);
  log(row(["", "p50 ms", "p95 ms", "p99 ms", "scans/s", "failed"], LAT_W));
  for (const r of results)
    log(
      row(
        [
          r.name,
          ms(r.stats.p50),
          ms(r.stats.p95),
          ms(r.stats.p99),
          r.stats.perSecond.toFixed(0),
          r.stats.failed,
        ],
        LAT_W,
      ),
    );
}

function printCpu(title: string, results: PhaseResult[]) {
  log(`\n${title}`);
  log(row(["", "app ms", "pg ms", "loadgen ms", "other pg", "busy %", "others %"], CPU_W));
  for (const r of results)
    log(
      row(
        [
          r.name,
          r.cpu.serverMs.toFixed(2),
          r.cpu.postgresMs.toFixed(2),
          r.cpu.benchMs.toFixed(2),
          r.cpu.postgresOtherMs.toFixed(2),
          (r.cpu.machineBusy * 100).toFixed(0),
          (r.cpu.otherBusy * 100).toFixed(0),
        ],
        CPU_W,
      ),
    );
  log(
    "  CPU milliseconds per request: app = the next start process, pg = the PostgreSQL backends of",
  );
  log("  the bench database, loadgen = this process, other pg = the other postgres processes (WAL");
  log(
    "  writer, checkpointer, other databases). busy % = the whole machine (all cores) during the",
  );
  log(
    "  phase; others % = the part of it busy with processes that are not the benchmark's (noise).",
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const cores = os.cpus().length;
  log(
    `Dockside scan benchmark: ${JOBS} jobs, ${OPERATORS} operators, ${ROUNDS} rounds of ${SCANS} scans per operator`,
  );
  log(`Machine: ${cores} cores, ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}`);

  // --- Database -------------------------------------------------------------------------------
  step(`Database ${BENCH_DB} on ${new URL(SERVER_URL).host}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  const { rows: ver } = await admin.query<{ server_version: string }>("SHOW server_version");
  log(`  PostgreSQL ${ver[0]?.server_version}`);
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  if (!args["keep-db"])
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
      log(`  dropped database ${BENCH_DB}`);
    });

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: benchUrl,
  };
  delete childEnv.SHADOW_DATABASE_URL;
  await run("migrations (prisma migrate deploy)", bin("prisma"), ["migrate", "deploy"], childEnv);
  const seeded = await run(
    `bulk data (prisma/seed.ts --jobs ${JOBS})`,
    bin("tsx"),
    ["--conditions=react-server", "prisma/seed.ts", "--jobs", String(JOBS)],
    childEnv,
  );
  log(`  ${seeded.split("\n").find((l) => l.startsWith("Bulk data")) ?? ""}`);

  // The app's own modules, in this process: cheap password hashes for the bench users (read at
  // import time, hence the dynamic imports), and the scan command for the in-process breakdown.
  process.env.BCRYPT_COST = "4";
  process.env.DATABASE_URL = benchUrl;
  const { createDb } = await import("../../lib/server/db.ts");
  const { createUser } = await import("../../lib/server/users/commands.ts");
  const { openDockPackage, scanDriveIn } = await import("../../lib/server/dock/commands.ts");
  const db: Db = createDb(benchUrl);
  cleanups.push(() => db.$disconnect());

  const system: ActorRef = { type: "system", label: "benchmark" };
  const users: { email: string; password: string; actor: ActorRef }[] = [];
  for (let i = 0; i < OPERATORS; i++) {
    const n = String(i + 1).padStart(3, "0");
    const u = {
      email: `bench-operator-${n}@dockside.test`,
      name: `Bench Operator ${n}`,
      role: "operator" as const,
      password: `bench-password-${n}-${randomBytes(6).toString("hex")}`,
    };
    const r = await createUser(db, system, u, new Date());
    if (!r.ok) throw new Error(`user ${u.email}: ${r.error.message}`);
    users.push({
      email: u.email,
      password: u.password,
      actor: { type: "user", id: r.value.id, label: u.name, role: "operator" },
    });
  }
  log(`  ${OPERATORS} operators`);

  // --- Drives for each loop -------------------------------------------------------------------
  const bench = new pg.Client({ connectionString: benchUrl });
  await bench.connect();
  cleanups.push(() => bench.end());
  const queue = await shippingJobs(bench);
  const appNeed = WARMUP + ROUNDS * SCANS;
  const appJobs = users.map((_, i) => takeJobs(queue, appNeed, `operator ${i + 1}`));
  const soloAppJobs = takeJobs(queue, SOLO, "the one-at-a-time app scans");
  const commandJobs = BREAKDOWN
    ? users.map(() => takeJobs(queue, COMMAND_SCANS, "the in-process command"))
    : [];
  const soloCommandJobs = BREAKDOWN ? takeJobs(queue, SOLO, "the one-at-a-time command") : [];
  // The floor works on every other expected drive (jobs in Creating included: its SQL does not
  // look at the job), each loop taking the next one off a shared queue.
  const taken = new Set(
    [...appJobs.flat(), ...soloAppJobs, ...commandJobs.flat(), ...soloCommandJobs].map(
      (j) => j.jobId,
    ),
  );
  const { rows: floorRows } = await bench.query<FloorDrive>(
    `SELECT id, "jobId", serial, version FROM "Drive"
      WHERE state = 'Specified' AND "jobId" IS NOT NULL ORDER BY id`,
  );
  const floorDrives = floorRows.filter((d) => !taken.has(d.jobId));
  const floorNeed = OPERATORS * (WARMUP + ROUNDS * SCANS) + (BREAKDOWN ? SOLO : 0);
  if (floorDrives.length < floorNeed)
    throw new Error(`Not enough drives for the floor (${floorDrives.length} < ${floorNeed}).`);
  let floorNext = 0;
  const nextFloorDrive = () => floorDrives[floorNext++]!;
  const { rows: floorPkg } = await bench.query<{ id: string }>(
    `INSERT INTO "Package" (id, direction, carrier, "trackingNumber", "openedAt", "openedById")
     VALUES ($1, 'Inbound', 'UPS', 'BENCH-FLOOR', now(), $2) RETURNING id`,
    [randomUUID(), (users[0]!.actor as { id: string }).id],
  );
  const floor = new Floor(
    benchUrl,
    { id: (users[0]!.actor as { id: string }).id, label: users[0]!.actor.label },
    floorPkg[0]!.id,
  );
  cleanups.push(() => floor.end());
  log(
    `  drives: ${appNeed} per operator (app), ${floorDrives.length} available to the floor (${floorNeed} needed)`,
  );

  // --- The app ---------------------------------------------------------------------------------
  const buildId = () =>
    existsSync(path.join(root, ".next/BUILD_ID"))
      ? readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim()
      : undefined;
  if (args.build || !buildId()) {
    step("Building the app (next build)");
    await run("next build", bin("next"), ["build"], childEnv);
  }
  const build = await snapshotBuild();
  step(`Starting the app (next start, build ${build.buildId}, served from a copy)`);
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = {
    ...childEnv,
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  };
  delete serverEnv.BCRYPT_COST;
  let profileDir: string | undefined;
  const nodeFlags: string[] = [];
  if (args["cpu-prof"]) {
    profileDir = mkdtempSync(path.join(os.tmpdir(), "dockside-bench-prof-"));
    nodeFlags.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
    const dir = profileDir;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  const t0 = performance.now();
  const server = await startServer(serverEnv, port, build.dir, nodeFlags);
  log(`  http://127.0.0.1:${port} answered in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // --- Operators sign in and open their packages -------------------------------------------------
  step("Signing in the operators and opening their packages");
  const operators: Operator[] = users.map(() => ({
    browser: new Browser(server.base),
    drives: [],
    next: 0,
  }));
  const openLatencies: number[] = [];
  const openPackages = async (op: Operator, jobs: JobDrives[]) => {
    for (const j of jobs) {
      const t = performance.now();
      const r = await op.browser.send("POST", "/api/dock/packages", {
        code: j.tracking,
        direction: "Inbound",
      });
      openLatencies.push(performance.now() - t);
      if (r.status !== 201) throw new Error(`open package ${j.tracking}: ${r.status} ${r.body}`);
      const { packageId } = JSON.parse(r.body) as { packageId: string };
      for (const d of j.drives) op.drives.push({ serial: d.serial, packageId });
    }
  };
  await Promise.all(
    operators.map(async (op, i) => {
      await op.browser.signIn(users[i]!.email, users[i]!.password);
      await openPackages(op, appJobs[i]!);
    }),
  );
  const soloOperator: Operator = { browser: operators[0]!.browser, drives: [], next: 0 };
  await openPackages(soloOperator, soloAppJobs);
  const sortedOpen = openLatencies.sort((a, b) => a - b);
  log(
    `  ${OPERATORS} signed in; ${sortedOpen.length} packages opened (median ${ms(median(sortedOpen))} ms each)`,
  );

  // In-process command: packages opened through the command itself.
  type CommandWorker = { actor: ActorRef; drives: { serial: string; packageId: string }[] };
  const commandWorkers: CommandWorker[] = [];
  const openInProcess = async (actor: ActorRef, jobs: JobDrives[]) => {
    const w: CommandWorker = { actor, drives: [] };
    for (const j of jobs) {
      const r = await openDockPackage(
        db,
        actor,
        { code: j.tracking, direction: "Inbound" },
        new Date(),
      );
      if (!r.ok) throw new Error(`open package ${j.tracking}: ${r.error.message}`);
      for (const d of j.drives) w.drives.push({ serial: d.serial, packageId: r.value.packageId });
    }
    return w;
  };
  if (BREAKDOWN) {
    for (const [i, jobs] of commandJobs.entries())
      commandWorkers.push(await openInProcess(users[i]!.actor, jobs));
  }
  const soloCommand = BREAKDOWN ? await openInProcess(users[0]!.actor, soloCommandJobs) : undefined;

  // --- The loops ---------------------------------------------------------------------------------
  const appScan = async (op: Operator): Promise<string | void> => {
    const d = op.drives[op.next++];
    if (!d) return "operator ran out of drives";
    const r = await op.browser.send("POST", "/api/dock/scans", {
      packageId: d.packageId,
      code: d.serial,
      scanId: randomUUID(),
    });
    if (r.status !== 200) return `scan ${d.serial}: ${r.status} ${r.body.slice(0, 300)}`;
    const kind = (JSON.parse(r.body) as { kind?: string }).kind;
    if (kind !== "received") return `scan ${d.serial}: outcome ${kind}: ${r.body.slice(0, 300)}`;
  };
  const floorScan = () => floor.receive(nextFloorDrive());
  const commandScan = async (w: CommandWorker, i: number): Promise<string | void> => {
    const d = w.drives[i];
    if (!d) return "worker ran out of drives";
    const r = await scanDriveIn(
      db,
      w.actor,
      { packageId: d.packageId, code: d.serial, scanId: randomUUID() },
      new Date(),
    );
    if (!r.ok) return `command ${d.serial}: ${r.error.message}`;
    if (r.value.kind !== "received") return `command ${d.serial}: outcome ${r.value.kind}`;
  };

  let received = 0;
  const phase = async (
    name: string,
    workers: number,
    perWorker: number,
    body: (w: number, i: number) => Promise<string | void>,
    counts = false,
  ): Promise<PhaseResult> => {
    const before: CpuSample = sampleCpu(server.child.pid);
    const result: LoopResult = await closedLoop({
      workers,
      perWorker,
      maxMs: PHASE_MS,
      step: body,
    });
    const pids = await backendPids(admin);
    const after: CpuSample = sampleCpu(server.child.pid);
    const stats = summarize(result);
    if (counts) received += stats.n;
    if (result.failed)
      log(`  ! ${name}: ${result.failed} failed; the first: ${result.firstError ?? "?"}`);
    if (stats.n + result.failed < workers * perWorker)
      log(`  ! ${name}: stopped at the ${PHASE_MS / 1000} s limit (--phase-seconds)`);
    return {
      name,
      stats,
      cpu: cpuCost(before, after, stats.n, pids),
      firstError: result.firstError,
    };
  };

  step(`Warming up (${WARMUP} scans per operator, app and floor)`);
  if (WARMUP > 0) {
    await phase("warm-up app", OPERATORS, WARMUP, (w) => appScan(operators[w]!), true);
    await phase("warm-up floor", OPERATORS, WARMUP, floorScan, true);
  }

  step(`Measuring: ${ROUNDS} rounds, ${OPERATORS} concurrent loops, ${SCANS} scans each`);
  const appRounds: PhaseResult[] = [];
  const floorRounds: PhaseResult[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const doApp = async () =>
      appRounds.push(
        await phase(`app   round ${r}`, OPERATORS, SCANS, (w) => appScan(operators[w]!), true),
      );
    const doFloor = async () =>
      floorRounds.push(await phase(`floor round ${r}`, OPERATORS, SCANS, floorScan, true));
    if (r % 2) {
      await doApp();
      await doFloor();
    } else {
      await doFloor();
      await doApp();
    }
    const a = appRounds[appRounds.length - 1]!.stats;
    const f = floorRounds[floorRounds.length - 1]!.stats;
    log(
      `  round ${r}: app p95 ${ms(a.p95)} ms, ${a.perSecond.toFixed(0)}/s; floor p95 ${ms(f.p95)} ms, ${f.perSecond.toFixed(0)}/s`,
    );
  }

  // --- Breakdown -----------------------------------------------------------------------------------
  const breakdown: PhaseResult[] = [];
  const solo: PhaseResult[] = [];
  let statements: Map<string, number> | undefined;
  if (BREAKDOWN) {
    step("Breakdown: where a scan's time goes");
    const browsers = operators.map((o) => o.browser);
    breakdown.push(
      await phase("POST /api/dock/scans, signed out", OPERATORS, SCANS, async () => {
        const r = await request(server.base, "POST", "/api/dock/scans", { body: "{}" });
        if (r.status !== 401) return `signed-out scan: ${r.status} ${r.body.slice(0, 200)}`;
      }),
    );
    breakdown.push(
      await phase("POST /api/dock/scans, invalid", OPERATORS, SCANS, async (w) => {
        const r = await browsers[w]!.send("POST", "/api/dock/scans", {});
        if (r.status !== 422) return `invalid scan: ${r.status} ${r.body.slice(0, 200)}`;
      }),
    );
    breakdown.push(
      await phase(
        "scan command in-process",
        OPERATORS,
        COMMAND_SCANS,
        (w, i) => commandScan(commandWorkers[w]!, i),
        true,
      ),
    );

    // One request at a time: the service time of each path, without queueing.
    solo.push(await phase("app scan, 1 at a time", 1, SOLO, () => appScan(soloOperator), true));
    // Count the SQL statements of the in-process command (pg's Client.query, which Prisma's
    // driver adapter calls for every statement).
    const counted = new Map<string, number>();
    const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...a: unknown[]) {
      const q = a[0];
      const text = typeof q === "string" ? q : ((q as { text?: string } | undefined)?.text ?? "");
      const verb = text.trim().split(/\s+/)[0]!.toUpperCase() || "?";
      counted.set(verb, (counted.get(verb) ?? 0) + 1);
      return original.apply(this, a);
    };
    try {
      solo.push(
        await phase(
          "command in-process, 1 at a time",
          1,
          SOLO,
          (_w, i) => commandScan(soloCommand!, i),
          true,
        ),
      );
    } finally {
      proto.query = original;
    }
    const n = solo[solo.length - 1]!.stats.n;
    statements = new Map([...counted].map(([k, v]) => [k, v / Math.max(1, n)]));
    solo.push(await phase("floor, 1 at a time", 1, SOLO, floorScan, true));
  }

  // --- Checks --------------------------------------------------------------------------------------
  const { rows: events } = await bench.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Event" WHERE kind = 'drive.receive' AND "idempotencyKey" LIKE 'scan:%'`,
  );
  const eventCount = Number(events[0]!.n);
  const serverErrors = server.errorLines();

  // --- Stop the server first, so that its CPU profile is written ---------------------------------
  await server.stop();
  let profile: ReturnType<typeof summarizeProfile> | undefined;
  if (profileDir) {
    const file = largestProfile(profileDir);
    if (file) profile = summarizeProfile(file);
  }

  // --- Report --------------------------------------------------------------------------------------
  log(`\n${"=".repeat(80)}`);
  log(
    `Scan benchmark: ${JOBS} jobs, ${OPERATORS} concurrent operators (closed loop), ${ROUNDS} rounds × ${SCANS} scans each`,
  );
  log(`${cores} cores; app pool 10 connections (Prisma + adapter-pg), floor pool 10 (pg)`);
  printLatency("Per round", [...appRounds, ...floorRounds]);

  const med = (rs: PhaseResult[], k: keyof Stats) => median(rs.map((r) => r.stats[k]));
  const ratio = (k: keyof Stats) =>
    median(appRounds.map((a, i) => a.stats[k] / floorRounds[i]!.stats[k]));
  const app = {
    p50: med(appRounds, "p50"),
    p95: med(appRounds, "p95"),
    p99: med(appRounds, "p99"),
    perSecond: med(appRounds, "perSecond"),
  };
  const fl = {
    p50: med(floorRounds, "p50"),
    p95: med(floorRounds, "p95"),
    p99: med(floorRounds, "p99"),
    perSecond: med(floorRounds, "perSecond"),
  };
  log(`\nMedian over ${ROUNDS} rounds`);
  log(row(["", "p50 ms", "p95 ms", "p99 ms", "scans/s"], LAT_W));
  log(
    row(
      [
        "app (HTTP, POST /api/dock/scans)",
        ms(app.p50),
        ms(app.p95),
        ms(app.p99),
        app.perSecond.toFixed(0),
      ],
      LAT_W,
    ),
  );
  log(
    row(["floor (plain pg)", ms(fl.p50), ms(fl.p95), ms(fl.p99), fl.perSecond.toFixed(0)], LAT_W),
  );
  const r95 = ratio("p95");
  const rTput = ratio("perSecond");
  log(
    row(
      [
        "app / floor (median of round ratios)",
        `${ratio("p50").toFixed(1)}x`,
        `${r95.toFixed(1)}x`,
        `${ratio("p99").toFixed(1)}x`,
        `${rTput.toFixed(2)}x`,
      ],
      LAT_W,
    ),
  );

  const cpuMed = (rs: PhaseResult[]): PhaseResult => ({
    name: rs[0]!.name.replace(/round \d+/, "(median)"),
    stats: rs[0]!.stats,
    cpu: {
      serverMs: median(rs.map((r) => r.cpu.serverMs)),
      postgresMs: median(rs.map((r) => r.cpu.postgresMs)),
      postgresOtherMs: median(rs.map((r) => r.cpu.postgresOtherMs)),
      benchMs: median(rs.map((r) => r.cpu.benchMs)),
      machineBusy: median(rs.map((r) => r.cpu.machineBusy)),
      otherBusy: median(rs.map((r) => r.cpu.otherBusy)),
    },
  });
  printCpu("CPU per scan", [cpuMed(appRounds), cpuMed(floorRounds), ...breakdown, ...solo]);

  if (BREAKDOWN) {
    printLatency(`Breakdown (${OPERATORS} concurrent loops, one round each)`, [
      ...breakdown,
      {
        ...appRounds[0]!,
        name: "app scan (median round)",
        stats: { ...appRounds[0]!.stats, ...app },
      },
    ]);
    printLatency("One request at a time (no queueing): service time", solo);
    if (statements) {
      const list = [...statements]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${v.toFixed(1)} ${k}`)
        .join(", ");
      const total = [...statements.values()].reduce((s, v) => s + v, 0);
      log(`\nSQL statements per scan, in the scan command: ${total.toFixed(1)} (${list}).`);
      log(
        "The route adds 2 reads before it (the user, re-read by authorize; the package's direction);",
      );
      log("the floor runs 4 (BEGIN, UPDATE, INSERT, COMMIT).");
    }
  }
  if (profile) {
    log(
      `\nApp server CPU profile (${(profile.busyMs / 1000).toFixed(1)} s busy over the server's life; self time):`,
    );
    for (const c of profile.byCategory.slice(0, 15))
      log(`  ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.name}`);
    log("  top functions:");
    for (const f of profile.topFunctions)
      log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  (${f.where})`);
  }

  // Where a scan's time goes, from the CPU figures above.
  const appCpu = cpuMed(appRounds).cpu;
  const floorCpu = cpuMed(floorRounds).cpu;
  log(`\nWhere the time goes (CPU per scan, medians):`);
  log(
    `  app server ${appCpu.serverMs.toFixed(1)} ms + PostgreSQL ${appCpu.postgresMs.toFixed(1)} ms, against the floor's` +
      ` ${floorCpu.postgresMs.toFixed(2)} ms in PostgreSQL + ${floorCpu.benchMs.toFixed(2)} ms in its pg client.`,
  );
  if (BREAKDOWN) {
    const signedOut = breakdown[0]!.cpu.serverMs;
    const invalid = breakdown[1]!.cpu.serverMs;
    const inCommand = [...(statements?.values() ?? [])].reduce((a, v) => a + v, 0);
    log(
      `  Of the app server's: Next.js and the route handler ${signedOut.toFixed(1)} ms (a signed-out scan, 401),` +
        ` the session (JWT) + authorize's user read + zod ${Math.max(0, invalid - signedOut).toFixed(1)} ms (a refused scan, 422),`,
    );
    log(
      `  the package read + scan command ${Math.max(0, appCpu.serverMs - invalid).toFixed(1)} ms` +
        ` (${(inCommand + 1).toFixed(0)} SQL statements through Prisma; ${breakdown[2]!.cpu.benchMs.toFixed(1)} ms when the command runs in-process).`,
    );
  }
  log(
    `  One Node.js process serves the app: at ${appCpu.serverMs.toFixed(1)} ms of CPU per scan it tops out near` +
      ` ${(1000 / Math.max(0.01, appCpu.serverMs)).toFixed(0)} scans/s, and ${OPERATORS} operators in a closed loop`,
  );
  log(
    `  then wait about ${OPERATORS} / throughput = ${((OPERATORS / Math.max(1, app.perSecond)) * 1000).toFixed(0)} ms per scan (Little's law);` +
      ` p95 under 50 ms at ${OPERATORS} operators needs over ${(OPERATORS / 0.05).toFixed(0)} scans/s.`,
  );

  log(
    `\nTarget: scan p95 under 50 ms at ${OPERATORS} concurrent operators, within 3x of the floor`,
  );
  const p95Met = app.p95 < 50;
  const withinMet = r95 <= 3 && rTput >= 1 / 3;
  log(`  p95 ${ms(app.p95)} ms < 50 ms: ${p95Met ? "met" : "MISSED"}`);
  log(
    `  p95 ratio ${r95.toFixed(1)}x <= 3x and throughput ratio ${rTput.toFixed(2)}x >= 0.33x: ${withinMet ? "met" : "MISSED"}`,
  );
  log(
    `\nChecks: ${received} scans answered as received; ${eventCount} drive.receive events with a scan key` +
      `${eventCount === received ? " (equal)" : " (NOT EQUAL)"}; ${serverErrors} error lines in the server log.`,
  );
  if (serverErrors)
    log(
      server.log
        .filter((l) => /error|exception|unhandled/i.test(l))
        .slice(-10)
        .join("\n"),
    );
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
    process.exit(exitCode);
  });
