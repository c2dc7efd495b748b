import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { startMailCatcher, type CaughtMail } from "../lib/mail-catcher/catcher.ts";
import { verifySignature } from "../lib/server/notify/webhook-signature.ts";
import { realDeps, runCopyStations } from "../lib/simulator/copy-station.ts";
import {
  DEMO_CUSTOMER_KEY,
  DEMO_STATION_KEY,
  fedexTrackingNumber,
  seededRandom,
} from "../prisma/demo-data.ts";
import { scan, scanField } from "./dock-support";
import { apiSignIn, databaseUrl, onServer, root, startInstance, type Instance } from "./instances";
import { DEMO, signIn } from "./support";

// Issue 12, end to end: Dockside's own `next start` (with its delivery worker) on a database of
// this spec's own, a mail catcher and a webhook receiver started here. A customer's job moves
// through its states by the real API, the real dock page and the copy stations; a package goes
// missing (R-E2); the server is killed in the middle of a delivery and another one takes over.
// Each mail must arrive in the job's language with its deadline, and each event must reach the
// receiver, signed, once after dropping repeats by id. Needs TEST_POSTGRES_URL (as CI sets):
// the instance is killed with SIGKILL, which the embedded database's single session would not
// survive.

const SERVER = process.env.TEST_POSTGRES_URL;
const PORT = Number(process.env.E2E_PORT ?? 3100) + 17;
const BASE = `http://127.0.0.1:${PORT}`;
const DAY = 86_400_000;

test.use({ baseURL: BASE });

type Received = { headers: IncomingMessage["headers"]; body: string; at: number };
type Hook = {
  id: string;
  type: string;
  createdAt: string;
  data: { previousState?: string; state?: string; errorEvent?: string; jobName: string | null };
};

