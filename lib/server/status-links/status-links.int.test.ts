import { rereadEnv } from "@/lib/env.ts";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, RETURN_ADDRESS, SAM, createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { createJob, markJobShipping } from "@/lib/server/jobs/commands.ts";
import {
  createStatusLink,
  revokeStatusLink,
  rotateStatusLink,
} from "@/lib/server/status-links/commands.ts";
import { activeStatusLink, statusPageForToken } from "@/lib/server/status-links/queries.ts";
import { hashStatusToken } from "@/lib/server/status-links/token.ts";

let t: TestDatabase;
let customer: ActorRef;
let customerId: string;
let n = 0;
const now = new Date("2026-11-02T09:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };

/** Marker strings that must never reach the customer's page. */
const SECRET = {
  bitLockerKey: "BITLOCKER-MARKER-111111-222222-333333",
  manifestHash: "MANIFESTHASH-MARKER-9f8e7d",
  headerHash: "HEADERHASH-MARKER-1a2b3c",
  manifestFile: "MANIFESTFILE-MARKER.xml",
  driveFault: "DRIVEFAULT-MARKER drive head crash",
  jobFault: "JOBFAULT-MARKER customer data mismatch",
  eventNote: "SUPERVISOR-NOTE-MARKER called the customer twice",
  incidentSummary: "INCIDENT-MARKER package seen in Memphis",
  contactOutcome: "CONTACT-MARKER left a voicemail",
  otherJob: "OTHERJOB-MARKER-secret-project",
  storageAccount: "STORAGEACCOUNT-MARKER",
  returnRecipient: "RECIPIENT-MARKER Ana Bowman",
};

async function shippingJob(name = `status-${++n}`) {
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name,
        type: "Import",
        storageAccount: "contosostorage",
        drives: [{ serial: `WD-STATUS${n}A` }, { serial: `WD-STATUS${n}B` }],
        deliveryPackage: { carrierName: "FedEx", trackingNumber: "123456789012" },
        returnAddress: RETURN_ADDRESS,
        logLevel: "Verbose",
      },
      now,
    ),
  );
  ok(await markJobShipping(t.db, customer, id, now));
  return id;
}

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
  await t.db.user.createMany({
    data: [
      {
        id: SAM.id,
        email: "sam@dockside.test",
        name: SAM.label,
        role: "supervisor",
        passwordHash: "x",
      },
      {
        id: ADMIN.id,
        email: "alex@dockside.test",
        name: "Alex Morgan",
        role: "admin",
        passwordHash: "x",
      },
    ],
  });
});
afterAll(() => t.drop());

const eventsOf = (jobId: string) =>
  t.db.event.findMany({
    where: { jobId, kind: { startsWith: "statusLink." } },
    orderBy: { id: "asc" },
  });
const json = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));

