/**
 * The embedded server keeps its connections apart: one backend serves one connection's whole
 * transaction (or extended-protocol batch) at a time. These tests start servers of their own,
 * whatever database the rest of the suite uses. Against pglite-socket's own per-message queue
 * (the server before this change) the first two fail with "bind message supplies 4 parameters,
 * but prepared statement requires 2" / `portal "" does not exist` and lost writes.
 */
import { connect, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmbeddedDatabase, type EmbeddedServer } from "./pglite-server.ts";

let server: EmbeddedServer;
const clients: pg.Client[] = [];

async function client(url = server.url): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {}); // a test that kills a connection expects it
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await serveEmbeddedDatabase({ dataDir: "memory://", port: 0 });
  const c = await client();
  await c.query("CREATE TABLE ledger (id serial PRIMARY KEY, who text NOT NULL, n int NOT NULL)");
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await server.close();
});

async function count(who: string): Promise<number> {
  const c = await client();
  const { rows } = await c.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM ledger WHERE who = $1",
    [who],
  );
  return rows[0]!.n;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the embedded server, one transaction at a time", () => {
  it("keeps concurrent extended-protocol batches apart (no bind/portal mix-ups)", async () => {
    const cs = await Promise.all(Array.from({ length: 8 }, () => client()));
    const errors: string[] = [];
    await Promise.all(
      cs.map(async (c, k) => {
        for (let i = 0; i < 60; i++) {
          try {
            if ((i + k) % 2 === 0) {
              const { rows } = await c.query<{ s: number }>("SELECT $1::int + $2::int AS s", [
                i,
                k,
              ]);
              if (rows[0]?.s !== i + k) errors.push(`wrong sum ${rows[0]?.s}`);
            } else {
              const { rows } = await c.query<{ s: string }>(
                "SELECT $1::text || $2::text || $3::text || $4::text AS s",
                ["a", String(i), "b", String(k)],
              );
              if (rows[0]?.s !== `a${i}b${k}`) errors.push(`wrong text ${rows[0]?.s}`);
            }
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
      }),
    );
    expect(errors).toEqual([]);
  });

  it("never lets one connection's ROLLBACK take another connection's writes with it", async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, () => client()));
    const undoers = await Promise.all(Array.from({ length: 2 }, () => client()));
    const errors: string[] = [];
    await Promise.all([
      ...writers.map(async (c, k) => {
        for (let i = 0; i < 40; i++) {
          await c
            .query("INSERT INTO ledger (who, n) VALUES ($1, $2)", ["kept", k * 100 + i])
            .catch((e: Error) => errors.push(e.message));
        }
      }),
      ...undoers.map(async (c, k) => {
        for (let i = 0; i < 20; i++) {
          try {
            await c.query("BEGIN");
            await c.query("INSERT INTO ledger (who, n) VALUES ($1, $2)", ["undone", k]);
            await c.query("SELECT pg_sleep(0.002)");
            await c.query("INSERT INTO ledger (who, n) VALUES ($1, $2)", ["undone", i]);
            await c.query("ROLLBACK");
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
      }),
    ]);
    expect(errors).toEqual([]);
    expect(await count("kept")).toBe(160);
    expect(await count("undone")).toBe(0);
  });

  it("makes the others wait while a transaction is open, then serves them in order", async () => {
    const a = await client();
    const b = await client();
    await a.query("BEGIN");
    await a.query("INSERT INTO ledger (who, n) VALUES ('waiting-a', 1)");
    let bDone = false;
    const bInsert = b
      .query("INSERT INTO ledger (who, n) VALUES ('waiting-b', 1)")
      .then(() => (bDone = true));
    await wait(100);
    expect(bDone).toBe(false); // queued behind a's transaction, not inside it
    await a.query("ROLLBACK");
    await bInsert;
    expect(await count("waiting-a")).toBe(0);
    expect(await count("waiting-b")).toBe(1);
  });

  it("rolls back the transaction of a connection that drops, and hands the backend on", async () => {
    const a = await client();
    const b = await client(); // connected first: a new connection's startup waits its turn too
    await a.query("BEGIN");
    await a.query("INSERT INTO ledger (who, n) VALUES ('dropped-tx', 1)");
    const bInsert = b.query("INSERT INTO ledger (who, n) VALUES ('after-drop', 1)");
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await bInsert;
    expect(await count("dropped-tx")).toBe(0);
    expect(await count("after-drop")).toBe(1);
  });

  it("keeps one connection's Parse and Bind together when another's batch arrives between", async () => {
    const a = await RawConnection.open(server.url);
    const b = await RawConnection.open(server.url);
    a.send(parse("SELECT $1::int + $2::int AS s"));
    await a.until("1"); // ParseComplete: a's unnamed statement is in place, its batch is open
    b.send(
      parse("SELECT $1::text || $2::text || $3::text || $4::text AS s"),
      ...bindExecSync(["w", "x", "y", "z"]),
    );
    await wait(50); // b's whole batch would run here on a per-message queue
    a.send(...bindExecSync(["40", "2"]));
    const fromA = await a.until("Z");
    const fromB = await b.until("Z");
    expect(errorsIn(fromA)).toEqual([]);
    expect(errorsIn(fromB)).toEqual([]);
    expect(fromA.toString("latin1")).toContain("42");
    expect(fromB.toString("latin1")).toContain("wxyz");
    a.close();
    b.close();
  });

  it("aborts, rather than commits, a batch cut off before its Sync", async () => {
    const a = await RawConnection.open(server.url);
    a.send(
      parse("INSERT INTO ledger (who, n) VALUES ('cut-off', 1)"),
      frame("B", cstr(""), cstr(""), u16(0), u16(0), u16(0)),
      frame("E", cstr(""), Buffer.alloc(4)),
    );
    await a.until("C"); // the INSERT ran inside the batch's implicit transaction
    a.close();
    const b = await client();
    await b.query("SELECT 1"); // served once the cut-off batch is cleared
    expect(await count("cut-off")).toBe(0);
  });

  it("is not held by idle connections or a session advisory lock (the sweep's)", async () => {
    const idle = await Promise.all(Array.from({ length: 5 }, () => client()));
    await idle[0]!.query("SELECT pg_try_advisory_lock(42)");
    const busy = await client();
    for (let i = 0; i < 20; i++) await busy.query("SELECT $1::int AS i", [i]);
    await idle[0]!.query("SELECT pg_advisory_unlock(42)");
  });
});

