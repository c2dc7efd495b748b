/**
 * The shared rate limits: two app instances (two Prisma clients, two pools) count against one
 * limit in the database, even when their requests arrive at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createDb, type Db } from "@/lib/server/db.ts";
import { sharedLimiter } from "./rate-limit.ts";

let t: TestDatabase;
let second: Db; // the other instance's client

beforeAll(async () => {
  t = await freshDatabase();
  second = createDb(t.url, { schema: t.schema, max: 5 });
});
afterAll(async () => {
  await second.$disconnect();
  await t.drop();
});

describe("a limit shared by two instances", () => {
  it("counts the requests of both instances against one limit", async () => {
    const rule = { name: "shared-test", limit: 5, windowSeconds: 60 };
    const [a, b] = [sharedLimiter(rule, t.db), sharedLimiter(rule, second)];
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await (i % 2 ? b : a).take("203.0.113.7"));
    expect(answers.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);
    const refused = answers[5]!;
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(45);
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts every one of many simultaneous requests", async () => {
    const rule = { name: "burst-test", limit: 10, windowSeconds: 60 };
    const [a, b] = [sharedLimiter(rule, t.db), sharedLimiter(rule, second)];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? b : a).take("198.51.100.1")),
    );
    expect(answers.filter((r) => r.ok)).toHaveLength(10);
  });

  it("keeps keys and limits apart, and opens a new window when the last one ends", async () => {
    const one = sharedLimiter({ name: "window-test", limit: 1, windowSeconds: 1 }, t.db);
    const other = sharedLimiter({ name: "other-test", limit: 1, windowSeconds: 60 }, second);
    expect((await one.take("x")).ok).toBe(true);
    expect((await one.take("x")).ok).toBe(false);
    expect((await one.take("y")).ok).toBe(true);
    expect((await other.take("x")).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await one.take("x")).ok).toBe(true);
  });

  it("refuses a meaningless rule", () => {
    expect(() => sharedLimiter({ name: "bad", limit: 0, windowSeconds: 60 })).toThrow();
  });
});
