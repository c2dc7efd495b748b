import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pickLocale } from "./locale.ts";
import { renderStatusPage } from "./render.ts";
import { sampleStatusPageView } from "./sample.ts";
import {
  exitCodeFor,
  formatSizeReport,
  measureStatusPageSize,
  parseClientReferenceManifest,
} from "./size-report.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Text that gzip cannot shrink much: `kb` kilobytes of it gzip to about 0.75 × kb. */
const incompressible = (kb: number) => randomBytes(kb * 1024).toString("base64");

const manifest = (route: string, entryJSFiles: Record<string, string[]> = {}) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["${route}"] = ${JSON.stringify(
    { moduleLoading: { prefix: "" }, clientModules: {}, entryCSSFiles: {}, entryJSFiles },
  )};\n`;

/** A fake `.next` with a 120 KB client runtime, and the status route built the way asked. */
function fakeBuild(route: "handler" | "page" | "none"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "status-size-"));
  dirs.push(dir);
  const file = (rel: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  };
  file("BUILD_ID", "test-build\n");
  const runtime = ["static/chunks/main-a.js", "static/chunks/main-b.js"];
  file(runtime[0]!, incompressible(80));
  file(runtime[1]!, incompressible(80));
  file("build-manifest.json", JSON.stringify({ rootMainFiles: runtime }));
  const routeDir = "server/app/status/[token]";
  if (route === "handler") {
    file(`${routeDir}/route.js`, "module.exports = {};");
    file(`${routeDir}/route_client-reference-manifest.js`, manifest("/status/[token]/route"));
  }
  if (route === "page") {
    file("static/chunks/page-status.js", incompressible(8));
    file(`${routeDir}/page.js`, "module.exports = {};");
    file(
      `${routeDir}/page_client-reference-manifest.js`,
      manifest("/status/[token]/page", {
        "[project]/app/status/[token]/page": ["/_next/static/chunks/page-status.js"],
      }),
    );
  }
  return dir;
}

const sampleHtml = renderStatusPage(
  sampleStatusPageView(new Date("2026-11-02T09:00:00Z")),
  pickLocale({ query: "en", acceptLanguage: null }),
);

describe("the status page size report", () => {
  it("a route handler ships no JavaScript: within budget, ratio 0 to the App Router baseline", () => {
    const r = measureStatusPageSize({ nextDir: fakeBuild("handler"), sampleHtml });
    expect(r).toMatchObject({
      buildId: "test-build",
      routeKind: "route handler",
      routeChunks: [],
      totalGzipBytes: 0,
      verdict: "within budget",
      problems: [],
    });
    expect(r.sample.scriptTags).toBe(0);
    expect(r.baseline!.files).toHaveLength(2);
    expect(r.baseline!.gzipBytes).toBeGreaterThan(100 * 1024);
    expect(exitCodeFor(r)).toBe(0);
    const text = formatSizeReport(r);
    expect(text).toContain("App Router baseline (rootMainFiles)");
    expect(text).toContain("Ratio to the App Router baseline: 0.00×.");
    expect(text).toContain("Verdict: within budget.");
  });

  it("a build without the route says so and exits 2, without crashing", () => {
    const r = measureStatusPageSize({ nextDir: fakeBuild("none"), sampleHtml });
    expect(r).toMatchObject({
      routeKind: "missing",
      totalGzipBytes: null,
      verdict: "not measured",
    });
    expect(r.problems.join(" ")).toMatch(/predates the status page/);
    expect(exitCodeFor(r)).toBe(2);
    expect(formatSizeReport(r)).toContain("unknown");
  });

  it("no build at all: not measured, exit 2", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "status-size-empty-"));
    dirs.push(dir);
    const r = measureStatusPageSize({ nextDir: dir, sampleHtml });
    expect(r).toMatchObject({ routeKind: "no build", verdict: "not measured", baseline: null });
    expect(exitCodeFor(r)).toBe(2);
  });

  it("an App Router page counts the client runtime and its own chunks: over budget, exit 1", () => {
    const r = measureStatusPageSize({ nextDir: fakeBuild("page"), sampleHtml });
    expect(r.routeKind).toBe("page");
    expect(r.routeChunks.map((c) => c.file)).toEqual([
      "static/chunks/main-a.js",
      "static/chunks/main-b.js",
      "static/chunks/page-status.js",
    ]);
    expect(r.totalGzipBytes).toBeGreaterThan(r.baseline!.gzipBytes);
    expect(r.verdict).toBe("over budget");
    expect(exitCodeFor(r)).toBe(1);
  });

  it("counts the page's own <script> tags, inline and built", () => {
    const dir = fakeBuild("handler");
    const html = `<html><script>${incompressible(4)}</script><script src="/_next/static/chunks/main-a.js"></script></html>`;
    const r = measureStatusPageSize({ nextDir: dir, sampleHtml: html, budgetBytes: 10 * 1024 });
    expect(r.sample.scriptTags).toBe(2);
    expect(r.totalGzipBytes).toBeGreaterThan(60 * 1024);
    expect(r.verdict).toBe("over budget");
  });

  it("reads a client reference manifest as Next.js writes it", () => {
    expect(
      parseClientReferenceManifest(manifest("/x/route", { a: ["/_next/static/chunks/a.js"] })),
    ).toMatchObject({ entryJSFiles: { a: ["/_next/static/chunks/a.js"] } });
    expect(parseClientReferenceManifest("not a manifest")).toBeNull();
  });
});
