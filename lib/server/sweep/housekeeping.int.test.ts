import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { DAY_MS } from "@/lib/domain/index.ts";
import { IDEMPOTENCY_RETENTION_DAYS, purgeIdempotencyRecords } from "./housekeeping.ts";
import { runSweep } from "./sweep.ts";

let t: TestDatabase;
const now = new Date("2031-03-10T08:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

async function records(entries: [key: string, createdAt: Date][]) {
  await t.db.idempotencyRecord.createMany({
    data: entries.map(([key, createdAt]) => ({
      key,
      requestHash: "h",
      response: { ok: true },
      createdAt,
    })),
  });
}

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("the sweep's housekeeping: idempotency records past their retention", () => {
  it(`deletes the records older than ${IDEMPOTENCY_RETENTION_DAYS} days and keeps the others`, async () => {
    await records([
      ["old-1", ago(IDEMPOTENCY_RETENTION_DAYS * DAY_MS + 1)],
      ["old-2", ago(30 * DAY_MS)],
      ["edge", ago(IDEMPOTENCY_RETENTION_DAYS * DAY_MS)],
      ["fresh", ago(60_000)],
    ]);
    const report = await runSweep(t.db, now, { lock: { url: t.url, schema: t.schema } });
    expect(report).toMatchObject({ ran: true, errors: [], purgedIdempotencyRecords: 2 });
    const left = await t.db.idempotencyRecord.findMany({ select: { key: true } });
    expect(left.map((r) => r.key).sort()).toEqual(["edge", "fresh"]);
    // Idempotent: the same sweep again deletes nothing more.
    const again = await runSweep(t.db, now, { lock: { url: t.url, schema: t.schema } });
    expect(again.purgedIdempotencyRecords).toBe(0);
  });

  it("goes a batch at a time past the batch size (12,000 records, batches of 5,000)", async () => {
    await t.db.idempotencyRecord.deleteMany();
    const old = ago(40 * DAY_MS);
    for (let i = 0; i < 12; i++) {
      await records(
        Array.from({ length: 1_000 }, (_, j) => [`bulk-${i}-${j}`, old] as [string, Date]),
      );
    }
    await records([["keep", ago(DAY_MS)]]);
    expect(await purgeIdempotencyRecords(t.db, now)).toBe(12_000);
    expect(await t.db.idempotencyRecord.count()).toBe(1);
  });
});
