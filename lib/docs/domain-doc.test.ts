import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reusedRuns, SHINGLE_WORDS } from "@/lib/status-page/seed-overlap.ts";
import shingleFile from "@/lib/status-page/seed-shingles.json";
import {
  byRuleOrder,
  codeCitationsIn,
  pathsIn,
  ruleIdsIn,
  testCitationsIn,
  testNamesIn,
} from "./rule-citations.ts";

/**
 * docs/domain.md is the rulebook every test name and comment cites. These checks keep it and the
 * code from drifting apart: the rules it defines are the rules the tests prove and the code cites,
 * and every file, function and test it points to is still there.
 */
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const DOC = "docs/domain.md";
const doc = read(DOC);

const SKIP = new Set(["node_modules", ".next", ".data", ".git", "generated", "test-results"]);
const SOURCE = /\.(ts|tsx|js|mjs|md|prisma)$/;
const TEST = /\.(test|spec)\.tsx?$/;

/** Every source and documentation file of the repository, relative to its root. */
function repositoryFiles(dir = ""): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : repositoryFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

const files = repositoryFiles();
const testNames = new Map(
  files.filter((f) => TEST.test(f)).map((f) => [f, testNamesIn(f, read(f))] as const),
);

/** The rules the page defines: each is introduced by a bold rule id and a colon at the start of a line. */
const defined = new Set([...doc.matchAll(/^\*\*(R-[A-Z]+\d+):/gm)].map((m) => m[1]!));

describe("docs/domain.md, the rulebook", () => {
  it("defines rules of every family, each once", () => {
    const headings = [...doc.matchAll(/^\*\*(R-[A-Z]+\d+):/gm)].map((m) => m[1]!);
    expect(headings.length).toBe(defined.size);
    expect([...new Set(headings.map((id) => id.replace(/\d+$/, "")))].sort()).toEqual([
      "R-D",
      "R-E",
      "R-F",
      "R-G",
      "R-J",
    ]);
    expect(defined.size).toBeGreaterThanOrEqual(35);
  });

  it("every rule it defines is proved by at least one test that names it", () => {
    const tested = new Set([...testNames.values()].flat().flatMap((n) => [...ruleIdsIn(n)]));
    expect([...defined].filter((id) => !tested.has(id)).sort(byRuleOrder)).toEqual([]);
  });

  it("every rule a file cites (code, test names, comments, other docs) is defined there", () => {
    const undefinedIds = files.flatMap((file) =>
      [...ruleIdsIn(read(file))].filter((id) => !defined.has(id)).map((id) => `${file}: ${id}`),
    );
    expect(undefinedIds).toEqual([]);
  });

  it("every rule it mentions is one it defines", () => {
    expect([...ruleIdsIn(doc)].filter((id) => !defined.has(id))).toEqual([]);
  });

  it("every rule says where it is enforced and where it is tested", () => {
    const blocks = doc.split(/^(?=\*\*R-[A-Z]+\d+:)/m).slice(1);
    const incomplete = blocks
      .filter((b) => !/^- Enforced: `/m.test(b) || !/^- Tested: `/m.test(b))
      .map((b) => b.slice(2, b.indexOf(":")));
    expect(blocks.length).toBe(defined.size);
    expect(incomplete).toEqual([]);
  });

  it("every file it names exists, and holds the functions named beside it", () => {
    const missing = pathsIn(doc).filter((p) => !existsSync(path.join(root, p)));
    const absent = codeCitationsIn(doc).flatMap(({ path: file, symbols }) => {
      if (!existsSync(path.join(root, file)) || !statSync(path.join(root, file)).isFile())
        return [];
      const text = read(file);
      return symbols
        .filter((s) => !new RegExp(`\\b${s}\\b`).test(text))
        .map((s) => `${file}: ${s}`);
    });
    expect(missing).toEqual([]);
    expect(absent).toEqual([]);
    expect(codeCitationsIn(doc).length).toBeGreaterThan(defined.size);
  });

  it("every test it quotes exists under that name in that file", () => {
    const citations = testCitationsIn(doc);
    const gone = citations
      .filter(({ path: file, name }) => !testNames.get(file)?.includes(name))
      .map(({ path: file, name }) => `${file}: "${name}"`);
    expect(gone).toEqual([]);
    expect(citations.length).toBeGreaterThan(defined.size);
  });

  it(`no page of docs/ repeats ${SHINGLE_WORDS} words in a row of the seed document`, () => {
    const seedHashes = new Set<string>(shingleFile as string[]);
    const pages = readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md"));
    const reused = pages.flatMap((page) =>
      reusedRuns(read(`docs/${page}`), seedHashes).map((run) => `docs/${page}: "${run}"`),
    );
    expect(pages).toContain("domain.md");
    expect(reused).toEqual([]);
  });
});
