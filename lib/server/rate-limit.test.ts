import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter, clientKey } from "./rate-limit.ts";

function limiter(limit = 3, windowMs = 60_000, maxKeys?: number) {
  let t = 1_000_000;
  const l = new SlidingWindowLimiter({ limit, windowMs, maxKeys, now: () => t });
  return { l, advance: (ms: number) => (t += ms) };
}

describe("the sliding-window rate limiter", () => {
  it("allows `limit` requests in a window, then refuses with the seconds to wait", () => {
    const { l, advance } = limiter(3);
    expect(l.take("a")).toEqual({ ok: true, remaining: 2 });
    advance(10_000);
    expect(l.take("a")).toEqual({ ok: true, remaining: 1 });
    advance(10_000);
    expect(l.take("a")).toEqual({ ok: true, remaining: 0 });
    advance(5_000);
    // The first request leaves the window 60 s after it was made: 35 s from now.
    expect(l.take("a")).toEqual({ ok: false, retryAfterSeconds: 35 });
  });

  it("slides: each old request that leaves the window frees one place", () => {
    const { l, advance } = limiter(2, 10_000);
    l.take("a");
    advance(4_000);
    l.take("a");
    advance(5_999);
    expect(l.take("a").ok).toBe(false);
    advance(1);
    expect(l.take("a")).toEqual({ ok: true, remaining: 0 });
    expect(l.take("a")).toEqual({ ok: false, retryAfterSeconds: 4 });
  });

  it("a refused request is not counted against the client", () => {
    const { l, advance } = limiter(1, 1_000);
    l.take("a");
    for (let i = 0; i < 50; i++) expect(l.take("a").ok).toBe(false);
    advance(1_000);
    expect(l.take("a").ok).toBe(true);
  });

  it("counts each client address on its own", () => {
    const { l } = limiter(1);
    expect(l.take("a").ok).toBe(true);
    expect(l.take("b").ok).toBe(true);
    expect(l.take("a").ok).toBe(false);
  });

  it("never waits less than one second", () => {
    const { l, advance } = limiter(1, 1_000);
    l.take("a");
    advance(999);
    expect(l.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("bounds its memory: past maxKeys the least recently seen client is forgotten", () => {
    const { l } = limiter(1, 60_000, 2);
    l.take("a");
    l.take("b");
    l.take("a"); // refused, but seen: "b" is now the oldest
    l.take("c");
    expect(l.size).toBe(2);
    expect(l.take("a").ok).toBe(false); // still remembered
    expect(l.take("b").ok).toBe(true); // forgotten, so allowed again
  });

  it("refuses a meaningless configuration", () => {
    expect(() => new SlidingWindowLimiter({ limit: 0, windowMs: 1 })).toThrow();
    expect(() => new SlidingWindowLimiter({ limit: 1, windowMs: Number.NaN })).toThrow();
  });
});

describe("clientKey", () => {
  it("is the address our nearest proxy appended (the last X-Forwarded-For entry), else one fixed key", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe(
      "10.0.0.1",
    );
    expect(clientKey(new Headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientKey(new Headers())).toBe("direct");
    expect(clientKey(new Headers({ "x-forwarded-for": " , " }))).toBe("direct");
  });

  it("cannot be chosen by the client: a forged first entry changes nothing", () => {
    const forged = (fake: string) =>
      clientKey(new Headers({ "x-forwarded-for": `${fake}, 198.51.100.4` }));
    expect(new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(forged))).toEqual(
      new Set(["198.51.100.4"]),
    );
  });

  it("with two proxies in front, takes the entry the outer proxy wrote", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" });
    expect(clientKey(h, 2)).toBe("198.51.100.4");
    expect(clientKey(new Headers({ "x-forwarded-for": "10.0.0.2" }), 2)).toBe("10.0.0.2");
  });
});
