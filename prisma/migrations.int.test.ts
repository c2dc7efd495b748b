import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const prismaBin = path.join(root, "node_modules/.bin/prisma");
const run = promisify(execFile);

/** Run the Prisma CLI; resolves with its exit code and output (a non-zero exit is an answer here). */
async function prisma(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(prismaBin, args, {
      cwd: root,
      env: { ...process.env, ...env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

const kind = inject("databaseKind");
const mainUrl = inject("databaseUrl");
let targetUrl: string; // an empty database for `migrate deploy`
let shadowEnv: Record<string, string>;
let cleanup: () => Promise<void> = async () => {};

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (kind === "pglite") {
    // The spare PGlite server is the shadow database; then it receives the fresh deploy.
    targetUrl = inject("spareDatabaseUrl");
    shadowEnv = { DATABASE_URL: mainUrl, SHADOW_DATABASE_URL: targetUrl };
  } else {
    const name = `dockside_deploy_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await sql(mainUrl, `CREATE DATABASE "${name}"`);
    const u = new URL(mainUrl);
    u.pathname = `/${name}`;
    targetUrl = u.toString();
    shadowEnv = { DATABASE_URL: mainUrl, SHADOW_DATABASE_URL: "" };
    cleanup = () => sql(mainUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});
afterAll(() => cleanup());

describe("committed migrations", () => {
  it("match schema.prisma exactly (no drift)", async () => {
    const r = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      shadowEnv,
    );
    expect(r.out).toContain("No difference detected");
    expect(r.code).toBe(0);
  });

  it("the drift check fails when the schema gains a field the migrations lack", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dockside-drift-"));
    const schema = path.join(dir, "schema.prisma");
    copyFileSync(path.join(root, "prisma/schema.prisma"), schema);
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace(
        "model Package {",
        "model Package {\n  driftProbe String?",
      ),
    );
    const r = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        schema,
        "--exit-code",
      ],
      shadowEnv,
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain("driftProbe");
  });

  it("apply cleanly with `prisma migrate deploy` to an empty database, which is then up to date", async () => {
    if (kind === "pglite")
      await sql(targetUrl, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    const deploy = await prisma(["migrate", "deploy"], { DATABASE_URL: targetUrl });
    expect(deploy.out).toContain("All migrations have been successfully applied");
    const status = await prisma(["migrate", "status"], { DATABASE_URL: targetUrl });
    expect(status.out).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
    // Two Prisma CLI runs (each loads the wasm schema engine): a minute on a busy 2-core machine.
  }, 120_000);
});
