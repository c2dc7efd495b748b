import { SUMMARY_WORDS, type ClosedPackageSummary } from "@/lib/views/dock-floor.ts";

const MARK: Record<keyof typeof SUMMARY_WORDS, { icon: string; className: string }> = {
  received: { icon: "✓", className: "text-emerald-700" },
  extra: { icon: "+", className: "text-orange-800" },
  held: { icon: "!", className: "text-amber-700" },
  heldNoJob: { icon: "!", className: "text-amber-700" },
  neverReceived: { icon: "✕", className: "text-red-800" },
  notIn: { icon: "○", className: "text-slate-600" },
};

/** The package the next label just closed: each drive and what came of it, until the next scan. */
export function ClosedSummary({ summary }: { summary: ClosedPackageSummary }) {
  const received = summary.drives.filter((d) => d.outcome === "received").length;
  return (
    <section
      aria-labelledby="closed-summary"
      className="rounded-lg border-2 border-slate-300 bg-slate-50 p-3"
    >
      <h2 id="closed-summary" className="font-semibold">
        Closed: {summary.carrier} <span className="font-mono">{summary.trackingNumber}</span>
        <span className="font-normal text-slate-700">
          {" "}
          · {received} of {summary.drives.length} received
        </span>
      </h2>
      <ul aria-label="Drives of the closed package" className="mt-2 grid gap-1 sm:grid-cols-2">
        {summary.drives.map((d) => (
          <li key={`${d.serial}-${d.jobName}`} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`w-4 text-center font-bold ${MARK[d.outcome].className}`}
            >
              {MARK[d.outcome].icon}
            </span>
            <span className="font-mono break-all">{d.serial}</span>
            <span className="text-sm text-slate-700">{SUMMARY_WORDS[d.outcome]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
