import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import { createCustomer } from "@/lib/server/customers/commands.ts";
import { listCustomers } from "@/lib/server/customers/queries.ts";

let t: TestDatabase;
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
const now = new Date("2026-11-25T09:00:00Z");
const FABRIKAM = {
  name: "Fabrikam Inc",
  contactName: "Jo Brown",
  contactEmail: "ops@fabrikam.example",
  contactPhone: "+1 206 555 0142",
};

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("customers", () => {
  it("an admin adds a customer, recorded by a customer.created event", async () => {
    const created = ok(
      await createCustomer(t.db, ADMIN, { ...FABRIKAM, name: " Fabrikam Inc " }, now),
    );
    expect(created.name).toBe("Fabrikam Inc");
    const row = await t.db.customer.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ ...FABRIKAM, createdAt: now });
    const events = await t.db.event.findMany({ where: { kind: "customer.created" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      at: now,
      actorType: "user",
      actorId: "u-alex",
      actorLabel: "Alex Morgan",
      data: { customerId: created.id, name: "Fabrikam Inc", contactEmail: FABRIKAM.contactEmail },
    });
  });

  it("refuses a name already taken, whatever its case, and changes nothing", async () => {
    const before = await t.db.customer.count();
    for (const name of ["Fabrikam Inc", "FABRIKAM INC"]) {
      const again = await createCustomer(t.db, ADMIN, { ...FABRIKAM, name }, now);
      expect(again).toEqual({
        ok: false,
        error: {
          code: "invalid",
          message: "There is already a customer named Fabrikam Inc: issue its keys from the list.",
        },
      });
    }
    expect(await t.db.customer.count()).toBe(before);
    expect(await t.db.event.count({ where: { kind: "customer.created" } })).toBe(1);
  });

  it("two admins adding one name at once end with one customer and one event", async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() => createCustomer(t.db, ADMIN, { ...FABRIKAM, name: "Litware" }, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      "invalid",
      "invalid",
    ]);
    expect(await t.db.customer.count({ where: { name: "Litware" } })).toBe(1);
    const events = await t.db.event.findMany({ where: { kind: "customer.created" } });
    expect(events.filter((e) => JSON.stringify(e.data).includes("Litware"))).toHaveLength(1);
  });

  it("the phone is optional; a blank one is stored as none", async () => {
    const { id } = ok(
      await createCustomer(
        t.db,
        ADMIN,
        {
          name: "Proseware",
          contactName: "Kim",
          contactEmail: "k@proseware.example",
          contactPhone: "  ",
        },
        now,
      ),
    );
    expect((await t.db.customer.findUniqueOrThrow({ where: { id } })).contactPhone).toBeNull();
  });

  it("the list counts each customer's jobs and live keys only", async () => {
    const { id } = ok(
      await createCustomer(
        t.db,
        ADMIN,
        { name: "Adventure Works", contactName: "Lee", contactEmail: "lee@aw.example" },
        now,
      ),
    );
    for (const name of ["job-1", "job-2"]) {
      await t.db.job.create({
        data: { customerId: id, name, type: "Import", storageAccount: "awstore" },
      });
    }
    const live = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "CI", customerId: id }, now),
    );
    const old = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "old", customerId: id }, now),
    );
    ok(await revokeApiKey(t.db, ADMIN, old.id, now));
    expect(live.id).not.toBe(old.id);

    const list = await listCustomers(t.db);
    expect(list.map((c) => c.name)).toEqual([
      "Adventure Works",
      "Fabrikam Inc",
      "Litware",
      "Proseware",
    ]);
    expect(list[0]).toEqual({
      id,
      name: "Adventure Works",
      contactName: "Lee",
      contactEmail: "lee@aw.example",
      contactPhone: null,
      jobs: 2,
      activeApiKeys: 1,
    });
    expect(list[1]).toMatchObject({ name: "Fabrikam Inc", jobs: 0, activeApiKeys: 0 });
  });
});
