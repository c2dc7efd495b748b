import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * How much JavaScript the customer's status page ships, measured from a production build (`.next`)
 * and from a page rendered by our own renderer, against the budget (80 KB gzip, issue 6) and
 * against what any App Router page ships (the client runtime: `rootMainFiles` of
 * build-manifest.json). scripts/bench/status-page-size.ts prints it; this module only measures.
 */
export const STATUS_ROUTE = "/status/[token]";
export const DEFAULT_BUDGET_BYTES = 80 * 1024;

export type SizedFile = { file: string; bytes: number; gzipBytes: number };

export type SizeReport = {
  nextDir: string;
  buildId: string | null;
  budgetBytes: number;
  /** What every App Router page loads; null without a build manifest. */
  baseline: { files: SizedFile[]; gzipBytes: number } | null;
  /** How the build serves the route: a route handler, an App Router page, or not at all. */
  routeKind: "route handler" | "page" | "missing" | "no build";
  /** Client chunks the build links to the route (none for a route handler). */
  routeChunks: SizedFile[];
  sample: {
    htmlBytes: number;
    htmlGzipBytes: number;
    scriptTags: number;
    /** Inline script bodies and the built files of `src` scripts, gzip. */
    scriptGzipBytes: number;
  };
  /** All the JavaScript of the page, gzip; null when the build cannot tell. */
  totalGzipBytes: number | null;
  verdict: "within budget" | "over budget" | "not measured";
  problems: string[];
};

const gzipSize = (data: Buffer | string) => gzipSync(data).length;

function sizeOf(nextDir: string, file: string): SizedFile | null {
  const full = path.join(nextDir, file);
  if (!existsSync(full)) return null;
  const data = readFileSync(full);
  return { file, bytes: data.length, gzipBytes: gzipSize(data) };
}

const sum = (files: readonly { gzipBytes: number }[]) =>
  files.reduce((total, f) => total + f.gzipBytes, 0);

/** `/_next/static/chunks/a.js` (as manifests and pages write it) → `static/chunks/a.js`. */
function builtPath(url: string): string {
  return url.replace(/^\/?_next\//, "").replace(/^\//, "");
}

type ClientManifest = {
  entryJSFiles?: Record<string, string[]>;
  clientModules?: Record<string, { chunks?: string[] }>;
};

/** The JSON object a `*_client-reference-manifest.js` assigns to `globalThis.__RSC_MANIFEST[...]`. */
export function parseClientReferenceManifest(source: string): ClientManifest | null {
  const m = /=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(source.trim());
  if (!m) return null;
  try {
    return JSON.parse(m[1]!) as ClientManifest;
  } catch {
    return null;
  }
}

function manifestChunks(manifest: ClientManifest | null): string[] {
  if (!manifest) return [];
  const files = [
    ...Object.values(manifest.entryJSFiles ?? {}).flat(),
    ...Object.values(manifest.clientModules ?? {}).flatMap((m) => m.chunks ?? []),
  ].filter((f) => f.endsWith(".js"));
  return [...new Set(files.map(builtPath))];
}

/** Every `<script>` of a page: how many, and the gzip bytes of their bodies and built sources. */
export function measureScripts(html: string, nextDir: string) {
  let tags = 0;
  let gzipBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    tags++;
    const body = m[2] ?? "";
    if (body.trim()) gzipBytes += gzipSize(body);
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1] ?? "")?.[1];
    if (src) gzipBytes += sizeOf(nextDir, builtPath(src))?.gzipBytes ?? 0;
  }
  // A <script> left unclosed still counts as a script.
  const opened = html.match(/<script\b/gi)?.length ?? 0;
  return { tags: Math.max(tags, opened), gzipBytes };
}

