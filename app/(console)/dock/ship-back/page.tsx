import type { Metadata } from "next";
import { Pager } from "@/components/worklists/pager";
import { ShipBackCard } from "@/components/worklists/ship-back-card";
import { db } from "@/lib/server/db.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { pageFromParam } from "@/lib/server/worklists/paging.ts";
import { shipBackJobs } from "@/lib/server/worklists/queries.ts";

export const metadata: Metadata = { title: "To ship back" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

/** Jobs in Packaging (R-J9): what to pack and where it goes, the longest waiting first. */
export default async function ShipBackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("jobs:read", "/dock/ship-back");
  const list = await shipBackJobs(db, { page: pageFromParam((await searchParams).page) });
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">To ship back</h1>
        <p className="text-slate-700">
          {list.total} {list.total === 1 ? "job" : "jobs"} in Packaging, the longest waiting first.
          Each box holds the job&apos;s listed and extra drives (R-D9, R-D11).
        </p>
      </div>
      {list.jobs.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          Nothing to ship back.
        </p>
      ) : (
        <div className="space-y-4">
          {list.jobs.map((job) => (
            <ShipBackCard key={job.jobId} job={job} />
          ))}
        </div>
      )}
      <Pager
        label="To ship back pages"
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => (page > 1 ? `/dock/ship-back?page=${page}` : "/dock/ship-back")}
      />
    </div>
  );
}
