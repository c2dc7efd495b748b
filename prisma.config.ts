import { defineConfig } from "prisma/config";
import { databaseUrl, shadowDatabaseUrl } from "./lib/database-url.ts";
import { migrationAdapter } from "./prisma/migration-adapter.ts";

// The wasm schema engine leaves 10 s and 60 s timers armed after a command has finished;
// unref them so `prisma migrate ...` exits as soon as its work is done.
const armTimer = globalThis.setTimeout;
globalThis.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
  const timer: unknown = armTimer(fn, ms, ...rest);
  if ((ms ?? 0) >= 5_000) (timer as { unref?: () => void }).unref?.();
  return timer;
}) as typeof setTimeout;

process.env.DATABASE_URL ||= databaseUrl();

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(databaseUrl(), shadowDatabaseUrl()),
});
