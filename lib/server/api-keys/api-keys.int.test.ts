import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate.ts";

let t: TestDatabase;
let customerId: string;
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
const now = new Date("2026-11-25T09:00:00Z");
const withKey = (key: string, header = "authorization") =>
  new Request("http://localhost/api/v1/jobs", {
    headers: { [header]: header === "authorization" ? `Bearer ${key}` : key },
  });

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("API keys", () => {
  it("a customer key is shown once, stored only hashed, and acts for its customer", async () => {
    const issued = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "Contoso CI", customerId }, now),
    );
    expect(issued.key).toMatch(/^dsk_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { id: issued.id } });
    expect(JSON.stringify(row)).not.toContain(issued.key.slice(15));
    const events = await t.db.event.findMany({ where: { kind: "apiKey.issued" } });
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(issued.key.slice(15));

    const caller = await authenticateApiKey(t.db, withKey(issued.key), "customer", now);
    expect(caller).toEqual({
      ok: true,
      actor: { type: "apiKey", id: issued.id, label: "Contoso CI", customerId },
    });
    const viaHeader = await authenticateApiKey(
      t.db,
      withKey(issued.key, "x-api-key"),
      "customer",
      now,
    );
    expect(viaHeader.ok).toBe(true);
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toEqual(
      now,
    );
  });

  it("a station key cannot call customer routes, nor a customer key station routes", async () => {
    const station = ok(await issueApiKey(t.db, ADMIN, { kind: "station", name: "CS-02" }, now));
    const customer = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "C2", customerId }, now),
    );
    expect(await authenticateApiKey(t.db, withKey(station.key), "customer", now)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await authenticateApiKey(t.db, withKey(customer.key), "station", now)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await authenticateApiKey(t.db, withKey(station.key), "station", now)).toMatchObject({
      ok: true,
      actor: { type: "station", id: station.id, label: "CS-02" },
    });
  });

  it("a wrong, malformed, missing or revoked key is refused the same way", async () => {
    const issued = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "to revoke", customerId }, now),
    );
    const tampered = `${issued.key.slice(0, -1)}${issued.key.endsWith("A") ? "B" : "A"}`;
    for (const request of [
      withKey(tampered),
      withKey("dsk_nope"),
      new Request("http://localhost/api/v1/jobs"),
    ]) {
      expect(await authenticateApiKey(t.db, request, "customer", now)).toMatchObject({
        ok: false,
        status: 401,
      });
    }
    ok(await revokeApiKey(t.db, ADMIN, issued.id, now));
    expect(await authenticateApiKey(t.db, withKey(issued.key), "customer", now)).toMatchObject({
      ok: false,
      status: 401,
    });
    const again = await revokeApiKey(t.db, ADMIN, issued.id, now);
    expect(again).toMatchObject({ ok: false, error: { code: "already_done" } });
    expect(await t.db.event.count({ where: { kind: "apiKey.revoked" } })).toBe(1);
  });

  it("refuses a customer key without a customer, and a station key with one", async () => {
    expect(await issueApiKey(t.db, ADMIN, { kind: "customer", name: "x" }, now)).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
    expect(
      await issueApiKey(t.db, ADMIN, { kind: "station", name: "x", customerId }, now),
    ).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: " ", customerId }, now),
    ).toMatchObject({ ok: false, error: { code: "invalid" } });
  });
});
