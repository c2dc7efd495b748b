import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db as appDb, type Db } from "@/lib/server/db.ts";

/**
 * Rate limits shared by every instance of Dockside: rate-limiter-flexible (maintained) on its
 * Prisma store, the `RateLimit` table (prisma/schema.prisma, created by a migration), so two
 * instances behind one load balancer count against one limit instead of doubling it. Each request
 * is one upsert that increments the counter in the database (concurrent requests are all
 * counted). A fixed window: the first request of a key opens it, `limit` requests fit in it, the
 * next ones wait until it ends. It goes through the app's own Prisma client, so a database outage
 * answers like any other (503, lib/server/http/database-unavailable.ts).
 */
export type RateDecision =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimit = {
  /** Keeps limits apart in the shared table (`status-page`, `sign-in-address`, ...). */
  name: string;
  limit: number;
  windowSeconds: number;
};

export type SharedLimiter = {
  /** Count one request for `key`, or refuse it with how long to wait. */
  take(key: string): Promise<RateDecision>;
};

export function sharedLimiter(rule: RateLimit, database: Db = appDb): SharedLimiter {
  if (!(rule.limit >= 1) || !(rule.windowSeconds >= 1)) {
    throw new Error("a rate limit needs limit >= 1 and windowSeconds >= 1");
  }
  let limiter: RateLimiterPrisma | undefined;
  // Made on first use, not at import: `next build` imports the routes without a database.
  const get = () =>
    (limiter ??= new RateLimiterPrisma({
      storeClient: database,
      tableName: "rateLimit", // the client's name for the model
      keyPrefix: rule.name,
      points: rule.limit,
      duration: rule.windowSeconds,
    }));
  return {
    async take(key) {
      try {
        const res = await get().consume(key.slice(0, 200));
        return { ok: true, remaining: res.remainingPoints };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal; // the database failed
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    },
  };
}
