import "server-only";
import { mistypedTrackingNumber, nearMatches } from "@/lib/domain/index.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import type { ScanContext } from "./context.ts";

/**
 * Before a serial nobody lists is recorded as an extra drive (R-E5) or held (R-E1): is it a typo?
 * The nearest expected drives of the package's own jobs (read under the scan's locks with every
 * drive of those jobs), else a code that looks like a mistyped carrier label. The answer asks and
 * writes nothing; null when there is nothing to ask.
 */
export function askBeforeExtra(ctx: ScanContext, code: string): ScanOutcome | null {
  const packageJobs = new Set(ctx.facts.jobs.filter((j) => j.inPackage).map((j) => j.id));
  const expected = ctx.facts.jobDrives.filter((d) => d.jobId !== null && packageJobs.has(d.jobId));
  const near = nearMatches(ctx.serial, expected);
  if (near.length > 0) return scanOutcome.nearMatch(ctx.serial, near.slice(0, 3));
  const label = mistypedTrackingNumber(code);
  return label ? scanOutcome.mistypedLabel(ctx.serial, label) : null;
}
