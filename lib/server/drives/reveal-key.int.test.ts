import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { revealBitLockerKey } from "@/lib/server/drives/commands.ts";

let t: TestDatabase;
let jobId: string;
const now = new Date("2026-11-02T09:00:00Z");
const supervisor: ActorRef = { type: "user", id: "u-sam", label: "Sam Keller", role: "supervisor" };
const operator: ActorRef = { type: "user", id: "u-ana", label: "Ana Ruiz", role: "operator" };
const KEY = "123456-234567-345678-456789-567890-678901-789012-890123";

beforeAll(async () => {
  t = await freshDatabase();
  const customer = await t.db.customer.create({
    data: { name: "Contoso", contactName: "Ana", contactEmail: "a@contoso.example" },
  });
  jobId = (
    await t.db.job.create({
      data: {
        customerId: customer.id,
        name: "keys-1",
        type: "Import",
        storageAccount: "s",
        state: "Shipping",
      },
    })
  ).id;
});
afterAll(() => t.drop());

async function makeDrive(serial: string, bitLockerKey: string | null) {
  return (await t.db.drive.create({ data: { jobId, serial, state: "Specified", bitLockerKey } }))
    .id;
}

describe("revealBitLockerKey", () => {
  it("returns the drive's key and records exactly one event that does not hold it", async () => {
    const driveId = await makeDrive("WD-KEY0001", KEY);
    const result = await revealBitLockerKey(t.db, supervisor, driveId, now);
    expect(result).toEqual({ ok: true, value: { key: KEY, serial: "WD-KEY0001", jobId } });

    const events = await t.db.event.findMany({ where: { driveId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "drive.keyRevealed",
      actorType: "user",
      actorId: "u-sam",
      actorLabel: "Sam Keller",
      jobId,
      driveId,
      at: now,
    });
    expect(
      JSON.stringify(events[0], (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
    ).not.toContain(KEY.slice(0, 13));
  });

  it("refuses a drive with no key on record, and records nothing", async () => {
    const driveId = await makeDrive("WD-KEY0002", null);
    const result = await revealBitLockerKey(t.db, supervisor, driveId, now);
    expect(result).toEqual({
      ok: false,
      error: { code: "not_found", message: "Drive WD-KEY0002 has no BitLocker key on record." },
    });
    expect(await t.db.event.count({ where: { driveId } })).toBe(0);
  });

  it("refuses an unknown drive and an actor whose role may not reveal keys", async () => {
    const unknown = await revealBitLockerKey(t.db, supervisor, crypto.randomUUID(), now);
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
    const driveId = await makeDrive("WD-KEY0003", KEY);
    const byOperator = await revealBitLockerKey(t.db, operator, driveId, now);
    expect(byOperator).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await t.db.event.count({ where: { driveId } })).toBe(0);
  });
});
