import type { Metadata } from "next";
import Link from "next/link";
import { JobCardList, JobsTable } from "@/components/jobs/jobs-table";
import {
  DateFilter,
  FilterForm,
  ParamErrors,
  SelectFilter,
  CustomerFilter,
} from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import { JOB_STATES } from "@/lib/domain/states.ts";
import { customerOptions } from "@/lib/server/customers/queries.ts";
import { db } from "@/lib/server/db.ts";
import { listJobs } from "@/lib/server/jobs/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import {
  JOB_SORTS,
  defaultJobDir,
  listQuery,
  parseJobListParams,
  type JobListParams,
  type RawParams,
} from "@/lib/validation/list-params.ts";

export const metadata: Metadata = { title: "Jobs" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

const SORT_LABELS: Record<(typeof JOB_SORTS)[number], string> = {
  name: "Job name",
  customer: "Customer",
  type: "Type",
  state: "State",
  complete: "Percent complete",
  created: "Created",
  changed: "Last change",
};

/** The list's address with these changes; a new filter or order starts at page 1. */
function hrefFor(filter: JobListParams, change: Partial<JobListParams>, path = "/jobs") {
  const next = { ...filter, page: 1, ...change };
  return `${path}${listQuery({
    ...next,
    sort: next.sort === "changed" ? undefined : next.sort,
    dir: next.dir === defaultJobDir(next.sort) ? undefined : next.dir,
    page: next.page > 1 ? next.page : undefined,
  })}`;
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePage("jobs:read", "/jobs");
  const { params: filter, errors } = parseJobListParams(await searchParams);
  const [list, customers] = await Promise.all([listJobs(filter), customerOptions(db)]);
  const allCount = Object.values(list.countsByState).reduce((a, b) => a + (b ?? 0), 0);
  const customerName = customers.find((c) => c.id === filter.customer)?.name;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Jobs</h1>
          <p className="text-slate-700">
            {list.total} {list.total === 1 ? "job" : "jobs"}
            {filter.state ? ` in ${filter.state}` : ""}
            {customerName ? ` of ${customerName}` : ""}
            {filter.q ? ` matching “${filter.q}”` : ""}
          </p>
        </div>
        <a
          href={hrefFor(filter, { page: 1 }, "/api/jobs/export")}
          download
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          Download CSV<span className="sr-only"> of these {list.total} jobs</span>
        </a>
      </div>

      <ParamErrors errors={errors} />

      <FilterForm action="/jobs" label="Filter jobs" clearHref="/jobs">
        <label className="flex min-w-48 flex-1 flex-col text-sm font-medium">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filter.q}
            placeholder="Job, customer, tracking no. or serial"
            className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          />
        </label>
        <SelectFilter
          label="State"
          name="state"
          value={filter.state}
          options={[
            { value: "", label: "Every state" },
            ...JOB_STATES.map((s) => ({ value: s, label: s })),
          ]}
        />
        <CustomerFilter value={filter.customer} customers={customers} />
        <SelectFilter
          label="Type"
          name="type"
          value={filter.type}
          options={[
            { value: "", label: "Import and export" },
            { value: "Import", label: "Import" },
            { value: "Export", label: "Export" },
          ]}
        />
        <DateFilter label="Created from" name="from" value={filter.from} />
        <DateFilter label="Created to" name="to" value={filter.to} />
        <SelectFilter
          label="Sort by"
          name="sort"
          value={filter.sort}
          options={JOB_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <SelectFilter
          label="Order"
          name="dir"
          value={filter.dir}
          options={[
            { value: "asc", label: "Ascending" },
            { value: "desc", label: "Descending" },
          ]}
        />
      </FilterForm>

      <nav aria-label="Filter by state">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href={hrefFor(filter, { state: undefined })}
              aria-current={!filter.state ? "page" : undefined}
              className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
            >
              All <span className="tabular-nums">({allCount})</span>
            </Link>
          </li>
          {JOB_STATES.map((state) => (
            <li key={state}>
              <Link
                href={hrefFor(filter, { state })}
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
          No jobs match these filters.
        </p>
      ) : (
        <>
          <JobsTable
            rows={list.rows}
            sorting={{
              sort: filter.sort,
              dir: filter.dir,
              href: (sort, dir) => hrefFor(filter, { sort: sort as JobListParams["sort"], dir }),
            }}
          />
          <JobCardList rows={list.rows} />
        </>
      )}

      {list.pageCount > 1 && (
        <Pager
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          noun={["job", "jobs"]}
          href={(page) => hrefFor(filter, { page })}
        />
      )}
    </div>
  );
}
