import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stationOpenApiPaths, stationOpenApiSchemas } from "./openapi-stations.ts";

const root = path.resolve(import.meta.dirname, "../..");

function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) =>
      k === "$ref" && typeof v === "string" ? [v] : refs(v),
    );
  }
  return [];
}

/** Every route file under app/api/v1/stations, as an OpenAPI path with its methods. */
function stationRoutes(): Record<string, string[]> {
  const dir = path.join(root, "app/api/v1/stations");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith("route.ts"),
  );
  return Object.fromEntries(
    files.map((f) => [
      `/api/v1/stations/${path.dirname(f)}`.replace(/\[(\w+)\]/g, "{$1}"),
      ["get", "post"].filter((m) =>
        new RegExp(`export const ${m.toUpperCase()}\\b`).test(
          readFileSync(path.join(dir, f), "utf8"),
        ),
      ),
    ]),
  );
}

describe("the copy-station part of the OpenAPI document", () => {
  it("describes every station route with its methods, and nothing else", () => {
    const documented = Object.fromEntries(
      Object.entries(stationOpenApiPaths).map(([p, item]) => [p, Object.keys(item).sort()]),
    );
    expect(documented).toEqual(stationRoutes());
  });

  it("points every $ref at a component it defines, or at ApiError (the Job API's)", () => {
    const all = [...refs(stationOpenApiPaths), ...refs(stationOpenApiSchemas)];
    expect(all.length).toBeGreaterThan(0);
    for (const ref of all) {
      const id = ref.replace("#/components/schemas/", "");
      expect(ref.startsWith("#/components/schemas/"), ref).toBe(true);
      expect(id === "ApiError" || id in stationOpenApiSchemas, ref).toBe(true);
    }
  });

  it("gives every operation a tag, a summary, rules in its description and error responses", () => {
    for (const [p, item] of Object.entries(stationOpenApiPaths)) {
      for (const op of Object.values(item) as Record<string, unknown>[]) {
        expect(op.tags, p).toEqual(["Copy stations"]);
        expect(op.summary, p).toEqual(expect.any(String));
        expect(op.description, p).toMatch(/R-[A-Z]\d/);
        expect(Object.keys(op.responses as object), p).toEqual(
          expect.arrayContaining(["200", "401", "403"]),
        );
      }
    }
  });

  it("has no BitLocker key field in any station schema", () => {
    expect(JSON.stringify(stationOpenApiSchemas)).not.toMatch(/"bitLocker\w*":/i);
    expect(Object.keys(stationOpenApiSchemas).sort()).toEqual([
      "StationDrive",
      "StationDriveList",
      "StationDriveReport",
      "StationFinish",
      "StationJobSummary",
      "StationProgress",
    ]);
  });
});
