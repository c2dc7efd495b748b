import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { db } from "@/lib/server/db.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { searchEverything } from "@/lib/server/search/search.ts";
import { searchQuerySchema } from "@/lib/validation/search.ts";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("jobs:read", "/search");
  const raw = (await searchParams).q;
  const typed = Array.isArray(raw) ? raw[0] : raw;
  const parsed = typed === undefined ? null : searchQuerySchema.safeParse({ q: typed });
  const q = parsed?.success ? parsed.data.q : undefined;
  const hits = q ? await searchEverything(db, q, 25) : [];
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Search</h1>
      <form role="search" method="get" action="/search" className="flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search drive serials, tracking numbers, jobs and customers
        </label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          defaultValue={typed}
          placeholder="Serial, tracking number, job or customer"
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        <Button type="submit" variant="neutral">
          Search
        </Button>
      </form>
      <p className="text-sm text-slate-700">
        Tip: press <kbd className="rounded border border-slate-400 px-1">Ctrl</kbd>+
        <kbd className="rounded border border-slate-400 px-1">K</kbd> on any page.
      </p>
      {parsed && !parsed.success && (
        <p role="alert" className="text-red-800">
          {parsed.error.issues[0]?.message}
        </p>
      )}
      {q &&
        (hits.length === 0 ? (
          <p role="status">Nothing matches “{q}”.</p>
        ) : (
          <>
            <p role="status" className="text-slate-700">
              {hits.length} {hits.length === 1 ? "match" : "matches"} for “{q}”
            </p>
            <SearchResults hits={hits} />
          </>
        ))}
    </div>
  );
}
