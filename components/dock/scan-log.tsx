import { Time } from "@/components/ui/time";
import type { DockScan } from "@/lib/views/dock-floor.ts";

const LABEL: Record<string, string> = {
  "drive.receive": "received",
  "drive.extra": "extra drive",
  "drive.held": "held",
  "drive.shipBack": "shipped back",
  "drive.markNeverReceived": "never received",
  "scan.undone": "scan undone",
};

export type PendingScan = { scanId: string; code: string };

/** Everyone's recent scans on this package (live), with this operator's queued ones on top. */
export function ScanLog({ scans, pending }: { scans: DockScan[]; pending: PendingScan[] }) {
  return (
    <section aria-labelledby="scan-log-heading">
      <h2 id="scan-log-heading" className="text-lg font-semibold">
        Scans on this package
      </h2>
      <ol
        aria-label="Recent scans"
        className="mt-2 max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 bg-white text-sm"
      >
        {pending.map((p) => (
          <li key={p.scanId} className="flex justify-between gap-2 px-3 py-1.5 text-slate-700">
            <span className="font-mono">{p.code}</span>
            <span>sending…</span>
          </li>
        ))}
        {scans.map((s) => (
          <li key={s.id} className="flex flex-wrap justify-between gap-x-3 px-3 py-1.5">
            <span className="font-mono">{s.serial || "—"}</span>
            <span>
              {LABEL[s.kind] ?? s.kind} · {s.actor} · <Time at={s.at} clock />
            </span>
          </li>
        ))}
        {pending.length === 0 && scans.length === 0 && (
          <li className="px-3 py-2 text-slate-700">No scans yet.</li>
        )}
      </ol>
    </section>
  );
}
