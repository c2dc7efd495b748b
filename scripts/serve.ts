/**
 * Run Dockside: the database (the embedded PGlite unless DATABASE_URL is set), migrations, demo
 * data when the database is empty, the production build, and the app (scripts/web-cluster.mjs: one
 * `next start` per core with PostgreSQL, one on the embedded database). Used by `npm run demo`
 * and by the Playwright suite.
 *
 *   tsx scripts/serve.ts [--port 3000] [--build] [--fresh] [--no-seed]
 *     --build    run `next build` first
 *     --fresh    empty the database first (e2e runs)
 *     --no-seed  do not add demo data to an empty database
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseUrl } from "../lib/database-url.ts";
import { databaseAnswers, serveInProcess } from "./embedded-db.ts";
import { DEMO_CUSTOMER_KEY, DEMO_STATION_KEY, DEMO_USERS } from "../prisma/demo-data.ts";
import { ensureLocalAuthSecret } from "./local-env.ts";
import { startMailCatcher } from "../lib/mail-catcher/catcher.ts";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    build: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
  },
});

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

/** A step in a child process. Never spawnSync: the embedded database runs in this very process. */
async function run(step: string, command: string, argv: string[]): Promise<void> {
  console.log(`\n▸ ${step}`);
  const child = spawn(command, argv, { cwd: root, stdio: "inherit", env });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${step} failed (exit ${code})`);
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function main() {
  ensureLocalAuthSecret(root);
  // next-auth builds its callback URLs from this; without it, only port 3000 would work.
  env.NEXTAUTH_URL ||= `http://localhost:${args.port}`;
  const url = databaseUrl();
  let closeDatabase: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL && !(await databaseAnswers(url))) {
    console.log("▸ Starting the embedded database (PGlite)");
    closeDatabase = await serveInProcess();
  }
  env.DATABASE_URL = url;

  if (args.fresh && process.env.DATABASE_URL)
    throw new Error("--fresh empties the database: only for the embedded one.");
  if (args.fresh) await query(url, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await run("Applying migrations", bin("prisma"), ["migrate", "deploy"]);

  const [{ count }] = (await query<{ count: string }>(url, 'SELECT count(*) FROM "Job"')) as [
    { count: string },
  ];
  if (Number(count) === 0 && !args["no-seed"]) {
    await run("Adding demo data", bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
  }
  if (args.build) await run("Building the app", bin("next"), ["build"]);

  // Mail goes to a local catcher unless SMTP_URL says otherwise; admins read it at /admin/mail.
  let closeCatcher: (() => Promise<void>) | undefined;
  if (!process.env.SMTP_URL) {
    const dir = process.env.DOCKSIDE_MAIL_CATCHER_DIR ?? path.join(root, ".data", "mail");
    const catcher = await startMailCatcher({
      port: Number(process.env.MAIL_CATCHER_PORT ?? 0),
      dir,
    });
    closeCatcher = catcher.close;
    env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
    env.DOCKSIDE_MAIL_CATCHER_DIR = dir;
    console.log(`▸ Mail catcher on smtp://127.0.0.1:${catcher.port} (read it at /admin/mail)`);
  }

  // The embedded database serves from this one process: one web worker is all it can use. With
  // PostgreSQL, one per core, as `npm start` runs in production (scripts/web-cluster.mjs).
  if (closeDatabase) env.DOCKSIDE_WEB_WORKERS ??= "1";
  const server = spawn(
    process.execPath,
    [path.join(root, "scripts/web-cluster.mjs"), "--port", args.port],
    { cwd: root, stdio: "inherit", env },
  );
  console.log(`\nDockside on http://localhost:${args.port}\n\nDemo logins:`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(26)} ${u.password}`);
  console.log("\nDemo API keys (demo data only):");
  console.log(`  copy station      ${DEMO_STATION_KEY}`);
  console.log(`  customer Contoso  ${DEMO_CUSTOMER_KEY}`);
  console.log(
    `\nIn another terminal, \`npm run simulate\` copies the received drives; the API is described at http://localhost:${args.port}/docs/api`,
  );
  console.log("\nCtrl-C stops the app and the embedded database.\n");

  const stop = () => {
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void Promise.resolve(closeCatcher?.())
      .then(() => closeDatabase?.())
      .finally(() => process.exit(code ?? 0));
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
