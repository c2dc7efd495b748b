import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { apiJson, apiRoute, MAX_BODY_BYTES } from "@/lib/server/http/api-v1.ts";
import { isTransientConflict } from "@/lib/server/command.ts";

let t: TestDatabase;
let key: string;
const ADMIN: ActorRef = { type: "user", id: "u-alex", label: "Alex Morgan", role: "admin" };

/** A route that echoes the parsed body: what every real route gets from the wrapper. */
const echo = apiRoute(
  "customer",
  z.object({ body: z.object({ note: z.string() }) }),
  async (input) => apiJson({ length: input.body.note.length }),
  { body: true },
);
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  echo(
    new Request("http://localhost/api/v1/echo", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      // A streamed body has no declared length: the cap must hold while reading.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  const { customerId } = await createCustomer(t.db);
  key = ok(
    await issueApiKey(t.db, ADMIN, { kind: "customer", name: "k", customerId }, new Date()),
  ).key;
});
afterAll(() => t.drop());

describe("the /api/v1 wrapper", () => {
  it("reads a body up to 1 MB", async () => {
    const note = "x".repeat(MAX_BODY_BYTES - 100);
    const r = await post(JSON.stringify({ note }));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ length: note.length });
  });

  it("answers 413 for a larger body, declared or streamed, without reading it all", async () => {
    const big = JSON.stringify({ note: "x".repeat(MAX_BODY_BYTES) });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: "PayloadTooLarge" } });

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const streamed = await post(endless);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });

  it("answers 400 InvalidJson for a body that is not JSON", async () => {
    const r = await post("{not json");
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: "InvalidJson" } });
  });
});

describe("the /api/v1 wrapper refuses what it cannot read", () => {
  it("answers 415 for a body that is not application/json (a text/plain form post)", async () => {
    const r = await post(JSON.stringify({ note: "x" }), { "content-type": "text/plain" });
    expect(r.status).toBe(415);
    expect(await r.json()).toMatchObject({ error: { code: "UnsupportedMediaType" } });
  });

  it("answers 404 when the path parameters cannot be decoded", async () => {
    const r = await echo(
      new Request("http://localhost/api/v1/jobs/abc%ZZ", {
        method: "POST",
        body: "{}",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      }),
      {
        // What Next.js hands over for `abc%ZZ`: params that fail to decode when awaited.
        get params() {
          return Promise.reject(new URIError("URI malformed"));
        },
      },
    );
    expect(r.status).toBe(404);
  });
});

describe("isTransientConflict", () => {
  it("knows PostgreSQL's deadlock and serialization failures as the pg adapter reports them", () => {
    const adapterError = (cause: object) =>
      Object.assign(new Error("x"), { name: "DriverAdapterError", cause });
    expect(isTransientConflict(adapterError({ kind: "postgres", code: "40P01" }))).toBe(true);
    expect(isTransientConflict(adapterError({ kind: "TransactionWriteConflict" }))).toBe(true);
    expect(isTransientConflict({ cause: { cause: { code: "40001" } } })).toBe(true);
    expect(isTransientConflict(adapterError({ kind: "postgres", code: "23505" }))).toBe(false);
    expect(isTransientConflict(new Error("boom"))).toBe(false);
    expect(isTransientConflict(null)).toBe(false);
  });
});