describe("the embedded server's limits", () => {
  let limited: EmbeddedServer;
  beforeAll(async () => {
    limited = await serveEmbeddedDatabase({
      dataDir: "memory://",
      port: 0,
      maxConnections: 3,
      idleInTransactionMs: 300,
    });
  });
  afterAll(() => limited.close());

  it("disconnects a connection idle inside a transaction, rolling it back", async () => {
    const a = await client(limited.url);
    const b = await client(limited.url);
    await a.query("CREATE TABLE t (x int)");
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES (1)");
    const started = Date.now();
    const { rows } = await b.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
    expect(rows[0]!.n).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(a.query("SELECT 1")).rejects.toThrow();
    await b.end();
  });

  it("refuses connections past --max-connections with PostgreSQL's own error", async () => {
    await client(limited.url);
    await client(limited.url);
    await client(limited.url);
    await expect(client(limited.url)).rejects.toThrow(/too many clients/);
  });
});

function frame(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const cstr = (s: string) => Buffer.from(`${s}\0`);
const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
function startupMessage(): Buffer {
  const body = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    cstr("user"),
    cstr("postgres"),
    cstr("database"),
    cstr("postgres"),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([length, body]);
}
const parse = (sql: string) => frame("P", cstr(""), cstr(sql), u16(0));
function bindExecSync(params: string[]): Buffer[] {
  const values = params.map((p) => {
    const len = Buffer.alloc(4);
    len.writeInt32BE(Buffer.byteLength(p));
    return Buffer.concat([len, Buffer.from(p)]);
  });
  return [
    frame("B", cstr(""), cstr(""), u16(0), u16(params.length), ...values, u16(0)),
    frame("E", cstr(""), Buffer.alloc(4)),
    frame("S"),
  ];
}

/** The messages of type 'E' (ErrorResponse) in a backend stream, as their text. */
function errorsIn(stream: Buffer): string[] {
  const errors: string[] = [];
  for (let i = 0; i + 5 <= stream.length;) {
    const length = stream.readInt32BE(i + 1);
    if (stream[i] === 0x45) errors.push(stream.subarray(i + 5, i + 1 + length).toString());
    i += 1 + length;
  }
  return errors;
}

/** A wire-protocol connection by hand, to send a batch in pieces as no driver would on purpose. */
class RawConnection {
  #seen = Buffer.alloc(0);
  private constructor(private socket: Socket) {
    socket.on("data", (d) => (this.#seen = Buffer.concat([this.#seen, d])));
  }
  static async open(url: string): Promise<RawConnection> {
    const socket = connect(Number(new URL(url).port), "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const c = new RawConnection(socket);
    c.send(startupMessage());
    await c.until("Z");
    return c;
  }
  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }
  /** Everything received until a message of this type, which is then consumed with it. */
  async until(type: string): Promise<Buffer> {
    for (let waited = 0; waited < 10_000; waited += 5) {
      for (let i = 0; i + 5 <= this.#seen.length;) {
        const end = i + 1 + this.#seen.readInt32BE(i + 1);
        if (end > this.#seen.length) break;
        if (this.#seen[i] === type.charCodeAt(0)) {
          const got = this.#seen.subarray(0, end);
          this.#seen = this.#seen.subarray(end);
          return got;
        }
        i = end;
      }
      await wait(5);
    }
    throw new Error(`no '${type}' message within 10 s`);
  }
  close(): void {
    this.socket.destroy();
  }
}
