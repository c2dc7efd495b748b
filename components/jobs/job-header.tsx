import { CancelledTag } from "@/components/jobs/job-drive-counts";
import { StateBadge } from "@/components/jobs/state-badge";
import { Progress } from "@/components/ui/progress";
import { JobArrivals } from "@/components/jobs/job-arrivals";
import type { ArrivalSummary } from "@/lib/domain/index.ts";
import { JOB_STATE_DESCRIPTIONS } from "@/lib/domain/states.ts";
import type { JobDetailJob } from "@/lib/views/jobs.ts";

/**
 * The job's name, customer and where it stands (R-G1), how much was copied (R-G2, from its drives
 * by the domain's rule, as the API and the status page say it) and what came in.
 */
export function JobHeader({
  job,
  percent,
  arrivals,
}: {
  job: JobDetailJob;
  percent: number;
  arrivals: ArrivalSummary;
}) {
  return (
    <header className="space-y-3">
      <div>
        <p className="text-sm text-slate-700">
          {job.customer.name} · {job.type} job
        </p>
        <h1 tabIndex={-1} className="font-mono text-2xl font-bold break-all focus:outline-none">
          {job.name}
          {job.cancelRequested && <CancelledTag />}
        </h1>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <StateBadge state={job.state} />
        <Progress value={percent} label={`${job.name} complete`} />
      </div>
      <p className="max-w-prose text-slate-800">{JOB_STATE_DESCRIPTIONS[job.state]}</p>
      <JobArrivals summary={arrivals} />
      {job.state === "Faulted" && (
        <p className="max-w-prose rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <span className="font-semibold">Faulted</span>
          {job.faultedFrom && <> from {job.faultedFrom}</>}
          {job.faultReason && <>: {job.faultReason}</>}
        </p>
      )}
    </header>
  );
}
