/**
 * The page benchmark (`npm run bench:pages`, issue 14): how fast the supervisors' pages answer on a
 * large dataset, and how long the sweep takes at scale.
 *
 *   npm run bench:pages [-- --jobs 10000] [--million] [--sweep-jobs 100000] [--requests 20]
 *                          [--due-runs 3] [--no-sweep] [--no-pages] [--keep-db] [--reuse-db]
 *                          [--only search,jobs] [--cpu-prof] [--web-workers N] [--navigation]
 *
 * On the PostgreSQL server of BENCH_DATABASE_URL (or TEST_POSTGRES_URL, or the local default; the
 * role needs CREATEDB) it creates fresh databases (named from BENCH_PAGES_DB, default
 * `dockside_bench_pages`), applies the migrations and bulk-seeds them in SQL (bulk-seed.ts). Then:
 *
 * - pages: the built app (`next start`, built first if there is none) on 127.0.0.1, 10 supervisors
 *   signed in, each page below requested by 1 supervisor, then by 10 at once (closed loops), with
 *   p50/p95/p99. `--million` runs the pages on 1,000,000 jobs too (seeding takes minutes). A page
 *   that answers 404 (search, until it is built) is reported "not built".
 * - sweep: at `--sweep-jobs` jobs with nothing due and with 1 % due, and as the baseline of the same
 *   run, the sweep with nothing due at `--jobs` jobs; the ratios are against that baseline.
 *
 * The app runs as `npm start` runs it (scripts/web-cluster.mjs), with one web worker per core
 * unless --web-workers (or DOCKSIDE_WEB_WORKERS) says otherwise.
 *
 * --navigation requests each page as a click inside the console does (its RSC payload, no HTML)
 * instead of as a full page load.
 *
 * --cpu-prof writes the app server's V8 profile and prints where its CPU time went (by package and
 * by function): the way to find a page's per-request floor.
 *
 * Everything is dropped at the end (also on failure or Ctrl-C) unless --keep-db. --reuse-db keeps
 * the pages' databases and, next time, uses them as they are (a million jobs take minutes to seed).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { bin, runStep, type Defer } from "../child.ts";
import { closeConnections } from "../http.ts";
import { log, ms, printProfile, step } from "../report.ts";
import { readProfile, startApp } from "../server.ts";
import { bulkSeed } from "./bulk-seed.ts";
import { workerCount } from "../../web-cluster.mjs";
import { createSupervisors, measurePages, printPages, type PagesRun } from "./measure-pages.ts";
import { sweepNothingDue, sweepOnePercentDue } from "./sweep-bench.ts";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "10000" },
    million: { type: "boolean", default: false },
    "sweep-jobs": { type: "string", default: "100000" },
    requests: { type: "string", default: "20" },
    "due-runs": { type: "string", default: "3" },
    "no-sweep": { type: "boolean", default: false },
    "no-pages": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
    "reuse-db": { type: "boolean", default: false },
    only: { type: "string", default: "" },
    "cpu-prof": { type: "boolean", default: false },
    "web-workers": { type: "string" },
    navigation: { type: "boolean", default: false },
  },
});
const JOBS = Number(args.jobs);
/** The machine's 1-minute load average now: printed beside each measurement (shared machines). */
const load = () => os.loadavg()[0]!.toFixed(1);
const SWEEP_JOBS = Number(args["sweep-jobs"]);
/** The app's web workers: as `npm start` would run them on this machine, or --web-workers. */
const WEB_WORKERS = workerCount(
  args["web-workers"] ? { DOCKSIDE_WEB_WORKERS: args["web-workers"] } : process.env,
);
const PAGES_RUN: PagesRun = {
  requests: Number(args.requests),
  supervisors: 10,
  webWorkers: WEB_WORKERS,
  navigation: args.navigation,
  // --only search,faults: the pages whose name contains one of the words (and the baseline).
  only: args.only ? args.only.split(",").map((w) => w.trim()) : [],
};

const SERVER_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_POSTGRES_URL ||
  "postgresql://dockside:dockside@127.0.0.1:5432/dockside";
const DB_PREFIX = process.env.BENCH_PAGES_DB || "dockside_bench_pages";

function urlFor(name: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  u.search = "";
  return u.toString();
}

