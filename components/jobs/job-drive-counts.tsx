import type { JobListRow } from "@/lib/views/jobs.ts";

export function JobDriveCounts({ job }: { job: JobListRow }) {
  return (
    <span className="tabular-nums">
      <span title="drives at the datacenter / drives listed">
        {job.drives.atDatacenter}/{job.drives.total} in
      </span>
      {job.drives.shippedBack > 0 && (
        <span className="ml-2 text-slate-700">{job.drives.shippedBack} back</span>
      )}
      {job.drives.faulted > 0 && (
        <span className="ml-2 font-semibold text-red-800">{job.drives.faulted} faulted</span>
      )}
      {job.extraDrives > 0 && (
        <span className="ml-2 text-orange-900">+{job.extraDrives} extra</span>
      )}
    </span>
  );
}

export function CancelledTag() {
  return (
    <span className="ml-2 rounded bg-orange-100 px-1.5 py-0.5 font-sans text-xs font-semibold text-orange-900">
      Cancelled
    </span>
  );
}
