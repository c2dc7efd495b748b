import type { ScanOutcome } from "@/lib/dock-outcomes.ts";
import type { ClosedPackageSummary, OpenedPackageView } from "@/lib/views/dock-floor.ts";

export type DockMode = "receive" | "ship";

/**
 * What the dock says when a package opens: its label, what to scan next, and the package the same
 * label closed before it (the next label closes a package whose expected drives are all in).
 */
export function openedOutcome(
  p: OpenedPackageView,
  mode: DockMode,
  closed: ClosedPackageSummary | null = null,
): ScanOutcome {
  const before = closed
    ? `${closed.carrier} ${closed.trackingNumber} closed: every expected drive is in. `
    : "";
  return {
    kind: "opened",
    tone: "info",
    serial: p.trackingNumber,
    title: `${p.carrier} ${p.trackingNumber} open`,
    detail:
      before +
      (mode === "ship"
        ? "Scan the drives going back in this package."
        : p.jobNames.length
          ? `For job ${p.jobNames.join(", ")}. Scan its drives.`
          : "No job has this tracking number: scan the drives, each is held (R-E1)."),
  };
}
