import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DRIVE_STATE_DESCRIPTIONS, JOB_STATE_DESCRIPTIONS } from "@/lib/domain/states.ts";
import {
  DRIVE_STATE_WORDING,
  EXPORT_DRIVE_WORDING,
  JOB_STATE_WORDING,
} from "@/lib/domain/state-wording.ts";
import { html } from "./html.ts";
import { MESSAGES } from "./messages.ts";
import shingleFile from "./seed-shingles.json";
import { reusedRuns, seedShingleHashes, SHINGLE_WORDS, shingles } from "./seed-overlap.ts";

const SEED_PATH = process.env.DOCKSIDE_SEED_PATH ?? "/work/shared/seeds/000_10af9b14976b0bc1.txt";
const seedHashes = new Set<string>(shingleFile as string[]);

const root = path.resolve(import.meta.dirname, "../..");
/** The folders whose every source file is held to the check: code, scripts, schema and docs. */
const SOURCE_ROOTS = ["lib", "app", "components", "scripts", "prisma", "docs"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const SOURCE = /\.(ts|tsx|js|mjs|cjs|md|prisma|sql|sh|css|svg|toml)$/;
/**
 * Folders not yet held to the check: the sweep's event reasons (WHAT in
 * lib/server/sweep/incidents.ts) still repeat a run of the seed.
 */

/** Every source file under SOURCE_ROOTS, relative to the repository's root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

/** Every customer-facing sentence, by where it lives: strings, and functions called with samples. */
function sentences(value: unknown, path: string, out = new Map<string, string>()) {
  if (typeof value === "string") out.set(path, value);
  else if (typeof value === "function") {
    const result: unknown = (value as (...a: unknown[]) => unknown)(
      html`<time>2 May</time>`,
      "in 3 days",
    );
    out.set(path, String(result));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) sentences(v, `${path}.${k}`, out);
  }
  return out;
}

describe("Dockside speaks in its own words", () => {
  const all = new Map([
    ...sentences(MESSAGES, "messages"),
    ...sentences(JOB_STATE_WORDING, "jobStateWording"),
    ...sentences(DRIVE_STATE_WORDING, "driveStateWording"),
    ...sentences(EXPORT_DRIVE_WORDING, "exportDriveWording"),
    ...sentences(JOB_STATE_DESCRIPTIONS, "console.jobStates"),
    ...sentences(DRIVE_STATE_DESCRIPTIONS, "console.driveStates"),
  ]);

  it(`no message repeats ${SHINGLE_WORDS} words in a row of the seed document, in English or in French`, () => {
    const offenders = [...all].flatMap(([key, text]) =>
      reusedRuns(text, seedHashes).map((run) => `${key}: "${run}"`),
    );
    expect(offenders).toEqual([]);
    expect(all.size).toBeGreaterThan(150);
  });

  it(`no source file under ${SOURCE_ROOTS.join("/, ")}/ repeats ${SHINGLE_WORDS} words in a row of the seed, in code or comments`, () => {
    const files = SOURCE_ROOTS.flatMap((dir) => sourceFiles(dir));
    const offenders = files.flatMap((file) =>
      reusedRuns(readFileSync(path.join(root, file), "utf8"), seedHashes).map(
        (run) => `${file}: "${run}"`,
      ),
    );
    expect(offenders).toEqual([]);
    expect(files).toContain("lib/domain/incidents.ts");
    expect(files).toContain("docs/domain.md");
    expect(files.length).toBeGreaterThan(300);
  }, 60_000); // hashes every 8-word run of some 400 files: seconds on a busy machine

  it("the check finds a reused run, whatever its case, quotes, markup or line breaks", () => {
    const seed = `<span data-stu-id="x-1">The drive’s copy will be finished within two weeks of arrival.</span>`;
    const hashes = new Set(seedShingleHashes(seed));
    expect(hashes.size).toBe(
      shingles("The drive's copy will be finished within two weeks of arrival").length,
    );
    expect(
      reusedRuns("Note: the DRIVE'S copy <b>will</b> be\n finished within two weeks.", hashes),
    ).toEqual([
      "the drive's copy will be finished within two",
      "drive's copy will be finished within two weeks",
    ]);
    expect(reusedRuns("The drive's copy ends within two weeks of arrival.", hashes)).toEqual([]);
  });

  it.runIf(existsSync(SEED_PATH))(
    "the stored hashes are those of the seed document (npm run seed:shingles rebuilds them)",
    () => {
      expect(seedShingleHashes(readFileSync(SEED_PATH, "utf8"))).toEqual(shingleFile);
    },
  );
});
