import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument as doc } from "@/lib/api/openapi.ts";
import { PutJobParameters, UpdateJobParameters } from "@/lib/validation/job-api.ts";

const root = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/**
 * Every route file of the public API (app/api/v1, and the Azure Resource Manager paths under
 * app/subscriptions and app/providers), as its OpenAPI path and the methods it exports.
 */
function routeFiles(): { file: string; path: string; methods: string[] }[] {
  const found: { file: string; path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        const methods = HTTP_METHODS.filter((m) =>
          new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source),
        );
        const segments = path
          .relative(path.join(root, "app"), path.dirname(full))
          .split(path.sep)
          .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
        found.push({ file: path.relative(root, full), path: `/${segments.join("/")}`, methods });
      }
    }
  };
  for (const base of ["app/api/v1", "app/subscriptions", "app/providers"]) {
    walk(path.join(root, base));
  }
  return found;
}

/**
 * Whether the handler exported as `method` reads a JSON body: `apiRoute(..., { body: true })`.
 * Each export runs to the next `export`, so the option is attributed to its own handler.
 */
function handlerReadsBody(source: string, method: string): boolean {
  // The job routes of both path styles come from one factory: its PUT and PATCH read a body.
  if (source.includes("jobRoutes(")) return method === "PUT" || method === "PATCH";
  const start = source.search(new RegExp(`export\\s+const\\s+${method}\\b`));
  if (start < 0) return false;
  const rest = source.slice(start + 1);
  const next = rest.search(/\bexport\s/);
  const block = next < 0 ? rest : rest.slice(0, next);
  return /\{\s*body:\s*true\s*\}/.test(block);
}

const describe413 = (op: { responses?: Record<string, unknown> }) =>
  (op.responses?.["413"] as { description?: string } | undefined)?.description ?? "";

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses?: Record<string, unknown>;
};