describe("status links", () => {
  it("create: a 256-bit token, returned once; only its SHA-256 is stored; one event without either", async () => {
    const jobId = await shippingJob();
    const link = ok(await createStatusLink(t.db, SAM, jobId, now));
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await t.db.statusLink.findMany({ where: { jobId } });
    expect(rows).toMatchObject([
      {
        id: link.linkId,
        tokenHash: hashStatusToken(link.token),
        createdById: SAM.id,
        revokedAt: null,
      },
    ]);
    // The plain token is nowhere in the table, nor in the audit log.
    expect(json(await t.db.statusLink.findMany())).not.toContain(link.token);
    const events = await eventsOf(jobId);
    expect(events).toMatchObject([
      { kind: "statusLink.created", actorId: SAM.id, actorLabel: SAM.label, jobId, at: now },
    ]);
    expect(json(await t.db.event.findMany())).not.toContain(link.token);
    expect(json(events)).not.toContain(hashStatusToken(link.token));

    const view = await statusPageForToken(t.db, link.token, now);
    expect(view).toMatchObject({ state: "Shipping", drives: [{ driveId: `WD-STATUS${n}A` }, {}] });
    expect(await activeStatusLink(t.db, jobId)).toEqual({
      createdAt: now,
      createdByName: SAM.label,
    });
  });

  it("create is refused while the job has an active link, and changes nothing", async () => {
    const jobId = await shippingJob();
    ok(await createStatusLink(t.db, SAM, jobId, now));
    const again = await createStatusLink(t.db, SAM, jobId, later(1));
    expect(again).toMatchObject({ ok: false, error: { code: "already_done" } });
    expect(await t.db.statusLink.count({ where: { jobId } })).toBe(1);
    expect(await eventsOf(jobId)).toHaveLength(1);
  });

  it("two supervisors creating at the same moment end with one active link", async () => {
    const jobId = await shippingJob();
    const results = await Promise.all([
      createStatusLink(t.db, SAM, jobId, now),
      createStatusLink(t.db, ADMIN, jobId, now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.db.statusLink.count({ where: { jobId, revokedAt: null } })).toBe(1);
    expect(await eventsOf(jobId)).toHaveLength(1);
  });

  it("rotate: the old token finds nothing, the new one does; one transaction, one event", async () => {
    const jobId = await shippingJob();
    const first = ok(await createStatusLink(t.db, SAM, jobId, now));
    const second = ok(await rotateStatusLink(t.db, ADMIN, jobId, later(5)));
    expect(second.token).not.toBe(first.token);
    expect(await statusPageForToken(t.db, first.token, later(6))).toBeNull();
    expect(await statusPageForToken(t.db, second.token, later(6))).not.toBeNull();

    const rows = await t.db.statusLink.findMany({
      where: { jobId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.id, r.revokedAt])).toEqual([
      [first.linkId, later(5)],
      [second.linkId, null],
    ]);
    const events = await eventsOf(jobId);
    expect(events.map((e) => e.kind)).toEqual(["statusLink.created", "statusLink.rotated"]);
    expect(events[1]).toMatchObject({
      actorLabel: "Alex Morgan",
      data: { linkId: second.linkId, revokedLinkIds: [first.linkId] },
    });
    expect(json(events)).not.toContain(second.token);
    expect(json(events)).not.toContain(hashStatusToken(second.token));
    expect(await activeStatusLink(t.db, jobId)).toEqual({
      createdAt: later(5),
      createdByName: "Alex Morgan",
    });
  });

  it("rotate is refused when there is no active link", async () => {
    const jobId = await shippingJob();
    expect(await rotateStatusLink(t.db, SAM, jobId, now)).toMatchObject({
      ok: false,
      error: { code: "refused" },
    });
    expect(await t.db.statusLink.count({ where: { jobId } })).toBe(0);
  });

  it("revoke: the token finds nothing any more; a second revoke is already done", async () => {
    const jobId = await shippingJob();
    const link = ok(await createStatusLink(t.db, SAM, jobId, now));
    expect(ok(await revokeStatusLink(t.db, SAM, jobId, later(1)))).toEqual({ jobId, revoked: 1 });
    expect(await statusPageForToken(t.db, link.token, later(2))).toBeNull();
    expect(await activeStatusLink(t.db, jobId)).toBeNull();
    expect(await revokeStatusLink(t.db, SAM, jobId, later(3))).toMatchObject({
      ok: false,
      error: { code: "already_done" },
    });
    expect((await eventsOf(jobId)).map((e) => e.kind)).toEqual([
      "statusLink.created",
      "statusLink.revoked",
    ]);
    // After a revoke, a new link may be created.
    const fresh = ok(await createStatusLink(t.db, SAM, jobId, later(4)));
    expect(await statusPageForToken(t.db, fresh.token, later(5))).not.toBeNull();
  });

  it("an operator, a customer's API key and the sweep are refused, and nothing changes", async () => {
    const jobId = await shippingJob();
    const others: ActorRef[] = [ANA, customer, { type: "sweep", label: "sweep" }];
    for (const actor of others) {
      for (const command of [createStatusLink, rotateStatusLink, revokeStatusLink]) {
        expect(await command(t.db, actor, jobId, now)).toMatchObject({
          ok: false,
          error: { code: "forbidden" },
        });
      }
    }
    expect(await t.db.statusLink.count({ where: { jobId } })).toBe(0);
    expect(await eventsOf(jobId)).toHaveLength(0);
  });

  it("an unknown job is not found", async () => {
    const missing = crypto.randomUUID();
    for (const command of [createStatusLink, rotateStatusLink, revokeStatusLink]) {
      expect(await command(t.db, SAM, missing, now)).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
  });

  it("a token of a purged job finds nothing", async () => {
    const jobId = await shippingJob();
    const link = ok(await createStatusLink(t.db, SAM, jobId, now));
    await t.db.job.delete({ where: { id: jobId } });
    expect(await statusPageForToken(t.db, link.token, now)).toBeNull();
  });
});

describe("GET /status/<token> (the route handler, on this test's database)", () => {
  let GET: typeof import("@/app/status/[token]/route.ts").GET;
  let HEAD: typeof import("@/app/status/[token]/route.ts").HEAD;
  let jobId: string;
  let token: string;
  let ip = 0;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    // The route uses the app's own lazy client (lib/server/db.ts): point it at this schema.
    const url = new URL(t.url);
    url.searchParams.set("schema", t.schema);
    process.env.DATABASE_URL = url.toString();
    rereadEnv();
    delete (globalThis as { docksideDb?: unknown }).docksideDb;
    ({ GET, HEAD } = await import("@/app/status/[token]/route.ts"));

    jobId = await shippingJob("status-page-job");
    const drives = await t.db.drive.findMany({ where: { jobId }, orderBy: { serial: "asc" } });
    await t.db.drive.update({
      where: { id: drives[0]!.id },
      data: {
        bitLockerKey: SECRET.bitLockerKey,
        manifestHash: SECRET.manifestHash,
        driveHeaderHash: SECRET.headerHash,
        manifestFile: SECRET.manifestFile,
        faultReason: SECRET.driveFault,
        errorLogUri: "https://logs.example.net/a/error.log",
        verboseLogUri: "https://logs.example.net/a/verbose.log",
      },
    });
    await t.db.job.update({
      where: { id: jobId },
      data: {
        faultReason: SECRET.jobFault,
        storageAccount: SECRET.storageAccount,
        returnAddress: { ...RETURN_ADDRESS, recipientName: SECRET.returnRecipient },
      },
    });
    await t.db.event.create({
      data: {
        at: now,
        actorType: "user",
        actorId: SAM.id,
        actorLabel: SAM.label,
        kind: "job.note",
        jobId,
        fromState: "Shipping",
        toState: "Shipping",
        reason: SECRET.eventNote,
      },
    });
    const incident = await t.db.incident.create({
      data: { kind: "PackageOverdue", jobId, summary: SECRET.incidentSummary, openedAt: now },
    });
    await t.db.contactAttempt.create({
      data: {
        jobId,
        incidentId: incident.id,
        channel: "phone",
        result: "noAnswer",
        outcome: SECRET.contactOutcome,
        byUserId: SAM.id,
      },
    });
    const other = await shippingJob(SECRET.otherJob);
    ok(await createStatusLink(t.db, SAM, other, now));
    token = ok(await createStatusLink(t.db, SAM, jobId, now)).token;
  });
  afterAll(async () => {
    const { db } = await import("@/lib/server/db.ts");
    await db.$disconnect();
    delete (globalThis as { docksideDb?: unknown }).docksideDb;
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    rereadEnv();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") => {
    const request = new Request(`http://localhost/status/${path}`, {
      method,
      // A fresh address per request unless the test sets one: the rate limit is tested on its own.
      headers: { "x-forwarded-for": `198.51.100.${++ip % 250}`, ...headers },
    });
    const tokenPart = decodeURIComponent(new URL(request.url).pathname.split("/")[2] ?? "");
    const context = { params: Promise.resolve({ token: tokenPart }) };
    return method === "HEAD" ? HEAD(request, context) : GET(request, context);
  };

  it("answers the page, private and unindexed, with no script", async () => {
    const res = await get(token);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex, nofollow",
      "referrer-policy": "no-referrer",
    });
    const body = await res.text();
    expect(body).toContain("status-page-job");
    expect(body).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(body).toContain("https://www.fedex.com/fedextrack/?trknbr=123456789012");
    expect(body).toContain("https://logs.example.net/a/verbose.log");
    expect(body).not.toMatch(/<script/i);
  });

  it("R-G4: the page holds no secret: no key, hash, note, fault reason, person or other job", async () => {
    const body = await (await get(token)).text();
    for (const [what, marker] of Object.entries(SECRET)) {
      expect(body, what).not.toContain(marker);
    }
    for (const name of [SAM.label, "Alex Morgan", "Ana Bowman"]) expect(body).not.toContain(name);
    expect(body).not.toContain(token);
    expect(body).not.toContain(jobId);
  });

  it("in French when asked by ?lang=fr or by the browser", async () => {
    const byQuery = await (await get(`${token}?lang=fr`)).text();
    expect(byQuery).toContain('<html lang="fr">');
    expect(byQuery).toContain("État actuel");
    const byBrowser = await get(token, { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" });
    expect(byBrowser.headers.get("content-language")).toBe("fr");
    expect(await byBrowser.text()).toContain("Disques");
  });

  it("HEAD answers the same status and headers without a body", async () => {
    const res = await get(token, {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe("");
  });

  it("a malformed, unknown, revoked or purged token gets the same plain 404", async () => {
    const revokedJob = await shippingJob();
    const revoked = ok(await createStatusLink(t.db, SAM, revokedJob, now)).token;
    ok(await revokeStatusLink(t.db, SAM, revokedJob, now));
    const purgedJob = await shippingJob();
    const purged = ok(await createStatusLink(t.db, SAM, purgedJob, now)).token;
    await t.db.job.delete({ where: { id: purgedJob } });

    const unknown = "A".repeat(43);
    const bodies = new Set<string>();
    for (const bad of ["nope", unknown, revoked, purged]) {
      const res = await get(bad);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    const [body] = [...bodies];
    expect(body).toContain("Page not found");
    expect(await (await get(revoked, { "accept-language": "fr" })).text()).toContain(
      "Page introuvable",
    );
  });

  it("limits each address to 60 requests a minute, then 429 with Retry-After", async () => {
    // Behind one proxy of ours (DOCKSIDE_TRUSTED_PROXIES=1): the address it appended counts.
    vi.stubEnv("DOCKSIDE_TRUSTED_PROXIES", "1");
    rereadEnv();
    onTestFinished(() => {
      vi.unstubAllEnvs();
      rereadEnv();
    });
    const from = { "x-forwarded-for": "198.51.100.1, 203.0.113.99" };
    for (let i = 0; i < 60; i++) expect((await get("malformed", from)).status).toBe(404);
    const refused = await get(token, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many requests");
    // Another address is not affected.
    expect((await get(token, { "x-forwarded-for": "198.51.100.1, 203.0.113.100" })).status).toBe(
      200,
    );
  });
});
