/**
 * Contention that is not a conflict is not an error (issue 9): many changes of one job at once,
 * touching different things, all succeed. Job commands take the job's row lock first, so they
 * take turns instead of failing each other's version check.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok, RETURN_ADDRESS } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, updateJobProperties } from "@/lib/server/jobs/commands.ts";

const now = new Date("2026-12-01T09:00:00Z");
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

it("R-J3: 50 Update Job Properties at once on one job, each on a different field: all succeed, 50 events", async () => {
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: "contended",
        type: "Import",
        storageAccount: "s",
        drives: [{ serial: "C1" }],
      },
      now,
    ),
  );
  const changes = Array.from({ length: 50 }, (_, i) =>
    i % 3 === 0
      ? { logLevel: i % 2 ? ("Verbose" as const) : ("Error" as const) }
      : i % 3 === 1
        ? { returnAddress: { ...RETURN_ADDRESS, phone: `+1 425 555 ${String(1000 + i)}` } }
        : { backupDriveManifest: i % 2 === 0 },
  );
  const results = await Promise.all(
    changes.map((properties) => updateJobProperties(t.db, customer, id, properties, now)),
  );
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(await t.db.event.count({ where: { jobId: id, kind: "job.updateProperties" } })).toBe(50);
  expect((await t.db.job.findUniqueOrThrow({ where: { id } })).version).toBe(50);
});
