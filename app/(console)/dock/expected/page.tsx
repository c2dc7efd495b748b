import type { Metadata } from "next";
import { ExpectedTable } from "@/components/worklists/expected-table";
import { CarrierFilter } from "@/components/worklists/carrier-filter";
import { Pager } from "@/components/worklists/pager";
import { db } from "@/lib/server/db.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { pageFromParam } from "@/lib/server/worklists/paging.ts";
import { carrierFromParam, expectedPackages } from "@/lib/server/worklists/queries.ts";

export const metadata: Metadata = { title: "Expected packages" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

function hrefFor(carrier: string | null, page: number) {
  const sp = new URLSearchParams();
  if (carrier) sp.set("carrier", carrier);
  if (page > 1) sp.set("page", String(page));
  const s = sp.toString();
  return s ? `/dock/expected?${s}` : "/dock/expected";
}

/** What is coming to the dock: the delivery packages of jobs in Shipping, overdue ones first. */
export default async function ExpectedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("jobs:read", "/dock/expected");
  const params = await searchParams;
  const carrier = carrierFromParam(params.carrier);
  // Overdue counts from this request (lib/domain takes `now`, never the clock).
  const now = new Date();
  const list = await expectedPackages(db, { carrier, page: pageFromParam(params.page) }, now);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Expected packages</h1>
          <p className="text-slate-700">
            {list.total} {list.total === 1 ? "package" : "packages"} on the way
            {carrier ? ` with ${carrier}` : ""}
            {list.overdueTotal > 0 && (
              <>
                , <strong className="text-red-900">{list.overdueTotal} overdue</strong> (more than
                14 days since shipping, R-J6)
              </>
            )}
            .
          </p>
        </div>
        <CarrierFilter carriers={list.carriers} carrier={carrier} />
      </div>
      {list.packages.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {carrier ? `No package is expected from ${carrier}.` : "No package is expected."}
        </p>
      ) : (
        <ExpectedTable packages={list.packages} now={now} />
      )}
      <Pager
        label="Expected packages pages"
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => hrefFor(carrier, page)}
      />
    </div>
  );
}