const cleanups: (() => Promise<void>)[] = [];
const defer: Defer = (undo) => cleanups.push(undo);
async function cleanup() {
  for (const c of cleanups.splice(0).reverse()) {
    try {
      await c();
    } catch (e) {
      console.error(`cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * A fresh database with the migrations and `jobs` bulk-seeded jobs; answers its URL and a client.
 * With `reuse` (--reuse-db, the pages only: they change nothing but the supervisors) a database of
 * that name left by an earlier --keep-db or --reuse-db run is used as it is, migrated, and kept.
 */
async function dataset(admin: pg.Client, jobs: number, now: Date, reuse = false, kind = "") {
  const name = `${DB_PREFIX}${kind}_${jobs}`;
  step(`Database ${name}: ${jobs.toLocaleString("en-US")} jobs`);
  if (reuse) {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) {
      const url = urlFor(name);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: url,
        NEXT_TELEMETRY_DISABLED: "1",
      };
      delete env.SHADOW_DATABASE_URL;
      await runStep(
        "migrations (prisma migrate deploy)",
        bin("prisma"),
        ["migrate", "deploy"],
        env,
      );
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      defer(() => client.end());
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Job"`);
      log(`  reused as it is (--reuse-db): ${rows[0]?.n.toLocaleString("en-US")} jobs`);
      return { url, client, env };
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  if (!args["keep-db"] && !reuse)
    defer(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  const url = urlFor(name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.SHADOW_DATABASE_URL;
  await runStep("migrations (prisma migrate deploy)", bin("prisma"), ["migrate", "deploy"], env);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  defer(() => client.end());
  const t0 = performance.now();
  await bulkSeed(client, jobs, now);
  log(`  bulk seed in SQL: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { url, client, env };
}

async function benchPages(admin: pg.Client, jobs: number, now: Date) {
  const { url, client, env } = await dataset(admin, jobs, now, args["reuse-db"]);
  const users = await createSupervisors(client, PAGES_RUN);
  const { server, profileDir } = await startApp(
    { build: args.build, cpuProf: args["cpu-prof"], webWorkers: WEB_WORKERS },
    env,
    defer,
  );
  step(
    `Pages at ${jobs.toLocaleString("en-US")} jobs (${WEB_WORKERS} web worker${WEB_WORKERS === 1 ? "" : "s"})`,
  );
  const rows = await measurePages(PAGES_RUN, server.base, users, jobs);
  // Stopped before the report, so that its CPU profile is written.
  await server.stop();
  printPages(PAGES_RUN, jobs, rows);
  const profile = readProfile(profileDir);
  if (profile) printProfile(profile);
  return { url };
}

async function main() {
  log(
    `Dockside page benchmark: pages at ${JOBS.toLocaleString("en-US")} jobs${args.million ? " and 1,000,000" : ""}, sweep at ${SWEEP_JOBS.toLocaleString("en-US")}`,
  );
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
  const now = new Date();
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  defer(() => admin.end());
  const { rows: v } = await admin.query<{ server_version: string }>("SHOW server_version");
  log(
    `\nMachine: ${machine}, PostgreSQL ${v[0]?.server_version}; load average at the start ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );

  let baseUrl: string | undefined;
  if (!args["no-pages"]) {
    baseUrl = (await benchPages(admin, JOBS, now)).url;
    if (args.million) await benchPages(admin, 1_000_000, now);
  }
  if (!args["no-sweep"]) {
    step(`Sweep baseline: nothing due at ${JOBS.toLocaleString("en-US")} jobs`);
    // The sweep changes its data (1 % due each run): a reused pages database is not for it.
    if (args["reuse-db"]) baseUrl = undefined;
    baseUrl ??= (await dataset(admin, JOBS, now, false, "_sweep")).url;
    const baseline = await sweepNothingDue(baseUrl, now);
    const baseLoad = load();
    const baseClient = new pg.Client({ connectionString: baseUrl });
    await baseClient.connect();
    defer(() => baseClient.end());
    const baseDue = await sweepOnePercentDue(
      baseClient,
      baseUrl,
      JOBS,
      now,
      Number(args["due-runs"]),
    );
    const baseDueLoad = load();
    step(`Sweep at ${SWEEP_JOBS.toLocaleString("en-US")} jobs`);
    const big = await dataset(admin, SWEEP_JOBS, now, false, "_sweep");
    const nothing = await sweepNothingDue(big.url, now);
    const nothingLoad = load();
    const some = await sweepOnePercentDue(
      big.client,
      big.url,
      SWEEP_JOBS,
      now,
      Number(args["due-runs"]),
    );
    const someLoad = load();
    const scale = SWEEP_JOBS / JOBS;
    log(
      `\n#### The sweep (median ms; ratio to the same case at ${JOBS.toLocaleString("en-US")} jobs, in this run; linear growth would be ${scale.toFixed(0)})\n`,
    );
    log("| case | jobs | median | p95 of the runs | ratio | per due job | target | load |");
    log("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
    const row = (
      what: string,
      jobs: number,
      t: { ms: number; p95: number },
      base: number | null,
      due: number | null,
      goal: string,
      l: string,
    ) =>
      log(
        `| ${what} | ${jobs.toLocaleString("en-US")} | ${ms(t.ms)} | ${ms(t.p95)} | ${base ? (t.ms / base).toFixed(1) : "1.0"} | ${due ? `${(t.ms / due).toFixed(2)} ms` : ""} | ${goal} | ${l} |`,
      );
    row("nothing due (baseline)", JOBS, baseline, null, null, "", baseLoad);
    row(
      `1 % due (${baseDue.due} Creating jobs expire)`,
      JOBS,
      baseDue,
      null,
      baseDue.due,
      "",
      baseDueLoad,
    );
    row(
      "nothing due",
      SWEEP_JOBS,
      nothing,
      baseline.ms,
      null,
      `< 5 s: ${nothing.ms < 5000 ? "met" : "**missed**"}`,
      nothingLoad,
    );
    row(
      `1 % due (${some.due} Creating jobs expire)`,
      SWEEP_JOBS,
      some,
      baseDue.ms,
      some.due,
      "",
      someLoad,
    );
  }
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  })
  .finally(async () => {
    closeConnections();
    await cleanup();
  });
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
