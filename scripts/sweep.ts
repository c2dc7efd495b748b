/**
 * Run the life-cycle timer sweep once and print what it did (the server also runs it every five
 * minutes, see instrumentation.ts):
 *
 *   npm run sweep                                  # at the current time
 *   npm run sweep -- --now 2026-12-24T00:00:00Z    # as if it were then (for trying deadlines out)
 *
 * Exit code 0 when it ran or another instance was sweeping, 1 when a job or incident failed.
 */
import { parseArgs } from "node:util";
import { databaseUrl } from "../lib/database-url.ts";
import { createDb } from "../lib/server/db.ts";
import { formatReport, runSweep } from "../lib/server/sweep/sweep.ts";

async function main() {
  const { values } = parseArgs({ options: { now: { type: "string" }, json: { type: "boolean" } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`--now: not a date: ${values.now}`);
    console.error("usage: npm run sweep [-- --now 2026-12-24T00:00:00Z] [--json]");
    process.exit(2);
  }
  const db = createDb(databaseUrl());
  try {
    const report = await runSweep(db, now);
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (report.errors.length) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