export function measureStatusPageSize(options: {
  nextDir: string;
  sampleHtml: string;
  budgetBytes?: number;
}): SizeReport {
  const { nextDir, sampleHtml } = options;
  const budgetBytes = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const problems: string[] = [];
  const scripts = measureScripts(sampleHtml, nextDir);
  const sample = {
    htmlBytes: Buffer.byteLength(sampleHtml),
    htmlGzipBytes: gzipSize(sampleHtml),
    scriptTags: scripts.tags,
    scriptGzipBytes: scripts.gzipBytes,
  };
  const report = (
    partial: Pick<SizeReport, "buildId" | "baseline" | "routeKind" | "routeChunks">,
    totalGzipBytes: number | null,
  ): SizeReport => ({
    nextDir,
    budgetBytes,
    ...partial,
    sample,
    totalGzipBytes,
    verdict:
      totalGzipBytes === null
        ? "not measured"
        : totalGzipBytes <= budgetBytes
          ? "within budget"
          : "over budget",
    problems,
  });

  const buildIdFile = path.join(nextDir, "BUILD_ID");
  const manifestFile = path.join(nextDir, "build-manifest.json");
  if (!existsSync(buildIdFile) || !existsSync(manifestFile)) {
    problems.push(
      `There is no production build in ${nextDir} (no BUILD_ID or build-manifest.json): run \`npm run build\` first.`,
    );
    return report({ buildId: null, baseline: null, routeKind: "no build", routeChunks: [] }, null);
  }
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  let rootMainFiles: string[];
  try {
    const parsed = JSON.parse(readFileSync(manifestFile, "utf8")) as { rootMainFiles?: unknown };
    rootMainFiles = Array.isArray(parsed.rootMainFiles)
      ? parsed.rootMainFiles.filter((f): f is string => typeof f === "string")
      : [];
  } catch {
    problems.push(
      `${manifestFile} is not valid JSON: the build is incomplete. Run \`npm run build\`.`,
    );
    return report({ buildId, baseline: null, routeKind: "no build", routeChunks: [] }, null);
  }
  const baselineFiles = rootMainFiles.map((f) => {
    const sized = sizeOf(nextDir, f);
    if (!sized) problems.push(`build-manifest.json names ${f}, which is not in ${nextDir}.`);
    return sized ?? { file: f, bytes: 0, gzipBytes: 0 };
  });
  const baseline = { files: baselineFiles, gzipBytes: sum(baselineFiles) };

  const routeDir = path.join(nextDir, "server", "app", "status", "[token]");
  const isPage =
    existsSync(path.join(routeDir, "page.js")) ||
    existsSync(path.join(routeDir, "page_client-reference-manifest.js"));
  const isRoute = existsSync(path.join(routeDir, "route.js"));

  if (isPage) {
    // An App Router page loads the client runtime plus its own chunks.
    const own = manifestChunks(
      existsSync(path.join(routeDir, "page_client-reference-manifest.js"))
        ? parseClientReferenceManifest(
            readFileSync(path.join(routeDir, "page_client-reference-manifest.js"), "utf8"),
          )
        : null,
    );
    const chunks = [...new Set([...rootMainFiles, ...own])]
      .map((f) => sizeOf(nextDir, f))
      .filter((f): f is SizedFile => f !== null);
    problems.push(
      `${STATUS_ROUTE} is built as an App Router page: it ships Next.js's client runtime. Serve it from a route handler (app/status/[token]/route.ts).`,
    );
    return report(
      { buildId, baseline, routeKind: "page", routeChunks: chunks },
      sum(chunks) + scripts.gzipBytes,
    );
  }
  if (!isRoute) {
    problems.push(
      `The build in ${nextDir} (${buildId}) has no ${STATUS_ROUTE} route (no server/app/status/[token]/route.js): it predates the status page. Run \`npm run build\` and measure again.`,
    );
    return report({ buildId, baseline, routeKind: "missing", routeChunks: [] }, null);
  }
  const clientManifest = path.join(routeDir, "route_client-reference-manifest.js");
  const chunks = (
    existsSync(clientManifest)
      ? manifestChunks(parseClientReferenceManifest(readFileSync(clientManifest, "utf8")))
      : []
  )
    .map((f) => sizeOf(nextDir, f))
    .filter((f): f is SizedFile => f !== null);
  return report(
    { buildId, baseline, routeKind: "route handler", routeChunks: chunks },
    sum(chunks) + scripts.gzipBytes,
  );
}

/** 0 within budget, 1 over it, 2 when it could not be measured (no build, or a build without the route). */
export function exitCodeFor(report: SizeReport): number {
  return report.verdict === "within budget" ? 0 : report.verdict === "over budget" ? 1 : 2;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function row(cells: string[]): string {
  const widths = [44, 7, 11];
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i] ?? 10)))
    .join("  ");
}

export function formatSizeReport(r: SizeReport): string {
  const lines = [
    `Status page JavaScript, gzip (${STATUS_ROUTE}; build ${r.buildId ?? "none"} in ${r.nextDir})`,
    "",
    row(["", "files", "gzip KB"]),
    row([
      "App Router baseline (rootMainFiles)",
      r.baseline ? String(r.baseline.files.length) : "-",
      r.baseline ? kb(r.baseline.gzipBytes) : "-",
    ]),
    row([
      `${STATUS_ROUTE} as built: ${r.routeKind}`,
      String(r.routeChunks.length),
      kb(sum(r.routeChunks)),
    ]),
    row(["sample page <script> tags", String(r.sample.scriptTags), kb(r.sample.scriptGzipBytes)]),
    row([
      `${STATUS_ROUTE} JavaScript in total`,
      "",
      r.totalGzipBytes === null ? "unknown" : kb(r.totalGzipBytes),
    ]),
    "",
    `Sample page HTML: ${kb(r.sample.htmlBytes)} KB, ${kb(r.sample.htmlGzipBytes)} KB gzip.`,
    `Budget: ${kb(r.budgetBytes)} KB gzip.` +
      (r.totalGzipBytes !== null && r.baseline && r.baseline.gzipBytes > 0
        ? ` Ratio to the App Router baseline: ${(r.totalGzipBytes / r.baseline.gzipBytes).toFixed(2)}×.`
        : ""),
    `Verdict: ${r.verdict}.`,
    ...r.problems.map((p) => `! ${p}`),
  ];
  return lines.join("\n");
}
