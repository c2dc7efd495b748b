import Link from "next/link";
import { Table } from "@/components/ui/table";
import { TrackingNumber } from "@/components/jobs/job-time";
import { Time } from "@/components/ui/time";
import { OverdueMark } from "@/components/worklists/overdue-mark";
import { daysLeft } from "@/lib/domain/timers.ts";
import type { ExpectedPackage } from "@/lib/views/worklists.ts";

const HEADERS = [
  "Job",
  "Carrier and tracking number",
  "Customer",
  "Drives expected",
  "Shipping since",
  "Due by",
] as const;

function drivesExpected(p: ExpectedPackage): string {
  if (p.drivesListed > 0) {
    return p.drivesAwaited === p.drivesListed
      ? `${p.drivesListed}`
      : `${p.drivesAwaited} of ${p.drivesListed}`;
  }
  // An export job lists no drives before they arrive (R-D2): its announced count, if any.
  return p.announcedDrives ? `${p.announcedDrives} (announced)` : "Not announced";
}

/** The packages on their way to the dock, the overdue ones first and marked (R-J6, R-E2). */
export function ExpectedTable({ packages, now }: { packages: ExpectedPackage[]; now: Date }) {
  return (
    <Table id="expected-caption" caption="Packages expected at the dock" headers={HEADERS}>
      {packages.map((p) => (
        <tr key={p.jobId} className={`align-top ${p.overdue ? "bg-red-50/60" : ""}`}>
          <th scope="row" className="min-w-48 px-3 py-2 font-medium">
            <Link
              href={`/jobs/${p.jobId}`}
              className="font-mono break-all text-blue-800 underline hover:text-blue-950"
            >
              {p.jobName}
            </Link>
            <span className="block text-xs font-normal text-slate-700">{p.jobType}</span>
            {p.overdue && (
              <span className="mt-1 block">
                <OverdueMark days={-daysLeft(now, p.dueAt)} />
              </span>
            )}
          </th>
          <td className="px-3 py-2">
            {p.carrier && p.trackingNumber ? (
              <TrackingNumber carrier={p.carrier} trackingNumber={p.trackingNumber} />
            ) : (
              <span className="text-slate-700">No delivery package</span>
            )}
          </td>
          <td className="px-3 py-2">{p.customer}</td>
          <td className="px-3 py-2 tabular-nums">{drivesExpected(p)}</td>
          <td className="px-3 py-2">
            <span className="block font-semibold whitespace-nowrap">
              {p.daysSinceShipping === 1 ? "1 day" : `${p.daysSinceShipping} days`}
            </span>
            <span className="text-xs text-slate-700">
              <Time at={p.shippingSince} />
            </span>
          </td>
          <td className="px-3 py-2">
            <Time at={p.dueAt} />
            {p.overdueIncident && (
              <span className="mt-1 block text-xs">
                <Link href={`/jobs/${p.jobId}#job-incidents`} className="text-blue-800 underline">
                  Customer told (R-E2)
                  <span className="sr-only"> about the package of job {p.jobName}</span>
                </Link>
                {p.overdueIncident.answerDeadline && (
                  <>
                    , answer by <Time at={p.overdueIncident.answerDeadline} />
                  </>
                )}
              </span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
