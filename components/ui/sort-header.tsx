import Link from "next/link";

/**
 * A column header that sorts the list by its column: a link (works without JavaScript), the
 * current order said with aria-sort and an arrow. Choosing the current column again flips it.
 */
export function SortHeader({
  label,
  column,
  current,
  dir,
  href,
  className = "",
}: {
  label: string;
  column: string;
  current: string;
  dir: "asc" | "desc";
  /** The list's address sorted by this column in this direction. */
  href: (column: string, dir: "asc" | "desc") => string;
  className?: string;
}) {
  const active = current === column;
  const next = active && dir === "asc" ? "desc" : active ? "asc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 font-semibold whitespace-nowrap ${className}`}
    >
      <Link
        href={href(column, next)}
        className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-400"}>
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {active
            ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; sort ${next === "asc" ? "ascending" : "descending"}`
            : ", sort by this column"}
        </span>
      </Link>
    </th>
  );
}
