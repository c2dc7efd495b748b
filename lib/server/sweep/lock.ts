import "server-only";
import pg from "pg";
import { describeDatabaseError } from "@/lib/server/http/database-unavailable.ts";

/**
 * The sweep's advisory lock: one sweeper at a time across instances (docs/architecture.md: one
 * function). A session lock on a dedicated connection, so the sweep's own short transactions (one
 * per job, on the app's pool) never sit inside a long one: PGlite serves every connection from one
 * backend, and an open transaction there would stall them all.
 *
 * The key is a constant class (ASCII "SWEP") plus a hash of the schema, so test schemas on one
 * PostgreSQL server do not exclude each other; production uses one schema, hence one key.
 */
export const SWEEP_LOCK_CLASS = 0x53574550;

export type LockTarget = { url: string; schema: string };

/** Where the app's database is: the URL without Prisma's `?schema=`, and that schema. */
export function lockTarget(url: string, schema?: string): LockTarget {
  const u = new URL(url);
  const s = schema ?? u.searchParams.get("schema") ?? "public";
  u.searchParams.delete("schema");
  return { url: u.toString(), schema: s };
}

// Within one process a sweep never overlaps itself (a slow sweep and the next tick). On PGlite,
// whose connections share one session, this is the only exclusion: session locks are re-entrant.
const running = new Set<string>();

export async function withSweepLock<T>(
  target: LockTarget,
  body: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false; reason: string }> {
  const key = `${target.url}|${target.schema}`;
  if (running.has(key)) {
    return { acquired: false, reason: "a sweep is already running in this process" };
  }
  running.add(key);
  try {
    const client = new pg.Client({ connectionString: target.url });
    // Without a listener, the connection dying mid-sweep (the database stopped) would be an
    // uncaughtException. The sweep's own queries then fail and its report says so; the lock ends
    // with the session.
    client.on("error", (error) => {
      console.error(
        `sweep: lost the lock connection to the database (${describeDatabaseError(error)})`,
      );
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked",
        [SWEEP_LOCK_CLASS, target.schema],
      );
      if (!rows[0]?.locked) {
        return { acquired: false, reason: "another instance is sweeping (advisory lock held)" };
      }
      try {
        return { acquired: true, value: await body() };
      } finally {
        await client
          .query("SELECT pg_advisory_unlock($1::int4, hashtext($2))", [
            SWEEP_LOCK_CLASS,
            target.schema,
          ])
          .catch(() => undefined); // closing the session below releases it anyway
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    running.delete(key);
  }
}
