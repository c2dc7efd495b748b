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
 * The client's address as the proxy in front of us saw it: the first `X-Forwarded-For` entry.
 * Without one (a direct connection in development), every client shares one fixed key: a limit
 * that is too strict there is better than none. The header is only as trustworthy as that proxy:
 * deployments must have it overwrite, not append to, what the client sent.
 */
export function clientKey(headers: Headers): string {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 100).toLowerCase() : "direct";
}
