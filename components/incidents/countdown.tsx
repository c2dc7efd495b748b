/** A deadline as whole days (timers.ts daysLeft): "n days left", "due today", "n days overdue". */
export function Countdown({ label, at, days }: { label: string; at: string; days: number }) {
  const n = Math.abs(days);
  const text =
    days > 0
      ? `${n} ${n === 1 ? "day" : "days"} left`
      : days === 0
        ? "due today"
        : `${n} ${n === 1 ? "day" : "days"} overdue`;
  const tone =
    days < 0
      ? "border-red-700 bg-red-50 text-red-900"
      : days <= 3
        ? "border-amber-700 bg-amber-50 text-amber-900"
        : "border-slate-500 bg-slate-50 text-slate-900";
  return (
    <span className={`inline-flex items-baseline gap-1 rounded border px-2 py-0.5 text-sm ${tone}`}>
      <span className="font-semibold">{label}</span>
      <time dateTime={at}>{at.slice(0, 10)}</time>:<span className="font-semibold">{text}</span>
    </span>
  );
}
