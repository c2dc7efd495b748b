import Link from "next/link";
import { TrackingNumber } from "@/components/jobs/job-time";
import { Time } from "@/components/ui/time";
import { StateBadge } from "@/components/jobs/state-badge";
import { ReturnAddressBlock } from "@/components/worklists/return-address";
import type { ShipBackJob } from "@/lib/views/worklists.ts";

const LINK = "text-blue-800 underline hover:text-blue-950";

/** One job waiting to go back: its drives, where they go and how, and its printouts. */
export function ShipBackCard({ job }: { job: ShipBackJob }) {
  const headingId = `ship-back-${job.jobId}`;
  const left = job.drives.filter((d) => !d.shippedBack).length;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-lg font-bold">
          <Link href={`/jobs/${job.jobId}`} className={`font-mono break-all ${LINK}`}>
            {job.jobName}
          </Link>
        </h2>
        <p className="text-sm text-slate-700">
          {job.customer} · {job.jobType} · Packaging since <Time at={job.packagingSince} />
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-label={`Drives of ${job.jobName}`} className="md:col-span-1">
          <h3 className="text-sm font-semibold text-slate-800">
            Drives: {left} of {job.drives.length} still here
          </h3>
          <ul className="mt-1 space-y-1">
            {job.drives.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono break-all">{d.serial}</span>
                {d.extra && (
                  <span className="rounded bg-orange-100 px-1.5 text-xs font-semibold text-orange-900">
                    Extra
                  </span>
                )}
                <StateBadge state={d.state} />
                {d.heldBy && (
                  <Link href={`/labels/drives/${d.id}`} className={`text-sm ${LINK}`}>
                    Drive label<span className="sr-only"> of {d.serial}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={`Return address of ${job.jobName}`}>
          <h3 className="text-sm font-semibold text-slate-800">Return address</h3>
          <ReturnAddressBlock address={job.returnAddress} />
        </section>
        <section aria-label={`Return shipping of ${job.jobName}`}>
          <h3 className="text-sm font-semibold text-slate-800">Return shipping</h3>
          <p>
            {job.returnCarrier ?? "No carrier chosen"}
            {job.returnCarrierAccount && (
              <span className="block text-sm [overflow-wrap:anywhere]">
                Account {job.returnCarrierAccount}
              </span>
            )}
          </p>
          {job.parcels.length > 0 && (
            <ul className="mt-1 text-sm">
              {job.parcels.map((p) => (
                <li key={p.trackingNumber}>
                  <TrackingNumber carrier={p.carrier} trackingNumber={p.trackingNumber} />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link
              href={`/labels/jobs/${job.jobId}/packing-slip`}
              className="inline-flex rounded-md border border-slate-400 px-3 py-1.5 font-semibold hover:bg-slate-100"
            >
              Packing slip<span className="sr-only"> of {job.jobName}</span>
            </Link>
          </p>
        </section>
      </div>
    </article>
  );
}
