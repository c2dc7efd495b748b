import type { DriveState, JobState } from "@/lib/domain/states.ts";

// Dark text on a light tint: at least 7:1 contrast for every state, readable on a dim dock screen.
const TONE: Record<JobState | DriveState, string> = {
  Creating: "bg-slate-100 text-slate-800 border-slate-300",
  Specified: "bg-slate-100 text-slate-800 border-slate-300",
  Shipping: "bg-sky-100 text-sky-900 border-sky-300",
  Received: "bg-indigo-100 text-indigo-900 border-indigo-300",
  Transferring: "bg-amber-100 text-amber-900 border-amber-300",
  Packaging: "bg-violet-100 text-violet-900 border-violet-300",
  Completed: "bg-emerald-100 text-emerald-900 border-emerald-300",
  CompletedMoreInfo: "bg-lime-100 text-lime-900 border-lime-400",
  ShippedBack: "bg-teal-100 text-teal-900 border-teal-300",
  Closed: "bg-zinc-200 text-zinc-900 border-zinc-400",
  NeverReceived: "bg-orange-100 text-orange-900 border-orange-300",
  Faulted: "bg-red-100 text-red-900 border-red-400",
};

const LABEL: Partial<Record<JobState | DriveState, string>> = {
  CompletedMoreInfo: "Completed (more info)",
  NeverReceived: "Never received",
  ShippedBack: "Shipped back",
};

export function StateBadge({ state }: { state: JobState | DriveState }) {
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${TONE[state]}`}
    >
      {LABEL[state] ?? state}
    </span>
  );
}
