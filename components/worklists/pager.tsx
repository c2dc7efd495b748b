import Link from "next/link";

/** Previous and next page links of a worklist; plain links, so it works without script. */
export function Pager({
  label,
  page,
  pageCount,
  hrefFor,
}: {
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} className={link}>
          Previous page
        </Link>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} className={link}>
          Next page
        </Link>
      )}
    </nav>
  );
}
