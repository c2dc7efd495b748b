import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok, RETURN_ADDRESS, SAM } from "@/test/fixtures.ts";
import {
  createJob,
  faultJob,
  markJobShipping,
  updateJobProperties,
} from "@/lib/server/jobs/commands.ts";
import { done, fail } from "@/lib/server/command.ts";
import { runSqlCommand } from "@/lib/server/sql/transaction.ts";
import { WriteBatch } from "@/lib/server/sql/write-batch.ts";
import {
  claimDeliveries,
  LEASE_MS,
  recordOutcome,
  runDeliveryPass,
  type ClaimedDelivery,
  type Sender,
} from "@/lib/server/notify/worker.ts";

let t: TestDatabase;
let customerId: string;
let customer: Awaited<ReturnType<typeof createCustomer>>["customer"];
let n = 0;
const T0 = new Date("2026-12-02T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

async function newJob(email = "ops@contoso.example") {
  const name = `notify-${++n}`;
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name,
        type: "Import",
        storageAccount: "contosodata",
        drives: [{ serial: `WD-N${n}` }],
        returnAddress: { ...RETURN_ADDRESS, email },
      } as Parameters<typeof createJob>[2],
      T0,
    ),
  );
  return id;
}

const notices = (jobId: string) =>
  t.db.notice.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } });

/** Deliver everything due (fake sender), then the deliveries' state. */
async function drain(send: Sender, now: Date) {
  await runDeliveryPass(t.db, send, () => now);
  return t.db.delivery.findMany({ orderBy: { createdAt: "asc" } });
}

describe("the outbox is written in the command's own transaction", () => {
  it("a state change writes one notice with the job as it stood; a refused command writes none", async () => {
    const jobId = await newJob();
    expect((await notices(jobId)).map((x) => x.toState)).toEqual(["Creating"]);
    // R-J5: no delivery package yet, so Shipping is refused: nothing is written.
    const refused = await markJobShipping(t.db, customer, jobId, at(1000));
    expect(refused.ok).toBe(false);
    expect(await notices(jobId)).toHaveLength(1);
    // An update that keeps the job in Creating (R-J3) is not news.
    ok(
      await updateJobProperties(
        t.db,
        customer,
        jobId,
        { deliveryPackage: { carrierName: "UPS", trackingNumber: `1Z${n}` } },
        at(2000),
      ),
    );
    expect(await notices(jobId)).toHaveLength(1);
    ok(await markJobShipping(t.db, customer, jobId, at(3000)));
    const [, shipping] = await notices(jobId);
    expect(shipping).toMatchObject({
      kind: "job.markShipping",
      fromState: "Creating",
      toState: "Shipping",
    });
    expect((shipping!.job as { customerId: string }).customerId).toBe(customerId);
  });

  it("the dock's SQL path (WriteBatch.events) writes its notices in the same statement, and a rollback none", async () => {
    const jobId = await newJob();
    const event = {
      actor: SAM,
      at: at(5000),
      kind: "incident.opened",
      jobId,
      toState: "Open",
      data: { kind: "ExtraDrive" },
    };
    const refused = await runSqlCommand(t.db, async (tx) => {
      await new WriteBatch(tx).events([event]).flush();
      return fail("refused", "changed my mind");
    });
    expect(refused.ok).toBe(false);
    expect(await notices(jobId)).toHaveLength(1);
    ok(
      await runSqlCommand(t.db, async (tx) => {
        await new WriteBatch(tx)
          .events([event, { ...event, kind: "drive.progress", toState: null }])
          .flush();
        return done(null);
      }),
    );
    const all = await notices(jobId);
    expect(all.map((x) => x.kind)).toEqual(["job.created", "incident.opened"]);
    expect(all[1]!.data).toEqual({ kind: "ExtraDrive" });
  });
});

