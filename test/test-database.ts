/**
 * A fresh schema per test file, with every committed migration applied in order, and a Prisma
 * client bound to it. Use: `const t = await freshDatabase(); afterAll(t.drop)`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/server/db.ts";

const migrationsDir = path.resolve(import.meta.dirname, "../prisma/migrations");

export function migrationScripts(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

export type TestDatabase = {
  db: Db;
  url: string;
  schema: string;
  kind: string;
  drop: () => Promise<void>;
};

export async function freshDatabase(): Promise<TestDatabase> {
  const url = inject("databaseUrl");
  const schema = `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    // Migrations name their tables and types without a schema: search_path puts them here.
    await admin.query(`SET search_path TO "${schema}"`);
    for (const sql of migrationScripts()) await admin.query(sql);
    await admin.query("RESET search_path");
  } finally {
    await admin.end();
  }
  // Named statements only on PostgreSQL: PGlite's connections share one session (lib/server/db.ts).
  const db = createDb(url, {
    schema,
    max: 12,
    namedStatements: inject("databaseKind") === "postgresql",
  });
  return {
    db,
    url,
    schema,
    kind: inject("databaseKind"),
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA "${schema}" CASCADE`);
      await c.end();
    },
  };
}
