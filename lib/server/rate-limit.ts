import "server-only";

/**
 * An in-memory sliding-window rate limiter: at most `limit` requests per key in any `windowMs`.
 * Each key keeps the times of its recent requests (at most `limit` of them), so memory is bounded
 * by `maxKeys × limit` numbers; past `maxKeys`, the least recently seen key is forgotten. The clock
 * is injected, so the rules are tested without waiting. One instance per server process: behind
 * several instances the effective limit multiplies, which is acceptable for a courtesy limit on a
 * read-only page.
 */
export type RateDecision =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimiterOptions = {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
};

export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  // Insertion order = least recently seen first (a key is re-inserted on every request).
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimiterOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) {
      throw new Error("a rate limit needs limit >= 1 and windowMs > 0");
    }
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Count one request for `key`, or refuse it with how long to wait. A refusal is not counted. */
  take(key: string): RateDecision {
    const now = this.#now();
    const since = now - this.windowMs;
    const recent = (this.#hits.get(key) ?? []).filter((t) => t > since);
    this.#hits.delete(key);
    if (recent.length >= this.limit) {
      this.#hits.set(key, recent);
      const oldest = recent[0]!;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    while (this.#hits.size > this.#maxKeys) {
      const first = this.#hits.keys().next().value as string;
      this.#hits.delete(first);
    }
    return { ok: true, remaining: this.limit - recent.length };
  }

  /** How many keys are remembered (for tests and monitoring). */
  get size(): number {
    return this.#hits.size;
  }
}

/**
 * The client's address as the trusted proxy in front of us saw it. Each proxy appends the address
 * it got the request from, so the entry `trustedProxies` from the right was written by our own
 * nearest proxy; everything left of it came from the client and may be forged (a forged first
 * entry would let anyone pick a fresh key per request). `DOCKSIDE_TRUSTED_PROXIES` says how many
 * proxies stand in front (default 1). Without the header (a direct connection in development),
 * every client shares one fixed key: a limit that is too strict there is better than none.
 */
export function clientKey(
  headers: Headers,
  trustedProxies = Number(process.env.DOCKSIDE_TRUSTED_PROXIES ?? 1) || 1,
): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const seenByOurProxy = entries[Math.max(0, entries.length - trustedProxies)];
  return seenByOurProxy ? seenByOurProxy.slice(0, 100).toLowerCase() : "direct";
}
