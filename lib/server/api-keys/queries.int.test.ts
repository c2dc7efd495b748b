import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate.ts";
import { listApiKeys } from "@/lib/server/api-keys/queries.ts";

let t: TestDatabase;
let customerId: string;
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
const MINUTE = 60_000;
const t0 = new Date("2026-11-25T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("the API keys page's listing", () => {
  it("never carries a key or its hash; revoked keys stay listed as revoked, live ones first", async () => {
    const first = ok(
      await issueApiKey(t.db, ADMIN, { kind: "customer", name: "Contoso CI", customerId }, at(0)),
    );
    const second = ok(
      await issueApiKey(
        t.db,
        ADMIN,
        { kind: "customer", name: "Contoso backup", customerId },
        at(1),
      ),
    );
    const station = ok(await issueApiKey(t.db, ADMIN, { kind: "station", name: "CS-02" }, at(2)));
    ok(await revokeApiKey(t.db, ADMIN, first.id, at(3)));
    const used = await authenticateApiKey(
      t.db,
      new Request("http://localhost/api/v1/jobs", {
        headers: { authorization: `Bearer ${second.key}` },
      }),
      "customer",
      at(4),
    );
    expect(used.ok).toBe(true);

    const lists = await listApiKeys(t.db);
    const text = JSON.stringify(lists);
    const hashes = await t.db.apiKey.findMany({ select: { keyHash: true } });
    expect(hashes).toHaveLength(3);
    for (const { keyHash } of hashes) expect(text).not.toContain(keyHash);
    for (const { key } of [first, second, station]) expect(text).not.toContain(key.slice(15));
    for (const row of [...lists.customer, ...lists.station]) {
      expect(Object.keys(row).sort()).toEqual(
        ["createdAt", "customer", "id", "kind", "lastUsedAt", "name", "prefix", "revokedAt"].sort(),
      );
    }

    expect(lists.customer).toEqual([
      {
        id: second.id,
        kind: "customer",
        name: "Contoso backup",
        prefix: second.prefix,
        customer: { id: customerId, name: "Contoso" },
        createdAt: at(1),
        lastUsedAt: at(4),
        revokedAt: null,
      },
      {
        id: first.id,
        kind: "customer",
        name: "Contoso CI",
        prefix: first.prefix,
        customer: { id: customerId, name: "Contoso" },
        createdAt: at(0),
        lastUsedAt: null,
        revokedAt: at(3),
      },
    ]);
    expect(lists.station).toEqual([
      {
        id: station.id,
        kind: "station",
        name: "CS-02",
        prefix: station.prefix,
        customer: null,
        createdAt: at(2),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
  });
});
