import Link from "next/link";
import { StateBadge } from "@/components/jobs/state-badge";
import { CancelledTag, JobDriveCounts } from "@/components/jobs/job-drive-counts";
import { Progress } from "@/components/ui/progress";
import { SortHeader } from "@/components/ui/sort-header";
import { Time } from "@/components/ui/time";
import type { JobListRow } from "@/lib/views/jobs.ts";
import { ColumnHeader, Table } from "@/components/ui/table";

function JobLink({ job }: { job: JobListRow }) {
  return (
    <Link href={`/jobs/${job.id}`} className="text-blue-800 underline hover:text-blue-950">
      {job.name}
    </Link>
  );
}

type Sorting = {
  sort: string;
  dir: "asc" | "desc";
  href: (column: string, dir: "asc" | "desc") => string;
};

const COLUMNS = [
  ["Job", "name"],
  ["Customer", "customer"],
  ["Type", "type"],
  ["State", "state"],
  ["Complete", "complete"],
  ["Drives", null],
  ["Created", "created"],
  ["Last change", "changed"],
] as const;

/**
 * The jobs as a table, for screens wide enough for it (a card list serves small ones); each
 * column header but the drives' sorts the list by it.
 */
export function JobsTable({ rows, sorting }: { rows: JobListRow[]; sorting: Sorting }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
      <Table
        caption="Jobs"
        scroll={false}
        head={
          <>
            {COLUMNS.map(([label, column]) =>
              column ? (
                <SortHeader
                  key={column}
                  label={label}
                  column={column}
                  current={sorting.sort}
                  dir={sorting.dir}
                  href={sorting.href}
                />
              ) : (
                <ColumnHeader key={label} className="px-3 py-2 font-semibold whitespace-nowrap">
                  {label}
                </ColumnHeader>
              ),
            )}
          </>
        }
      >
        {rows.map((job) => (
          <tr key={job.id}>
            <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
              <JobLink job={job} />
              {job.cancelRequested && <CancelledTag />}
            </th>
            <td className="px-3 py-2 whitespace-nowrap">{job.customerName}</td>
            <td className="px-3 py-2">{job.type}</td>
            <td className="px-3 py-2">
              <StateBadge state={job.state} />
            </td>
            <td className="px-3 py-2">
              <Progress value={job.percentComplete} label={`${job.name} complete`} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <JobDriveCounts job={job} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap text-slate-700">
              <Time at={job.createdAt} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap text-slate-700">
              <Time at={job.stateChangedAt} relative />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** The same jobs as a list of cards, for a phone or a small dock screen. */
export function JobCardList({ rows }: { rows: JobListRow[] }) {
  return (
    <ul aria-label="Jobs" className="space-y-2 md:hidden">
      {rows.map((job) => (
        <li key={job.id} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex items-start justify-between gap-2">
            <p className="font-mono text-sm font-semibold break-all">
              <JobLink job={job} />
              {job.cancelRequested && <CancelledTag />}
            </p>
            <StateBadge state={job.state} />
          </div>
          <p className="mt-1 text-sm text-slate-700">
            {job.customerName} · {job.type} · changed <Time at={job.stateChangedAt} relative />
          </p>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
            <Progress value={job.percentComplete} label={`${job.name} complete`} />
            <JobDriveCounts job={job} />
          </div>
        </li>
      ))}
    </ul>
  );
}
