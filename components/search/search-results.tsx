import Link from "next/link";
import { SEARCH_KIND_LABELS, type SearchHit } from "@/lib/views/search.ts";

/** The /search page's results, grouped by what matched, exact serials and tracking numbers first. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol
      aria-label="Search results"
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
    >
      {hits.map((hit) => (
        <li
          key={`${hit.kind}-${hit.id}`}
          className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2"
        >
          <span className="w-32 shrink-0 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {SEARCH_KIND_LABELS[hit.kind]}
          </span>
          <Link
            href={hit.href}
            className="font-mono font-medium text-blue-800 underline hover:text-blue-950"
          >
            {hit.label}
          </Link>
          {hit.exact && (
            <span className="rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900">
              exact
            </span>
          )}
          <span className="text-sm text-slate-700">{hit.detail}</span>
        </li>
      ))}
    </ol>
  );
}
