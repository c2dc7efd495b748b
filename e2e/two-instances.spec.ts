import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, test } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { apiSignIn as signIn, root, startInstance, type Instance } from "./instances";

// Two `next start` processes of the same build on one PostgreSQL database behave as one Dockside:
// a session made on one works on the other, the sweep runs on one at a time (advisory lock) and
// does each thing once, and the limits are counted once for both. It needs a real PostgreSQL
// (TEST_POSTGRES_URL, as CI sets): the embedded database is one session, where session locks are
// shared by every connection. It makes its own database and drops it after.

const SERVER = process.env.TEST_POSTGRES_URL;
const PASSWORD = "two-instances-pass-1";

test.describe("two instances on one PostgreSQL database", () => {
  test.skip(!SERVER, "needs TEST_POSTGRES_URL (a PostgreSQL server whose role may CREATEDB)");
  test.describe.configure({ timeout: 120_000 });

  const database = `embedded_two_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let url = "";
  let a: Instance;
  let b: Instance;
  const ids = { supervisor: "", dueJob: "" };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await admin(`CREATE DATABASE "${database}"`);
    const u = new URL(SERVER!);
    u.pathname = `/${database}`;
    url = u.toString();
    await seed(url, ids);
    [a, b] = await Promise.all([startInstance(url), startInstance(url)]);
  });

  test.afterAll(async () => {
    for (const i of [a, b]) i?.process.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (SERVER) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  test("a session made on one instance works on the other", async () => {
    const client = await request.newContext();
    expect(await signIn(client, a, "supervisor@two.test", PASSWORD)).toBe(true);
    // Cookies belong to the host, not the port: the same browser would send it to both.
    const session = await client.get(`${b.url}/api/auth/session`);
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(
      "supervisor@two.test",
    );
    const faults = await client.get(`${b.url}/api/faults`);
    expect(faults.status()).toBe(200);
    const page = await client.get(`${b.url}/jobs`, { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    await client.dispose();
  });

  test("the sweep runs on one instance at a time, and does each thing once", async () => {
    const client = await request.newContext();
    expect(await signIn(client, a, "supervisor@two.test", PASSWORD)).toBe(true);
    const now = new Date().toISOString();
    const sweep = (on: Instance) =>
      client
        .post(`${on.url}/api/test/clock`, { data: { now }, headers: { origin: on.url } })
        .then(async (r) => {
          expect(r.status(), await r.text()).toBe(200);
          return (await r.json()) as { ran: boolean; skippedReason?: string; applied: unknown[] };
        });

    // Hold the due job's row for a moment: a's sweep takes the advisory lock, then waits on it.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Job" WHERE id = $1 FOR UPDATE`, [ids.dueJob]);
    const onA = sweep(a);
    await expect
      .poll(async () => (await advisoryLocks(holder)) > 0, { timeout: 10_000 })
      .toBe(true);
    const onB = await sweep(b);
    expect(onB.ran).toBe(false);
    expect(onB.skippedReason).toMatch(/another instance is sweeping/);
    await holder.query("COMMIT");
    await holder.end();
    const first = await onA;
    expect(first.ran).toBe(true);
    expect(first.applied).toHaveLength(1);

    // Now b may sweep: there is nothing left to do.
    const again = await sweep(b);
    expect(again.ran).toBe(true);
    expect(again.applied).toHaveLength(0);
    await client.dispose();
  });

  test("the status page's limit is counted once for both instances", async () => {
    const client = await request.newContext();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await client.get(`${(i % 2 ? b : a).url}/status/no-such-token`)).status());
    expect(statuses.every((s) => s === 404)).toBe(true);
    const over = await client.get(`${b.url}/status/no-such-token`);
    expect(over.status()).toBe(429);
    expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await client.get(`${a.url}/status/no-such-token`)).status()).toBe(429);
    await client.dispose();
  });

  test("wrong passwords on both instances add up to one account lockout", async () => {
    const client = await request.newContext();
    for (let i = 0; i < 10; i++)
      expect(await signIn(client, i % 2 ? b : a, "operator@two.test", "wrong-password")).toBe(
        false,
      );
    expect(await signIn(client, a, "operator@two.test", PASSWORD)).toBe(false);
    expect(await signIn(client, b, "operator@two.test", PASSWORD)).toBe(false);
    await client.dispose();
  });
});

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function advisoryLocks(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  return rows[0]!.n;
}

/** The migrations, two users and one Creating job past its 14 days (R-J2: the sweep's work). */
async function seed(url: string, ids: { supervisor: string; dueJob: string }) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const dir = path.join(root, "prisma/migrations");
    for (const name of readdirSync(dir)
      .filter((n) => /^\d/.test(n))
      .sort())
      await c.query(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    const hash = bcrypt.hashSync(PASSWORD, 4);
    for (const role of ["supervisor", "operator"]) {
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3::"Role", $4, now()) RETURNING id`,
        [`${role}@two.test`, `Two ${role}`, role, hash],
      );
      if (role === "supervisor") ids.supervisor = rows[0]!.id;
    }
    const { rows: customer } = await c.query<{ id: string }>(
      `INSERT INTO "Customer" (id, name, "contactName", "contactEmail")
       VALUES (gen_random_uuid(), 'Two Co', 'Ana', 'ana@two.example') RETURNING id`,
    );
    const { rows: job } = await c.query<{ id: string }>(
      `INSERT INTO "Job" (id, "customerId", name, type, "storageAccount", state,
                          "creatingTimerStartedAt", "stateChangedAt", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'two-expired', 'Import', 'twostore', 'Creating',
               now() - interval '20 days', now() - interval '20 days', now() - interval '20 days', now())
       RETURNING id`,
      [customer[0]!.id],
    );
    ids.dueJob = job[0]!.id;
  } finally {
    await c.end();
  }
}
