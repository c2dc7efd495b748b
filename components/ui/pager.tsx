import Link from "next/link";

/** Where this page sits in the list, with the pages either side (links: no JavaScript needed). */
export function Pager({
  page,
  pageCount,
  total,
  noun,
  href,
}: {
  page: number;
  pageCount: number;
  total: number;
  noun: [string, string];
  href: (page: number) => string;
}) {
  const link = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link className={link} href={href(page - 1)} rel="prev">
          Previous<span className="sr-only"> page</span>
        </Link>
      )}
      <span className="text-slate-700">
        Page {page} of {pageCount} · {total} {total === 1 ? noun[0] : noun[1]}
      </span>
      {page < pageCount && (
        <Link className={link} href={href(page + 1)} rel="next">
          Next<span className="sr-only"> page</span>
        </Link>
      )}
    </nav>
  );
}
