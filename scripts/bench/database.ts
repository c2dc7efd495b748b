/**
 * The bench database: `dockside_bench`, created fresh on the PostgreSQL server of
 * BENCH_DATABASE_URL (or TEST_POSTGRES_URL, or the local default), migrated, seeded with the bulk
 * dataset and the operators, and dropped at the end. Also the app's own modules loaded in this
 * process against it, and the drives each loop of the benchmark will scan.
 */
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import type { ActorRef, UserActor } from "../../lib/server/actor.ts";
import type { Db } from "../../lib/server/db.ts";
import { bin, runStep, type Defer } from "./child.ts";
import { Floor, type FloorDrive } from "./floor.ts";
import { log, step } from "./report.ts";
import type { Load } from "./rounds.ts";

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

/** Creates the bench database afresh; the client it returns stays connected to the server. */
export async function createBenchDatabase(keepDb: boolean, defer: Defer): Promise<pg.Client> {
  step(`Database ${BENCH_DB} on ${new URL(SERVER_URL).host}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  defer(() => admin.end());
  const { rows: ver } = await admin.query<{ server_version: string }>("SHOW server_version");
  log(`  PostgreSQL ${ver[0]?.server_version}`);
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  if (!keepDb)
    defer(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
      log(`  dropped database ${BENCH_DB}`);
    });
  return admin;
}

/** Migrates and seeds the bench database; returns the environment of the app's processes. */
export async function migrateAndSeed(jobs: number): Promise<NodeJS.ProcessEnv> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: benchUrl,
  };
  delete childEnv.SHADOW_DATABASE_URL;
  await runStep(
    "migrations (prisma migrate deploy)",
    bin("prisma"),
    ["migrate", "deploy"],
    childEnv,
  );
  const seeded = await runStep(
    `bulk data (prisma/seed.ts --jobs ${jobs})`,
    bin("tsx"),
    ["--conditions=react-server", "prisma/seed.ts", "--jobs", String(jobs)],
    childEnv,
  );
  log(`  ${seeded.split("\n").find((l) => l.startsWith("Bulk data")) ?? ""}`);
  return childEnv;
}

/**
 * The app's own modules, in this process: cheap password hashes for the bench users, and the dock
 * commands for the in-process breakdown. The modules read the environment at import time, hence
 * the dynamic imports after setting it.
 */
export async function loadApp(defer: Defer) {
  process.env.BCRYPT_COST = "4";
  process.env.DATABASE_URL = benchUrl;
  (await import("../../lib/env.ts")).rereadEnv();
  const { createDb } = await import("../../lib/server/db.ts");
  const { createUser } = await import("../../lib/server/users/commands.ts");
  const { openDockPackage } = await import("../../lib/server/dock/commands.ts");
  const { scanDrive } = await import("../../lib/server/dock/commands/scan/index.ts");
  const db: Db = createDb(benchUrl);
  defer(() => db.$disconnect());
  return { db, createUser, openDockPackage, scanDrive };
}
export type InProcessApp = Awaited<ReturnType<typeof loadApp>>;

export type BenchUser = { email: string; password: string; actor: UserActor };

export async function createOperators(app: InProcessApp, count: number): Promise<BenchUser[]> {
  const system: ActorRef = { type: "system", label: "benchmark" };
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(3, "0");
    const u = {
      email: `bench-operator-${n}@dockside.test`,
      name: `Bench Operator ${n}`,
      role: "operator" as const,
      password: `bench-password-${n}-${randomBytes(6).toString("hex")}`,
    };
    const r = await app.createUser(app.db, system, u, new Date());
    if (!r.ok) throw new Error(`user ${u.email}: ${r.error.message}`);
    users.push({
      email: u.email,
      password: u.password,
      actor: { type: "user", id: r.value.id, label: u.name, role: "operator" },
    });
  }
  log(`  ${count} operators`);
  return users;
}

type ScanDrive = { id: string; jobId: string; serial: string; version: number; tracking: string };
export type JobDrives = { jobId: string; tracking: string; drives: ScanDrive[] };

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

/**
 * The drives of each loop, none shared, so that every scan finds its drive still expected: whole
 * jobs for the app's operators and the in-process command (a package is opened per job), and the
 * other expected drives for the floor, through a package of its own.
 */
export async function allocateDrives(load: Load, users: BenchUser[], defer: Defer) {
  const bench = new pg.Client({ connectionString: benchUrl });
  await bench.connect();
  defer(() => bench.end());
  const queue = await shippingJobs(bench);
  const appNeed = load.warmup + load.rounds * load.scans + load.openLoopSeconds;
  const appJobs = users.map((_, i) => takeJobs(queue, appNeed, `operator ${i + 1}`));
  const soloAppJobs = takeJobs(queue, load.solo, "the one-at-a-time app scans");
  const commandJobs = load.breakdown
    ? users.map(() => takeJobs(queue, load.commandScans, "the in-process command"))
    : [];
  const soloCommandJobs = load.breakdown
    ? takeJobs(queue, load.solo, "the one-at-a-time command")
    : [];
  // The floor's SQL does not look at the job, so it may take drives of jobs in Creating too.
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
  const floorNeed = load.operators * appNeed + (load.breakdown ? load.solo : 0);
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
  defer(() => floor.end());
  log(
    `  drives: ${appNeed} per operator (app), ${floorDrives.length} available to the floor (${floorNeed} needed)`,
  );
  return { bench, appJobs, soloAppJobs, commandJobs, soloCommandJobs, floor, nextFloorDrive };
}

/** The PostgreSQL backends serving the bench database, whose CPU a phase is charged. */
export async function backendPids(admin: pg.Client): Promise<Set<number>> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1",
    [BENCH_DB],
  );
  return new Set(rows.map((r) => r.pid));
}

/** The receive events written by scans (app, command and floor alike), to check against the count. */
export async function countScanEvents(bench: pg.Client): Promise<number> {
  const { rows } = await bench.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Event" WHERE kind = 'drive.receive' AND "idempotencyKey" LIKE 'scan:%'`,
  );
  return Number(rows[0]!.n);
}
