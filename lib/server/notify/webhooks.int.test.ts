import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok, RETURN_ADDRESS } from "@/test/fixtures.ts";
import { createJob, faultJob } from "@/lib/server/jobs/commands.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { SAM } from "@/test/fixtures.ts";
import type { NotifyConfig } from "@/lib/server/notify/config.ts";
import { realSender } from "@/lib/server/notify/send.ts";
import { runDeliveryPass } from "@/lib/server/notify/worker.ts";
import { postWebhook } from "@/lib/server/notify/webhook-send.ts";
import { verifySignature } from "@/lib/server/notify/webhook-signature.ts";
import {
  createWebhook,
  deleteWebhook,
  testWebhook,
  webhookWithLog,
} from "@/lib/server/notify/webhook-commands.ts";

let t: TestDatabase;
let customerId: string;
let customer: Extract<ActorRef, { type: "apiKey" }>;
let receiver: Server;
const PORT = 2512;
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let answer = 200;

const config = (over: Partial<NotifyConfig> = {}): NotifyConfig => ({
  smtpUrl: null,
  mailFrom: "Dockside <ops@dockside.test>",
  allowPrivateAddresses: true,
  allowHttp: true,
  enabled: true,
  intervalMs: 1000,
  leaseMs: 120_000,
  publicUrl: null,
  ...over,
});
const strict = config({ allowPrivateAddresses: false, allowHttp: false });

beforeAll(async () => {
  t = await freshDatabase();
  const c = await createCustomer(t.db);
  customerId = c.customerId;
  customer = c.customer as Extract<ActorRef, { type: "apiKey" }>;
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      if (answer === 302) res.setHeader("location", "http://127.0.0.1:1/");
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(PORT, "127.0.0.1", () => r()));
});
afterAll(async () => {
  await new Promise<void>((r) => receiver.close(() => r()));
  await t.drop();
});

describe("webhook subscriptions and their SSRF policy", () => {
  it("refuses http, credentials and private, loopback, link-local addresses unless allowed", async () => {
    const now = new Date();
    for (const url of [
      "http://hooks.contoso.example/x",
      "https://user:pw@hooks.contoso.example/x",
      "https://127.0.0.1/x",
      "https://[::1]/x",
      "https://169.254.169.254/latest",
      "https://10.1.2.3/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://localhost/x",
      "not a url",
    ]) {
      const r = await createWebhook(
        t.db,
        customer,
        { url, events: ["job.state_changed"] },
        strict,
        now,
      );
      expect(r.ok, url).toBe(false);
    }
    expect(await t.db.webhookSubscription.count()).toBe(0);
  });

  it("checks the address at connection time: a name that resolves to loopback (this machine's own name, as /etc/hosts has it) is refused", async () => {
    received.length = 0;
    const out = await postWebhook(
      `http://${hostname()}:${PORT}/hook`,
      "{}",
      {},
      { allowPrivateAddresses: false, allowHttp: true },
    );
    expect(out).toEqual({
      ok: false,
      error: expect.stringMatching(/private, loopback or link-local/),
    });
    expect(received).toHaveLength(0);
  });

  it("does not follow redirects", async () => {
    answer = 302;
    const out = await postWebhook(`http://127.0.0.1:${PORT}/hook`, "{}", {}, config());
    answer = 200;
    expect(out).toEqual({ ok: false, error: "HTTP 302: redirects are not followed." });
  });
});

describe("webhook deliveries", () => {
  it("signs each delivery; the receiver verifies it and gets every event once by id; a repeat POST makes no second subscription", async () => {
    const now = new Date();
    const url = `http://127.0.0.1:${PORT}/hook`;
    const created = ok(
      await createWebhook(t.db, customer, { url, events: ["job.state_changed"] }, config(), now),
    );
    expect(created.created).toBe(true);
    expect(created.secret).toMatch(/^whsec_/);
    const again = ok(
      await createWebhook(
        t.db,
        customer,
        { url, events: ["job.state_changed", "drive.faulted"] },
        config(),
        now,
      ),
    );
    expect(again).toMatchObject({
      created: false,
      secret: null,
      webhook: { id: created.webhook.id },
    });

    received.length = 0;
    const { id: jobId } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: "hooked",
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "WD-H1" }],
          returnAddress: RETURN_ADDRESS,
        } as Parameters<typeof createJob>[2],
        now,
      ),
    );
    ok(await faultJob(t.db, SAM, jobId, "internal note: shelf 4", now));
    const send = realSender(t.db, config());
    await runDeliveryPass(t.db, send);
    ok(await testWebhook(t.db, customer, created.webhook.id, new Date()));
    await runDeliveryPass(t.db, send);

    const bodies = received.map((r) => {
      const header = r.headers["dockside-signature"] as string;
      expect(verifySignature(header, r.body, created.secret!, Math.floor(Date.now() / 1000))).toBe(
        true,
      );
      const body = JSON.parse(r.body) as {
        id: string;
        type: string;
        data: { state?: string; job?: { name: string } };
      };
      expect(r.headers["x-dockside-event"]).toBe(body.id);
      expect(r.headers["x-dockside-delivery"]).toBeTruthy();
      return body;
    });
    expect(bodies.map((b) => [b.type, b.data.state ?? null])).toEqual([
      ["job.state_changed", "Creating"],
      ["job.state_changed", "Faulted"],
      ["webhook.test", null],
    ]);
    expect(bodies[0]!.data.job!.name).toBe("hooked");
    expect(received.map((r) => r.body).join()).not.toContain("shelf 4");

    const log = await webhookWithLog(t.db, customerId, created.webhook.id);
    expect(log!.deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    ok(await deleteWebhook(t.db, customer, created.webhook.id, new Date()));
    ok(await deleteWebhook(t.db, customer, created.webhook.id, new Date()));
    expect(await webhookWithLog(t.db, customerId, created.webhook.id)).toBeNull();
  });

  it("a receiver that answers 500 is tried again later, with the same event id", async () => {
    const url = `http://127.0.0.1:${PORT}/flaky`;
    const sub = ok(
      await createWebhook(
        t.db,
        customer,
        { url, events: ["job.state_changed"] },
        config(),
        new Date(),
      ),
    );
    received.length = 0;
    answer = 500;
    const { id: jobId } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: "flaky",
          type: "Import",
          storageAccount: "s",
          drives: [{ serial: "WD-H2" }],
        } as Parameters<typeof createJob>[2],
        new Date(),
      ),
    );
    const send = realSender(t.db, config());
    await runDeliveryPass(t.db, send);
    const [d] = await t.db.delivery.findMany({ where: { jobId, channel: "webhook" } });
    expect(d).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "HTTP 500 from the receiver.",
    });
    answer = 200;
    await runDeliveryPass(t.db, send, () => new Date(Date.now() + 60_000));
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[0]!.body).id).toBe(JSON.parse(received[1]!.body).id);
    expect((await t.db.delivery.findUniqueOrThrow({ where: { id: d!.id } })).status).toBe("sent");
    ok(await deleteWebhook(t.db, customer, sub.webhook.id, new Date()));
  });
});