describe("the delivery worker", () => {
  it("fans a notice out once, sends it, records a contact attempt; a failing receiver is retried with backoff", async () => {
    await drain(async () => ({ ok: true }), at(0)); // earlier tests' notices
    const jobId = await newJob("Pat@Contoso.example");
    const hook = await t.db.webhookSubscription.create({
      data: {
        customerId,
        url: "https://hooks.contoso.example/d",
        events: ["job.state_changed", "drive.faulted"],
        secret: "whsec_x",
      },
    });
    ok(await faultJob(t.db, SAM, jobId, "Stuck at the copy station", at(60_000)));
    let failing = true;
    const sent: string[] = [];
    const send: Sender = async (d) => {
      if (d.channel === "webhook" && failing)
        return { ok: false, error: "HTTP 503 from the receiver" };
      sent.push(`${d.channel}:${d.target}:${d.notice.toState}`);
      return { ok: true };
    };
    let rows = (await drain(send, at(60_000))).filter((d) => d.jobId === jobId);
    expect(rows.map((d) => [d.channel, d.target, d.status]).sort()).toEqual(
      [
        ["email", "pat@contoso.example", "sent"],
        ["email", "pat@contoso.example", "sent"],
        ["webhook", hook.url, "queued"],
        ["webhook", hook.url, "queued"],
      ].sort() as never,
    );
    const wait = rows.find((d) => d.channel === "webhook")!;
    expect(wait.lastError).toBe("HTTP 503 from the receiver");
    expect(wait.attempts).toBe(1);
    const delay = wait.nextAttemptAt.getTime() - at(60_000).getTime();
    expect(delay).toBeGreaterThanOrEqual(15_000);
    expect(delay).toBeLessThanOrEqual(30_000);
    // Not due yet: nothing is tried again.
    expect((await runDeliveryPass(t.db, send, () => at(61_000))).retry).toBe(0);
    failing = false;
    rows = (await drain(send, at(60_000 + 31_000))).filter((d) => d.jobId === jobId);
    expect(rows.every((d) => d.status === "sent")).toBe(true);
    expect(sent.filter((s) => s.startsWith("webhook")).sort()).toEqual([
      `webhook:${hook.url}:Creating`,
      `webhook:${hook.url}:Faulted`,
    ]);
    const contacts = await t.db.contactAttempt.findMany({ where: { jobId } });
    expect(contacts).toHaveLength(2);
    expect(
      contacts.every((c) => c.channel === "email" && c.byUserId === "system" && c.deliveryId),
    ).toBe(true);
    // A later pass sends nothing again.
    expect(await runDeliveryPass(t.db, send, () => at(10 * 60_000))).toMatchObject({
      sent: 0,
      fannedOut: 0,
    });
    await t.db.webhookSubscription.update({ where: { id: hook.id }, data: { deletedAt: at(0) } });
  });

  it("gives up after 24 hours and says why", async () => {
    await drain(async () => ({ ok: true }), at(0));
    const jobId = await newJob();
    const send: Sender = async () => ({ ok: false, error: "connection refused" });
    let now = at(0);
    for (let i = 0; i < 60; i++) {
      await runDeliveryPass(t.db, send, () => now);
      now = new Date(now.getTime() + 60 * 60_000);
    }
    const [d] = await t.db.delivery.findMany({ where: { jobId } });
    expect(d).toMatchObject({ status: "failed", lastError: "connection refused" });
    expect(d!.attempts).toBeGreaterThan(10);
    expect(d!.attempts).toBeLessThan(40);
  });

  it("two workers at once never send one message twice", async () => {
    await drain(async () => ({ ok: true }), at(0));
    for (let i = 0; i < 6; i++) await newJob(`w${i}@contoso.example`);
    const sends = new Map<string, number>();
    const send: Sender = async (d) => {
      sends.set(d.id, (sends.get(d.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true };
    };
    const clock = () => at(0);
    await Promise.all([
      runDeliveryPass(t.db, send, clock, { limit: 4 }),
      runDeliveryPass(t.db, send, clock, { limit: 4 }),
      runDeliveryPass(t.db, send, clock, { limit: 4 }),
    ]);
    await runDeliveryPass(t.db, send, clock);
    expect(sends.size).toBe(6);
    expect([...sends.values()].every((c) => c === 1)).toBe(true);
  });

  it("a worker killed mid-batch loses nothing: its lease expires and another sends it", async () => {
    await drain(async () => ({ ok: true }), at(0));
    const jobId = await newJob("late@contoso.example");
    await runDeliveryPass(
      t.db,
      async () => ({ ok: true }),
      () => at(0),
      { limit: 0 },
    ); // fan out only
    const claimed: ClaimedDelivery[] = await claimDeliveries(t.db, at(0)); // ...and the worker dies
    expect(claimed.map((c) => c.target)).toEqual(["late@contoso.example"]);
    const sent: string[] = [];
    const send: Sender = async (d) => (sent.push(d.id), { ok: true });
    await runDeliveryPass(t.db, send, () => at(LEASE_MS - 1000));
    expect(sent).toEqual([]);
    await runDeliveryPass(t.db, send, () => at(LEASE_MS + 1000));
    expect(sent).toEqual([claimed[0]!.id]);
    // The dead worker's late answer is not recorded over the new holder's.
    expect(
      await recordOutcome(t.db, claimed[0]!, { ok: false, error: "late" }, at(LEASE_MS + 2000)),
    ).toBe("lost");
    expect(await t.db.delivery.findUniqueOrThrow({ where: { id: claimed[0]!.id } })).toMatchObject({
      status: "sent",
      jobId,
    });
  });
});
