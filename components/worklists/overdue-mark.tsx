/** "Overdue" in words and with a warning sign, never by colour alone (R-J6, R-E2). */
export function OverdueMark({ days }: { days: number }) {
  return (
    <span className="inline-flex items-center gap-1 rounded border border-red-800 bg-red-50 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-red-900">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.5h1.8V6H7.1Zm0 5.5v1.8h1.8v-1.8H7.1Z" />
      </svg>
      Overdue{days > 0 ? ` by ${days === 1 ? "1 day" : `${days} days`}` : ""}
    </span>
  );
}
