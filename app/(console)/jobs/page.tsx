import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { JobCardList, JobsTable } from "@/components/jobs/jobs-table";
import { JobState } from "@/lib/generated/prisma/enums.ts";
import { listJobs } from "@/lib/server/jobs/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Jobs" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

const searchSchema = z.object({
  state: z.enum(JobState).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

function hrefFor(params: { state?: string; q?: string; page?: number }) {
  const sp = new URLSearchParams();
  if (params.state) sp.set("state", params.state);
  if (params.q) sp.set("q", params.q);
  if (params.page && params.page > 1) sp.set("page", String(params.page));
  const s = sp.toString();
  return s ? `/jobs?${s}` : "/jobs";
}

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("jobs:read", "/jobs");
  const filter = searchSchema.parse(await searchParams);
  const list = await listJobs({ state: filter.state, search: filter.q, page: filter.page });
  const allCount = Object.values(list.countsByState).reduce((a, b) => a + (b ?? 0), 0);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Jobs</h1>
          <p className="text-slate-700">
            {list.total} {list.total === 1 ? "job" : "jobs"}
            {filter.state ? ` in ${filter.state}` : ""}
            {filter.q ? ` matching “${filter.q}”` : ""}
          </p>
        </div>
        <form role="search" action="/jobs" className="flex w-full gap-2 sm:w-auto">
          {filter.state && <input type="hidden" name="state" value={filter.state} />}
          <label htmlFor="job-search" className="sr-only">
            Search jobs by name, customer or tracking number
          </label>
          <input
            id="job-search"
            type="search"
            name="q"
            defaultValue={filter.q}
            placeholder="Job, customer or tracking no."
            className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 sm:w-64 sm:flex-none"
          />
          <button
            type="submit"
            className="rounded-md bg-slate-800 px-4 py-2 font-semibold text-white hover:bg-slate-900"
          >
            Search
          </button>
        </form>
      </div>

      <nav aria-label="Filter by state">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href={hrefFor({ q: filter.q })}
              aria-current={!filter.state ? "page" : undefined}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
            >
              All <span className="tabular-nums">({allCount})</span>
            </Link>
          </li>
          {Object.values(JobState).map((state) => (
            <li key={state}>
              <Link
                href={hrefFor({ state, q: filter.q })}
                aria-current={filter.state === state ? "page" : undefined}
                className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
              >
                {state} <span className="tabular-nums">({list.countsByState[state] ?? 0})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
          No jobs here. Run <code className="font-mono">npm run db:seed</code> for demo data.
        </p>
      ) : (
        <>
          <JobsTable rows={list.rows} />
          <JobCardList rows={list.rows} />
        </>
      )}

      {list.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3">
          {list.page > 1 && (
            <Link
              className="rounded border border-slate-300 bg-white px-3 py-1"
              href={hrefFor({ ...filter, page: list.page - 1 })}
            >
              Previous
            </Link>
          )}
          <span className="text-sm text-slate-700">
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount && (
            <Link
              className="rounded border border-slate-300 bg-white px-3 py-1"
              href={hrefFor({ ...filter, page: list.page + 1 })}
            >
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