test.describe("customers hear from us: email and signed webhooks", () => {
  test.skip(!SERVER, "needs TEST_POSTGRES_URL (a PostgreSQL server whose role may CREATEDB)");
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  const dbName = `e2e_notify_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const mailDir = path.join(root, ".data", `e2e-mail-${dbName}`);
  let url = "";
  let instance: Instance | undefined;
  let receiver: Server;
  let receiverUrl = "";
  let closeCatcher: () => Promise<void> = async () => {};
  let secret = "";
  const mails: CaughtMail[] = [];
  const received: Received[] = [];
  /** While set, the receiver answers nothing to the next request and calls this instead. */
  let hangNext: ((r: Received) => void) | null = null;
  const hung: ServerResponse[] = [];

  const settings = (smtpPort: number) => ({
    NEXTAUTH_URL: BASE,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Dockside operations <operations@dockside.test>",
    DOCKSIDE_MAIL_CATCHER_DIR: mailDir,
    DOCKSIDE_WEBHOOK_ALLOW_PRIVATE: "1",
    DOCKSIDE_WEBHOOK_ALLOW_HTTP: "1",
    DOCKSIDE_NOTIFY_INTERVAL_MS: "300",
    DOCKSIDE_NOTIFY_LEASE_MS: "4000",
  });
  let env: Record<string, string> = {};

  const db = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const customer = () =>
    request.newContext({
      baseURL: BASE,
      extraHTTPHeaders: { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` },
    });

  /** The webhook bodies this receiver got for a job, each checked against its signature. */
  const hooksOf = (jobName: string): Hook[] =>
    received
      .map((r) => {
        const header = r.headers["dockside-signature"];
        expect(typeof header).toBe("string");
        expect(verifySignature(header as string, r.body, secret, Math.floor(r.at / 1000))).toBe(
          true,
        );
        const body = JSON.parse(r.body) as Hook;
        expect(r.headers["x-dockside-event"]).toBe(body.id);
        return body;
      })
      .filter((b) => b.data.jobName === jobName);
  /** Repeats dropped by the event id, as the receiver is asked to do. */
  const once = (hooks: Hook[]) => [...new Map(hooks.map((h) => [h.id, h])).values()];
  const mailsTo = (address: string) => {
    const byId = new Map<string, CaughtMail>();
    for (const m of mails) if (m.to.includes(address)) byId.set(m.messageId ?? m.receivedAt, m);
    return [...byId.values()];
  };

  /** The job's notices (the events the customer hears of), in order. */
  const noticesOf = (jobId: string) =>
    db<{ id: string; kind: string; toState: string | null }>(
      `SELECT id, kind, "toState" FROM "Notice" WHERE "jobId" = $1 ORDER BY seq`,
      [jobId],
    );
  const allSent = async (jobId: string) =>
    (
      await db<{ open: number }>(
        `SELECT count(*)::int AS open FROM "Delivery" WHERE "jobId" = $1 AND status <> 'sent'`,
        [jobId],
      )
    )[0]!.open === 0 &&
    (
      await db<{ unfanned: number }>(
        `SELECT count(*)::int AS unfanned FROM "Notice" WHERE "jobId" = $1 AND "fannedOutAt" IS NULL`,
        [jobId],
      )
    )[0]!.unfanned === 0;

  async function putJob(
    client: APIRequestContext,
    what: string,
    extra: Record<string, unknown>,
    email: string,
  ) {
    const name = `e2e-notify-${what}-${Date.now().toString(36)}`;
    const serials = [0, 1].map((i) => `NTF${what}${Date.now().toString(36)}${i}`.toUpperCase());
    const trackingNumber = fedexTrackingNumber(seededRandom(Date.now() % 2 ** 31));
    const put = await client.put(`/api/v1/jobs/${name}`, {
      data: {
        properties: {
          jobType: "Import",
          storageAccountId: "contosonotify",
          driveList: serials.map((driveId) => ({ driveId })),
          returnAddress: {
            recipientName: "Claire Dubois",
            streetAddress1: "12 rue des Docks",
            city: "Lyon",
            postalCode: "69002",
            countryOrRegion: "FR",
            phone: "+33 4 72 00 00 00",
            email,
          },
          returnShipping: { carrierName: "UPS", carrierAccountNumber: "A1B2C3" },
          deliveryPackage: {
            carrierName: "FedEx",
            trackingNumber,
            driveCount: serials.length,
            shipDate: new Date().toISOString().slice(0, 10),
          },
          ...extra,
        },
      },
    });
    expect(put.status(), await put.text()).toBe(201);
    const [row] = await db<{ id: string }>(`SELECT id FROM "Job" WHERE name = $1`, [name]);
    return { id: row!.id, name, serials, trackingNumber };
  }

  async function ship(client: APIRequestContext, name: string) {
    const r = await client.patch(`/api/v1/jobs/${name}`, {
      data: { properties: { state: "Shipping" } },
    });
    expect(r.status(), await r.text()).toBe(200);
  }

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await onServer(SERVER!, `CREATE DATABASE "${dbName}"`);
    url = databaseUrl(SERVER!, dbName);
    const run = (args: string[]) =>
      execFileSync(args[0]!, args.slice(1), {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: "pipe",
      });
    run([path.join(root, "node_modules/.bin/prisma"), "migrate", "deploy"]);
    run([path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", "prisma/seed.ts"]);

    const catcher = await startMailCatcher({
      port: 0,
      dir: mailDir,
      onMail: (m) => mails.push(m),
    });
    closeCatcher = catcher.close;
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const r = { headers: req.headers, body, at: Date.now() };
        received.push(r);
        const hang = hangNext;
        if (hang) {
          hangNext = null;
          hung.push(res);
          hang(r);
          return;
        }
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
    const address = receiver.address();
    receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
    env = settings(catcher.port);
    instance = await startInstance(url, { port: PORT, env });
  });

  test.afterAll(async () => {
    instance?.process.kill("SIGTERM");
    for (const r of hung) r.destroy();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await closeCatcher();
    rmSync(mailDir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
    if (SERVER) await onServer(SERVER, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  test("a job's every state reaches its customer: emails in French, and signed webhooks once each", async ({
    page,
  }) => {
    const client = await customer();
    const hook = await client.post("/api/v1/webhooks", {
      data: { url: receiverUrl, events: ["job.state_changed", "job.error_event", "drive.faulted"] },
    });
    expect(hook.status(), await hook.text()).toBe(201);
    secret = ((await hook.json()) as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);

    const to = "claire.dubois@contoso.example";
    const job = await putJob(
      client,
      "fr",
      { notificationEmails: [to], notificationLanguage: "fr" },
      "returns@contoso.example",
    );
    await ship(client, job.name);

    // The operator receives the package and its drives on the dock page, keyboard only.
    await signIn(page, DEMO.operator);
    await page.goto("/dock");
    await expect(scanField(page, "Scan the package label")).toBeFocused();
    await scan(page, job.trackingNumber);
    await expect(scanField(page, "Scan a drive")).toBeFocused();
    for (const serial of job.serials) {
      await scan(page, serial);
      await expect(page.getByText(`Received: ${serial}`, { exact: true })).toBeVisible();
    }

    // The copy stations copy both drives: Transferring, then Packaging (R-J8, R-J9).
    const copied = await runCopyStations(
      {
        baseUrl: BASE,
        key: DEMO_STATION_KEY,
        stations: 2,
        speed: 20,
        errorRate: 0,
        once: true,
        seed: 12,
        resume: false,
        jobName: job.name,
      },
      { ...realDeps(), log: () => {} },
    );
    expect(copied.jobsPackaging).toEqual([job.name]);

    // Wait for the five state changes' notices, all fanned out and every delivery sent.
    await expect
      .poll(async () => (await noticesOf(job.id)).length === 5 && (await allSent(job.id)), {
        timeout: 60_000,
      })
      .toBe(true);
    const notices = await noticesOf(job.id);
    const states = notices.map((n) => n.toState);
    expect(states).toEqual(["Creating", "Shipping", "Received", "Transferring", "Packaging"]);

    // Webhooks: each event once (no repeats even before dropping by id: nothing failed), signed.
    // A notice's deliveries are fanned out after the notice is written: wait for the fifth to land.
    await expect.poll(() => once(hooksOf(job.name)).length, { timeout: 60_000 }).toBe(5);
    const hooks = hooksOf(job.name);
    expect(once(hooks).map((h) => h.id)).toEqual(notices.map((n) => n.id));
    expect(hooks.map((h) => [h.type, h.data.state])).toEqual(
      states.map((s) => ["job.state_changed", s]),
    );

    // Emails: one per event, to the notification address only, in French, with the rules' deadline.
    const inbox = mailsTo(to);
    expect(inbox).toHaveLength(notices.length);
    expect(mails.filter((m) => m.to.includes("returns@contoso.example"))).toHaveLength(0);
    // The French names of the states, as the customer's status page says them.
    const FR: Record<string, string> = {
      Creating: "Création",
      Shipping: "Expédition",
      Received: "Reçu",
      Transferring: "Transfert",
      Packaging: "Emballage",
    };
    for (const state of states) {
      const mail = inbox.find((m) => m.subject.endsWith(` désormais ${FR[state!]}`));
      expect(mail, `a mail about ${state}`).toBeDefined();
      expect(mail!.subject).toContain(`travail «\u00a0${job.name}\u00a0»`);
      expect(mail!.text).toContain("Bonjour,");
      expect(mail!.text).toContain(`Votre travail «\u00a0${job.name}\u00a0»`);
      expect(mail!.html).toContain('lang="fr"');
      expect(mail!.text).not.toMatch(/BitLocker|Ana Ruiz/);
    }
    const [creating] = await db<{ at: string }>(
      `SELECT at::text FROM "Event" WHERE "jobId" = $1 AND "toState" = 'Creating'`,
      [job.id],
    );
    const expires = new Date(new Date(`${creating!.at.replace(" ", "T")}Z`).getTime() + 14 * DAY);
    const frenchDay = new Intl.DateTimeFormat("fr-FR", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(expires);
    const creatingMail = inbox.find((m) => m.subject.endsWith(" désormais Création"))!;
    expect(creatingMail.text).toContain("Échéance");
    expect(creatingMail.text).toContain(frenchDay);

    // Each sent email is a contact attempt on the job ("Told by automatic email").
    const [contacts] = await db<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ContactAttempt" WHERE "jobId" = $1 AND result = 'notified'`,
      [job.id],
    );
    expect(contacts!.n).toBe(notices.length);

    // A supervisor sees every message on the job's page; an admin reads the caught mail.
    await page.context().clearCookies();
    await signIn(page, DEMO.supervisor);
    await page.goto(`/jobs/${job.id}`);
    const messages = page.getByRole("region", { name: /Messages to the customer/ });
    await expect(messages.getByRole("heading", { level: 2 })).toContainText(
      `(${notices.length * 2})`,
    );
    await expect(messages.getByRole("row").filter({ hasText: `Email: ${to}` })).toHaveCount(
      notices.length,
    );
    await expect(messages.getByRole("row").filter({ hasText: "Sent" })).toHaveCount(
      notices.length * 2,
    );
    await page.context().clearCookies();
    await signIn(page, DEMO.admin);
    await page.goto("/admin/mail");
    await expect(page.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible();
    await expect(
      page
        .getByRole("list", { name: "Caught mails" })
        .getByRole("listitem")
        .filter({ hasText: "désormais Emballage" })
        .filter({ hasText: job.name }),
    ).toHaveCount(1);

    // The admin's webhooks page: Contoso's subscription, its deliveries, a test event sent by staff.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Webhooks" })
      .click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await page
      .getByRole("table", { name: "Webhook subscriptions" })
      .getByRole("link", { name: receiverUrl })
      .click();
    await expect(
      page.getByRole("heading", { name: "Webhook of Contoso Ltd", level: 1 }),
    ).toBeVisible();
    const log = page.getByRole("table", { name: "Latest deliveries, newest first" });
    const stateRows = log.getByRole("row").filter({ hasText: "job.state_changed" });
    await expect(stateRows).toHaveCount(notices.length);
    await expect(stateRows.filter({ hasText: "Sent" })).toHaveCount(notices.length);
    expect(await page.content()).not.toContain(secret);
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Test event .+ queued/ }),
    ).toBeVisible();
    await expect
      .poll(
        () => received.filter((r) => (JSON.parse(r.body) as Hook).type === "webhook.test").length,
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await client.dispose();
  });

  test("R-E2: a package missing for 14 days is told by email in English, with the day the job closes without an answer", async ({
    page,
  }) => {
    const client = await customer();
    const to = "dana.whitfield@contoso.example";
    const job = await putJob(client, "en", {}, to);
    await ship(client, job.name);

    // Fifteen days on, the sweep opens the package-overdue incident (R-J6, R-E2).
    const supervisor = await request.newContext({ baseURL: BASE });
    expect(
      await apiSignIn(supervisor, instance!, DEMO.supervisor.email, DEMO.supervisor.password),
    ).toBe(true);
    const sweep = await supervisor.post("/api/test/clock", {
      data: { now: new Date(Date.now() + 15 * DAY).toISOString() },
      headers: { origin: BASE },
    });
    expect(sweep.status(), await sweep.text()).toBe(200);
    const [incident] = await db<{ id: string; answerDeadline: string }>(
      `SELECT id, "answerDeadline"::text AS "answerDeadline" FROM "Incident"
        WHERE "jobId" = $1 AND kind = 'PackageOverdue' AND status = 'Open'`,
      [job.id],
    );
    expect(incident, "the sweep opened an R-E2 incident").toBeDefined();

    await expect.poll(() => allSent(job.id), { timeout: 60_000 }).toBe(true);
    const overdue = mailsTo(to).find((m) => m.subject.includes("your package has not reached us"));
    expect(overdue, "the overdue mail").toBeDefined();
    expect(overdue!.subject).toBe(`Dockside: job “${job.name}”: your package has not reached us`);
    expect(overdue!.text).toContain("Hello,");
    expect(overdue!.text).toContain("Please tell us whether to keep waiting");
    expect(overdue!.text).toContain("Without an answer from you by then, the job is closed.");
    const answerBy = new Date(`${incident!.answerDeadline.replace(" ", "T")}Z`);
    expect(overdue!.text).toContain(
      new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(answerBy),
    );
    const errorHooks = once(hooksOf(job.name)).filter((h) => h.type === "job.error_event");
    expect(errorHooks.map((h) => h.data.errorEvent)).toEqual(["PackageOverdue"]);

    // The incident's page counts the email as a contact attempt.
    await signIn(page, DEMO.supervisor);
    await page.goto(`/incidents/${incident!.id}`);
    await expect(page.getByRole("main")).toContainText("1 attempt");
    await supervisor.dispose();
    await client.dispose();
  });

  test("the server killed in the middle of a delivery: another one sends it, and the receiver drops the repeat by its id", async () => {
    const client = await customer();
    const caught = new Promise<Received>((resolve) => (hangNext = resolve));
    const job = await putJob(client, "kill", {}, "ops-kill@contoso.example");
    // The receiver holds the first request of this job's Creating event open: kill the server then.
    const held = await caught;
    const heldId = (JSON.parse(held.body) as Hook).id;
    instance!.process.kill("SIGKILL");
    await new Promise((r) => instance!.process.once("exit", r));
    instance = await startInstance(url, { port: PORT, env });
    await ship(client, job.name);

    await expect.poll(() => allSent(job.id), { timeout: 90_000 }).toBe(true);
    const notices = await noticesOf(job.id);
    expect(notices.map((n) => n.toState)).toEqual(["Creating", "Shipping"]);
    const hooks = hooksOf(job.name);
    // At least once: the held event came again; after dropping repeats, each event once.
    expect(hooks.filter((h) => h.id === heldId).length).toBeGreaterThanOrEqual(2);
    expect(once(hooks).map((h) => h.id)).toEqual(notices.map((n) => n.id));
    // Every email of the job arrived; a repeat would carry the same Message-ID.
    expect(
      mailsTo("ops-kill@contoso.example")
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      `Dockside: job “${job.name}” is now Creating`,
      `Dockside: job “${job.name}” is now Shipping`,
    ]);
    await client.dispose();
  });
});
