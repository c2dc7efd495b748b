/**
 * Datacenter sites (Azure's Locations): what admins do with them, and what a job's `location`
 * gets from them through the Job API (its shippingInformation), on both path styles.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { dispatch } from "@/test/app-routes.ts";
import { ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { createSite, setSiteActive, updateSite } from "@/lib/server/sites/commands.ts";
import { SiteInput } from "@/lib/validation/sites.ts";

/** What these tests read of a job or an error (loosely: a refusal has no properties). */
type Answer = {
  location?: string;
  properties: { shippingInformation?: { city: string; recipientName: string } };
  error: { code: string; message: string; target?: string };
};

const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };
const onPostgreSql = it.runIf(inject("databaseKind") === "postgresql");

let t: TestDatabase;
let key: string;
let counter = 0;

const site = (name: string, more: Record<string, string> = {}) =>
  SiteInput.parse({
    name,
    recipientName: "Dockside Receiving",
    streetAddress1: `${++counter} Harbor Road`,
    city: "Santa Clara",
    stateOrProvince: "CA",
    postalCode: "95050",
    countryOrRegion: "USA",
    supportedCarriers: "FedEx",
    ...more,
  });

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const { id } = await t.db.customer.create({
    data: { name: "Contoso", contactName: "Ana", contactEmail: "ops@contoso.example" },
  });
  key = ok(
    await issueApiKey(t.db, ADMIN, { kind: "customer", name: "k", customerId: id }, new Date()),
  ).key;
});
afterAll(() => t.drop());

async function put(name: string, body: Record<string, unknown>, arm?: string) {
  const path = arm
    ? `/subscriptions/sub-1/resourceGroups/${arm}/providers/Microsoft.ImportExport/jobs/${name}?api-version=2021-01-01`
    : `/api/v1/jobs/${name}`;
  const response = await dispatch(
    new Request(`https://dockside.test${path}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Answer };
}

const importJob = (location?: string, serial = `WD-ST${String(++counter).padStart(6, "0")}`) => ({
  ...(location ? { location } : {}),
  properties: { jobType: "Import", storageAccountId: "store", driveList: [{ driveId: serial }] },
});

describe("sites", () => {
  it("an admin adds, changes, closes and reopens a site; each is an event; names stay unique", async () => {
    const now = new Date();
    const { id } = ok(await createSite(t.db, ADMIN, site("North Dock"), now));
    const twin = await createSite(t.db, ADMIN, site("north-dock"), now);
    expect(twin).toMatchObject({ ok: false, error: { code: "invalid" } });
    ok(await updateSite(t.db, ADMIN, id, site("North Dock", { city: "San Jose" }), now));
    ok(await setSiteActive(t.db, ADMIN, id, false, now));
    expect(await setSiteActive(t.db, ADMIN, id, false, now)).toMatchObject({
      ok: false,
      error: { code: "already_done" },
    });
    ok(await setSiteActive(t.db, ADMIN, id, true, now));
    const kinds = (
      await t.db.event.findMany({
        where: { kind: { startsWith: "site." } },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual(["site.created", "site.updated", "site.closed", "site.opened"]);
    expect((await t.db.site.findUniqueOrThrow({ where: { id } })).city).toBe("San Jose");
  });

  it("a job without a location gets the only open site; with two open sites, none", async () => {
    const only = await put("st-only", importJob());
    expect(only.status).toBe(201);
    expect(only.json.location).toBe("North Dock");
    expect(only.json.properties.shippingInformation?.city).toBe("San Jose");
    ok(await createSite(t.db, ADMIN, site("South Dock"), new Date()));
    const none = await put("st-none", importJob());
    expect(none.json.location).toBeUndefined();
    expect(none.json.properties.shippingInformation).toBeUndefined();
  });

  it("a closed site takes no new job, and its jobs keep its address", async () => {
    const made = await put("st-south", importJob("south dock"));
    expect(made.json.location).toBe("South Dock");
    const south = await t.db.site.findUniqueOrThrow({ where: { code: "southdock" } });
    ok(await setSiteActive(t.db, ADMIN, south.id, false, new Date()));
    const refused = await put("st-south-2", importJob("South Dock"));
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/no open datacenter site called South Dock/);
    const kept = await dispatch(
      new Request("https://dockside.test/api/v1/jobs/st-south", {
        headers: { authorization: `Bearer ${key}` },
      }),
    );
    expect(((await kept.json()) as Answer).properties.shippingInformation?.recipientName).toBe(
      "Dockside Receiving",
    );
  });

  it("a job's location cannot change once it exists (409); the same location again is fine", async () => {
    const serial = "WD-ST999999";
    expect((await put("st-move", importJob("North Dock", serial))).status).toBe(201);
    expect((await put("st-move", importJob("northdock", serial))).status).toBe(200);
    const moved = await put("st-move", importJob("South Dock", serial));
    expect(moved.status).toBe(400); // South Dock is closed: no such open site
    ok(await createSite(t.db, ADMIN, site("East Dock"), new Date()));
    const east = await put("st-move", importJob("East Dock", serial));
    expect(east.status).toBe(409);
    expect(east.json.error.message).toMatch(/location cannot change/);
  });

  it("a name in use under one resource group is refused under another (409 Conflict)", async () => {
    expect((await put("st-arm", importJob("North Dock"), "rg-a")).status).toBe(201);
    const other = await put("st-arm", importJob("North Dock"), "rg-b");
    expect(other.status).toBe(409);
    expect(other.json.error).toMatchObject({ code: "Conflict", target: "params.jobName" });
    expect(other.json.error.message).toMatch(/resource group rg-a/);
    const sameGroupOtherCase = await put("st-arm", importJob("North Dock", "WD-ST888888"), "RG-A");
    expect(sameGroupOtherCase.status).toBe(200);
  });

  onPostgreSql("two admins adding the same site at once: one site, one clear refusal", async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() => createSite(t.db, ADMIN, site("Race Dock"), new Date())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ error: { code: "invalid" } });
    }
    expect(await t.db.site.count({ where: { code: "racedock" } })).toBe(1);
  });
});
