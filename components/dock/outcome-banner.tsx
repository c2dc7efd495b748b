import type { ScanOutcome } from "@/lib/dock-outcomes.ts";

const TONE = {
  success: "border-emerald-700 bg-emerald-50 text-emerald-950",
  warning: "border-amber-600 bg-amber-50 text-amber-950",
  error: "border-red-700 bg-red-50 text-red-950",
  info: "border-sky-700 bg-sky-50 text-sky-950",
};
const ICON = { success: "✓", warning: "!", error: "✕", info: "i" };

/** The last scan's outcome, big enough to read from a step away, and announced. */
export function OutcomeBanner({ outcome }: { outcome: ScanOutcome | null }) {
  return (
    <div
      role="status"
      aria-label="Last scan"
      aria-live="assertive"
      aria-atomic="true"
      className="min-h-24"
    >
      {outcome && (
        <div
          data-tone={outcome.tone}
          className={`flex items-start gap-4 rounded-lg border-4 p-4 ${TONE[outcome.tone]}`}
        >
          <span
            aria-hidden="true"
            className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full border-4 border-current text-2xl font-black"
          >
            {ICON[outcome.tone]}
          </span>
          <div className="min-w-0">
            <p className="text-2xl font-bold break-all">{outcome.title}</p>
            <p className="mt-1 text-base">{outcome.detail}</p>
          </div>
        </div>
      )}
    </div>
  );
}