function operations(): { path: string; method: string; op: Operation; shared: unknown[] }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([k]) => ["get", "put", "post", "patch", "delete", "head", "options"].includes(k))
      .map(([method, op]) => ({
        path: p,
        method,
        op: op as Operation,
        shared: (item.parameters as unknown[] | undefined) ?? [],
      })),
  );
}

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/** Every property name reachable from a component, following `$ref`s. */
function propertyNames(id: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(id)) return names;
  seen.add(id);
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (typeof o.$ref === "string") {
        for (const n of propertyNames(o.$ref.split("/").pop()!, seen)) names.add(n);
      }
      if (o.properties && typeof o.properties === "object") {
        for (const n of Object.keys(o.properties)) names.add(n);
      }
      Object.values(o).forEach(visit);
    }
  };
  visit(doc.components.schemas[id]);
  return names;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and serialisable JSON", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("resolves every $ref to a component schema", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\/[A-Za-z]+$/);
      expect(doc.components.schemas, ref).toHaveProperty(ref.split("/").pop()!);
    }
    // Components are plain schemas inside this document: no $schema or $id of their own.
    for (const [id, schema] of Object.entries(doc.components.schemas)) {
      expect(schema, id).not.toHaveProperty("$schema");
      expect(schema, id).not.toHaveProperty("$id");
    }
  });

  it("describes every route handler of the public API (its own and the ARM paths), with exactly the methods it exports", () => {
    const routes = routeFiles();
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(["/api/v1/jobs", "/api/v1/jobs/{jobName}", "/api/v1/openapi.json"]),
    );
    for (const route of routes) {
      const item = doc.paths[route.path];
      expect(item, `${route.file} is missing from paths`).toBeDefined();
      const documented = HTTP_METHODS.filter((m) => m.toLowerCase() in item!);
      expect(documented, route.file).toEqual(route.methods);
    }
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.path).sort());
  });

  it("gives every operation a unique id, a tag, a summary, its path parameters and its errors", () => {
    const ids = new Set<string>();
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { path: p, method, op, shared } of operations()) {
      const where = `${method.toUpperCase()} ${p}`;
      expect(op.operationId, where).toBeTruthy();
      expect(ids.has(op.operationId!), where).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary, where).toBeTruthy();
      for (const tag of op.tags ?? []) expect(tags, where).toContain(tag);
      const declared = [...(shared as { name: string; in: string }[]), ...(op.parameters ?? [])]
        .filter((x) => x.in === "path")
        .map((x) => x.name)
        .sort();
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(declared, where).toEqual(inPath);
      const statuses = Object.keys(op.responses ?? {});
      // An operation described only to say it is refused (BitLockerKeys_List) has no 2xx.
      const offered = !(op as { "x-not-offered"?: boolean })["x-not-offered"];
      expect(
        statuses.some((s) => s.startsWith("2")),
        where,
      ).toBe(offered);
      if (op.security?.length !== 0) {
        expect(statuses, where).toEqual(expect.arrayContaining(["401", "403"]));
      }
      if (op.requestBody) expect(statuses, where).toContain("400");
      for (const s of statuses) expect(s, where).toMatch(/^[1-5]\d\d$/);
    }
  });

  it("uses only the security schemes it defines", () => {
    for (const { op } of operations()) {
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement as object)) {
          expect(doc.components.securitySchemes).toHaveProperty(name);
        }
      }
    }
  });

  it("documents each status code the Job API routes answer", () => {
    const job = doc.paths["/api/v1/jobs/{jobName}"] as Record<string, Operation>;
    const codes = (m: string) => Object.keys(job[m]!.responses!).sort();
    expect(codes("get")).toEqual(["200", "400", "401", "403", "404"]);
    expect(codes("put")).toEqual(["200", "201", "400", "401", "403", "409", "413"]);
    expect(codes("patch")).toEqual(["200", "400", "401", "403", "404", "409", "413"]);
    expect(codes("delete")).toEqual(["200", "400", "401", "403", "404", "409"]);
    const list = (doc.paths["/api/v1/jobs"] as Record<string, Operation>).get!;
    expect(Object.keys(list.responses!).sort()).toEqual(["200", "400", "401", "403"]);
  });

  it("documents 413 PayloadTooLarge for every operation whose handler reads a body", () => {
    let withBody = 0;
    for (const route of routeFiles()) {
      const source = readFileSync(path.join(root, route.file), "utf8");
      for (const method of route.methods) {
        const op = doc.paths[route.path]![method.toLowerCase()] as Operation;
        const statuses = Object.keys(op.responses ?? {});
        const where = `${method} ${route.path}`;
        if (handlerReadsBody(source, method)) {
          withBody += 1;
          expect(statuses, where).toContain("413");
          expect(describe413(op), where).toMatch(/`PayloadTooLarge`/);
        } else {
          expect(statuses, where).not.toContain("413");
        }
      }
    }
    // PUT and PATCH of a job on both path styles; start, progress and finish of a copy.
    expect(withBody).toBe(7);
  });

  it("documents the 400 of every handler that checks an Idempotency-Key, and InvalidJson where a body is parsed", () => {
    for (const route of routeFiles()) {
      const source = readFileSync(path.join(root, route.file), "utf8");
      for (const method of route.methods) {
        const op = doc.paths[route.path]![method.toLowerCase()] as Operation;
        const bad = (op.responses?.["400"] as { description?: string } | undefined)?.description;
        const where = `${method} ${route.path}`;
        if (source.includes("idempotencyKeyOf(")) expect(bad, where).toMatch(/Idempotency-Key/);
        if (handlerReadsBody(source, method)) expect(bad, where).toMatch(/`InvalidJson`/);
      }
    }
  });

  it("R-E1..R-E5: Delete Job documents the refusals that keep incident records, and the Conflict after retries", () => {
    const del = (doc.paths["/api/v1/jobs/{jobName}"] as Record<string, Operation>).delete!;
    const conflict = (del.responses!["409"] as { description: string }).description;
    expect(conflict).toMatch(/`InvalidState`/);
    expect(conflict).toMatch(/open incident/);
    expect(conflict).toMatch(/destroyed/);
    expect(conflict).toMatch(/`Conflict`/);
  });

  it("shows examples that the API itself accepts", () => {
    const job = doc.paths["/api/v1/jobs/{jobName}"] as Record<string, Operation>;
    const put = job.put!.requestBody!.content["application/json"]!.example;
    const patch = job.patch!.requestBody!.content["application/json"]!.example;
    expect(PutJobParameters.safeParse(put).success).toBe(true);
    expect(UpdateJobParameters.safeParse(patch).success).toBe(true);
  });

  it("R-G1..R-G4: no response schema has a BitLocker key; only the drive given at Put Job takes one", () => {
    for (const id of ["JobResponse", "ListJobsResponse", "DriveStatus", "ApiError"]) {
      expect(propertyNames(id), id).not.toContain("bitLockerKey");
    }
    const shown = propertyNames("JobResponse");
    for (const name of ["state", "percentComplete", "driveList", "errorLogUri", "verboseLogUri"]) {
      expect(shown).toContain(name);
    }
    const drive = doc.components.schemas.DriveBitLocker as {
      properties: Record<string, { writeOnly?: boolean }>;
    };
    expect(drive.properties.bitLockerKey?.writeOnly).toBe(true);
  });

  it("names request and response components apart, with a description for each", () => {
    for (const id of [
      "PutJobParameters",
      "UpdateJobParameters",
      "JobResponse",
      "JobDetails",
      "DriveStatus",
      "ListJobsResponse",
      "ApiError",
      "ReturnAddress",
    ]) {
      const schema = doc.components.schemas[id] as { description?: string } | undefined;
      expect(schema, id).toBeDefined();
      expect(schema!.description, id).toBeTruthy();
    }
  });
});
