/**
 * The embedded server under the load of a few people and scripts at once: 20 clients for 30 s
 * (EMBEDDED_SOAK_MS), from two Prisma clients (two app processes) and raw pg connections, mixing
 * page reads, commands, and transactions that roll back. Zero errors, every committed write kept,
 * every rolled-back one gone. Runs on the embedded database only (the PGlite pass of the suite).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomer } from "@/test/fixtures.ts";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createDb, type Db } from "@/lib/server/db.ts";
import { createJob } from "@/lib/server/jobs/commands.ts";
import { listJobs, jobDetail } from "@/lib/server/jobs/queries.ts";
import { faultsQueue } from "@/lib/server/faults/queries.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

const DURATION_MS = Number(process.env.EMBEDDED_SOAK_MS ?? 30_000);
const embedded = inject("databaseKind") === "pglite";

let t: TestDatabase;
let other: Db; // a second process's client
const raw: pg.Client[] = [];
let customerId: string;
let customer: ActorRef;
let firstJobId: string;

class Rollback extends Error {}

beforeAll(async () => {
  if (!embedded) return;
  t = await freshDatabase();
  other = createDb(t.url, { schema: t.schema, max: 10 });
  ({ customerId, customer } = await createCustomer(t.db));
  const first = await createJob(
    t.db,
    customer,
    {
      customerId,
      name: "soak-0",
      type: "Import",
      storageAccount: "s",
      drives: [{ serial: "SOAK-0" }],
    },
    new Date(),
  );
  if (!first.ok) throw new Error(first.error.message);
  firstJobId = first.value.id;
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  await c.query(
    `CREATE TABLE "${t.schema}".soak_ledger (id serial PRIMARY KEY, tag text NOT NULL)`,
  );
  await c.end();
});

afterAll(async () => {
  if (!embedded) return;
  await Promise.all(raw.map((c) => c.end().catch(() => {})));
  await other.$disconnect();
  await t.drop();
});

describe.skipIf(!embedded)("the embedded database under 20 concurrent clients", () => {
  it(
    "answers every request, keeps every committed write and none of the rolled-back ones",
    async () => {
      const ledger = `"${t.schema}".soak_ledger`;
      const until = Date.now() + DURATION_MS;
      const errors: string[] = [];
      const done: Record<string, number> = {};
      const committedTags: string[] = [];
      const createdJobs: string[] = [];
      let serial = 0;

      const worker = (kind: string, step: () => Promise<void>) => async () => {
        while (Date.now() < until) {
          try {
            await step();
            done[kind] = (done[kind] ?? 0) + 1;
          } catch (e) {
            errors.push(`${kind}: ${(e as Error).message}`);
          }
        }
      };
      const pgClient = async () => {
        const c = new pg.Client({ connectionString: t.url });
        await c.connect();
        raw.push(c);
        return c;
      };

      const pageReads = (db: Db) =>
        worker("page read", async () => {
          await listJobs({}, db);
          if (!(await jobDetail(db, firstJobId))) throw new Error("the first job vanished");
          await faultsQueue(db, new Date());
        });
      const commands = (db: Db) =>
        worker("command", async () => {
          const name = `soak-${++serial}`;
          const r = await createJob(
            db,
            customer,
            {
              customerId,
              name,
              type: "Import",
              storageAccount: "s",
              drives: [{ serial: `SOAK-${serial}-A` }, { serial: `SOAK-${serial}-B` }],
            },
            new Date(),
          );
          if (!r.ok) throw new Error(r.error.message);
          createdJobs.push(r.value.id);
        });
      const prismaRollbacks = (db: Db) =>
        worker("prisma rollback", async () => {
          await db
            .$transaction(async (tx) => {
              await tx.customer.create({
                data: { name: "rolled back", contactName: "x", contactEmail: "x@example.test" },
              });
              await tx.job.count();
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
        });
      const rawReadsAndWrites = (c: pg.Client, k: number) =>
        worker("raw pg", async () => {
          const tag = `kept-${k}-${committedTags.length}`;
          const { rows } = await c.query<{ s: string }>(
            "SELECT $1::text || $2::text || $3::text AS s",
            ["a", tag, "z"],
          );
          if (rows[0]?.s !== `a${tag}z`) throw new Error(`wrong answer ${rows[0]?.s}`);
          if (k % 2) {
            await c.query(`INSERT INTO ${ledger} (tag) VALUES ($1)`, [tag]);
          } else {
            await c.query("BEGIN");
            await c.query(`INSERT INTO ${ledger} (tag) VALUES ($1)`, [tag]);
            await c.query(`SELECT count(*) FROM ${ledger} WHERE tag = $1`, [tag]);
            await c.query("COMMIT");
          }
          committedTags.push(tag);
        });
      const rawRollbacks = (c: pg.Client) =>
        worker("raw rollback", async () => {
          await c.query("BEGIN");
          await c.query(`INSERT INTO ${ledger} (tag) VALUES ($1)`, ["undone"]);
          await c.query(`SELECT count(*) FROM ${ledger}`);
          await c.query("ROLLBACK");
        });

      const clients = await Promise.all(Array.from({ length: 7 }, pgClient));
      const workers = [
        pageReads(t.db),
        pageReads(t.db),
        pageReads(t.db),
        pageReads(other),
        pageReads(other),
        pageReads(other),
        commands(t.db),
        commands(t.db),
        commands(other),
        commands(other),
        prismaRollbacks(t.db),
        prismaRollbacks(other),
        prismaRollbacks(other),
        ...clients.slice(0, 4).map((c, k) => rawReadsAndWrites(c, k)),
        ...clients.slice(4).map((c) => rawRollbacks(c)),
      ];
      expect(workers).toHaveLength(20);
      await Promise.all(workers.map((w) => w()));

      console.info("embedded soak, requests answered by kind:", done);
      expect(errors).toEqual([]);
      for (const kind of ["page read", "command", "prisma rollback", "raw pg", "raw rollback"])
        expect(done[kind] ?? 0).toBeGreaterThan(0);

      const check = await pgClient();
      const { rows } = await check.query<{ tag: string }>(`SELECT tag FROM ${ledger}`);
      const stored = rows.map((r) => r.tag);
      expect(stored.filter((tag) => tag === "undone")).toEqual([]);
      expect(stored.sort()).toEqual([...committedTags].sort());
      expect(await t.db.job.count({ where: { id: { in: createdJobs } } })).toBe(createdJobs.length);
      expect(await t.db.drive.count({ where: { jobId: { in: createdJobs } } })).toBe(
        createdJobs.length * 2,
      );
      expect(await t.db.customer.count({ where: { name: "rolled back" } })).toBe(0);
    },
    DURATION_MS + 60_000,
  );
});
