import { Time } from "@/components/ui/time";

/** How close a deadline is: overdue, within 3 days, or later (colour, icon and words together). */
export function deadlineTone(days: number): "overdue" | "soon" | "later" {
  return days < 0 ? "overdue" : days <= 3 ? "soon" : "later";
}

const TONES = {
  overdue: { box: "border-red-700 bg-red-50 text-red-900", icon: "⚠" },
  soon: { box: "border-amber-700 bg-amber-50 text-amber-900", icon: "◷" },
  later: { box: "border-slate-500 bg-slate-50 text-slate-900", icon: "○" },
} as const;

/** Whole days (timers.ts daysLeft): "n days left", "due today", "n days overdue". */
export function daysText(days: number): string {
  const n = Math.abs(days);
  return days > 0
    ? `${n} ${n === 1 ? "day" : "days"} left`
    : days === 0
      ? "due today"
      : `${n} ${n === 1 ? "day" : "days"} overdue`;
}

/** A deadline: its label, its day (the exact time on hover) and the days left, toned by closeness. */
export function Countdown({ label, at, days }: { label: string; at: string; days: number }) {
  const tone = TONES[deadlineTone(days)];
  return (
    <span
      className={`inline-flex items-baseline gap-1 rounded border px-2 py-0.5 text-sm whitespace-nowrap ${tone.box}`}
    >
      <span aria-hidden="true">{tone.icon}</span>
      <span className="font-semibold">{label}</span>
      <Time at={at} dateOnly />:<span className="font-semibold">{daysText(days)}</span>
    </span>
  );
}
