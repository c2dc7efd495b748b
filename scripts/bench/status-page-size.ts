/**
 * The customer status page's JavaScript budget (issue 6, "Speed"): less than 80 KB gzip, and no
 * client-side data fetch. Reads the production build (`.next`, made by `npm run build`; this script
 * never builds) and a sample page rendered by the page's own renderer, then prints a table: the
 * App Router baseline (Next.js's client runtime, `rootMainFiles`), the chunks the build links to
 * /status/[token], the page's <script> tags, the total and its ratio to the baseline.
 *
 *   tsx scripts/bench/status-page-size.ts [--next-dir .next] [--budget-kb 80]
 *
 * Exit code: 0 within budget, 1 over budget, 2 not measured (no build, or a build that predates
 * the route).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pickLocale } from "../../lib/status-page/locale.ts";
import { renderStatusPage } from "../../lib/status-page/render.ts";
import { sampleStatusPageView } from "../../lib/status-page/sample.ts";
import {
  DEFAULT_BUDGET_BYTES,
  exitCodeFor,
  formatSizeReport,
  measureStatusPageSize,
} from "../../lib/status-page/size-report.ts";

const { values: args } = parseArgs({
  options: {
    "next-dir": { type: "string", default: ".next" },
    "budget-kb": { type: "string", default: String(DEFAULT_BUDGET_BYTES / 1024) },
  },
});

const budgetKb = Number(args["budget-kb"]);
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error("--budget-kb takes a positive number of kilobytes");
  process.exit(2);
}

const now = new Date();
const sampleHtml = renderStatusPage(
  sampleStatusPageView(now),
  pickLocale({ query: "en", acceptLanguage: null }),
);
const report = measureStatusPageSize({
  nextDir: path.resolve(args["next-dir"]!),
  sampleHtml,
  budgetBytes: Math.round(budgetKb * 1024),
});
console.log(formatSizeReport(report));
process.exitCode = exitCodeFor(report);
