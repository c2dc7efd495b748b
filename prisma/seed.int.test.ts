import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate.ts";
import { stationQueue } from "@/lib/server/stations/queries.ts";
import { seedDemo } from "./seed.ts";
import {
  COPY_STATION_JOURNEY_JOB,
  CUSTOMERS,
  DEMO_CUSTOMER_KEY,
  DEMO_STATION_KEY,
} from "./demo-data.ts";

let t: TestDatabase;
let seededAt: Date;
const bearer = (key: string) =>
  new Request("http://dockside.test/api/v1", { headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  t = await freshDatabase();
  seededAt = new Date();
  await seedDemo(t.db);
}, 180_000);
afterAll(() => t.drop());

describe("the demo data", () => {
  it("has every job of the plan, in every state", async () => {
    expect(await t.db.job.count()).toBe(47);
    const states = (await t.db.job.groupBy({ by: ["state"] })).map((g) => g.state).sort();
    expect(states).toEqual(
      [
        "Closed",
        "Completed",
        "Creating",
        "Faulted",
        "Packaging",
        "Received",
        "Shipping",
        "Transferring",
      ].sort(),
    );
  });

  it("has a copy-station key and a Contoso customer key with the documented values, stored hashed", async () => {
    const now = new Date();
    const station = await authenticateApiKey(t.db, bearer(DEMO_STATION_KEY), "station", now);
    expect(station).toMatchObject({ ok: true, actor: { type: "station" } });
    const contoso = await t.db.customer.findUniqueOrThrow({ where: { name: CUSTOMERS[0].name } });
    const customer = await authenticateApiKey(t.db, bearer(DEMO_CUSTOMER_KEY), "customer", now);
    expect(customer).toMatchObject({ ok: true, actor: { customerId: contoso.id } });
    const stored = JSON.stringify(await t.db.apiKey.findMany());
    expect(stored).not.toContain(DEMO_STATION_KEY.slice(15));
    expect(stored).not.toContain(DEMO_CUSTOMER_KEY.slice(15));
    expect(await t.db.event.count({ where: { kind: "apiKey.issued" } })).toBe(2);
  });

  it("R-D6: gives the copy stations work: import and export drives Received, and the journey's job", async () => {
    const queue = await stationQueue(t.db, { state: "Received", top: 200 });
    expect(new Set(queue.map((d) => d.jobType))).toEqual(new Set(["Import", "Export"]));
    const journey = await stationQueue(t.db, {
      state: "Received",
      top: 200,
      jobName: COPY_STATION_JOURNEY_JOB.name,
    });
    expect(journey.map((d) => d.driveId).sort()).toEqual([...COPY_STATION_JOURNEY_JOB.serials]);
    // Drives left mid-copy, for a restarted station to resume.
    expect(await stationQueue(t.db, { state: "Transferring", top: 200 })).not.toHaveLength(0);
  });

  it("keeps the journey's job out of the other journeys' way: last by name, drives last by serial, no past in the future", async () => {
    const names = (await t.db.job.findMany({ select: { name: true } })).map((j) => j.name).sort();
    expect(names.at(-1)).toBe(COPY_STATION_JOURNEY_JOB.name);
    const received = await t.db.drive.findMany({
      where: { state: "Received", extra: false },
      select: { serial: true },
    });
    const serials = received.map((d) => d.serial).sort();
    expect(serials.slice(-3)).toEqual([...COPY_STATION_JOURNEY_JOB.serials]);
    const job = await t.db.job.findFirstOrThrow({ where: { name: COPY_STATION_JOURNEY_JOB.name } });
    expect(job.receivedAt!.getTime()).toBeLessThan(Date.now());
  });

  it("writes no history after the moment it was seeded: no event, state change or timestamp in the future", async () => {
    const done = new Date();
    const lateEvent = await t.db.event.findFirst({
      where: { at: { gt: done } },
      select: { kind: true, at: true, jobId: true },
    });
    expect(lateEvent).toBeNull();
    const jobs = await t.db.job.findMany();
    for (const j of jobs) {
      for (const column of [
        "stateChangedAt",
        "shippingAt",
        "receivedAt",
        "transferringAt",
        "packagingAt",
        "completedAt",
        "closedAt",
        "shippingInfoAt",
      ] as const) {
        const value = j[column];
        if (value)
          expect(value.getTime(), `${j.name} ${column}`).toBeLessThanOrEqual(done.getTime());
      }
    }
    // Old enough to have a history at all.
    expect(jobs.every((j) => j.createdAt.getTime() < seededAt.getTime())).toBe(true);
  });

  it("R-E5: every ended demo job has sent back its extra drives too", async () => {
    const left = await t.db.drive.count({
      where: {
        extra: true,
        state: { not: "ShippedBack" },
        job: { state: { in: ["Completed", "Closed"] } },
      },
    });
    expect(left).toBe(0);
  });

  it("is added to an empty database only", async () => {
    await seedDemo(t.db);
    expect(await t.db.job.count()).toBe(47);
    expect(await t.db.apiKey.count()).toBe(2);
  });
});
