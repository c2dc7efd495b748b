/* eslint-disable @next/next/no-img-element -- a data: SVG drawn on the server, nothing to optimise */
import { Time } from "@/components/ui/time";
import type { DriveLabel } from "@/lib/views/labels.ts";

/**
 * The label of a drive kept at the dock (R-E1 held, R-E5 extra), sized for a 4x6 in label: what it
 * is in large letters, the serial as Code 128 and as text, its job and customer, and the incident
 * with its next deadline.
 */
export function DriveLabelSheet({ label }: { label: DriveLabel }) {
  const what = label.extra ? "Extra drive: do not process" : "Held drive: do not process";
  return (
    <article
      aria-labelledby="drive-label-heading"
      className="mx-auto flex w-full max-w-[4in] flex-col gap-3 border-2 border-black bg-white p-4 text-black print:max-w-none print:border-0 print:p-0"
    >
      <h1 id="drive-label-heading" className="text-xl leading-tight font-black uppercase">
        {what}
      </h1>
      <figure className="space-y-1">
        <img
          src={label.barcode.src}
          alt={`Code 128 barcode of drive serial ${label.serial}`}
          data-barcode={label.barcode.text}
          className="h-auto w-full"
        />
        <figcaption className="text-center font-mono text-2xl font-bold tracking-wider break-all">
          {label.serial}
        </figcaption>
      </figure>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">Job</dt>
        <dd className="font-mono break-all">{label.job ? label.job.name : "No job on record"}</dd>
        <dt className="font-semibold">Customer</dt>
        <dd className="[overflow-wrap:anywhere]">{label.job ? label.job.customer : "Unknown"}</dd>
        <dt className="font-semibold">Incident</dt>
        <dd>
          {label.incident ? (
            <>
              {label.incident.title} ({label.incident.rule}), opened{" "}
              <Time at={label.incident.openedAt} />
            </>
          ) : (
            "None open"
          )}
        </dd>
        <dt className="font-semibold">Deadline</dt>
        <dd>
          {label.incident?.deadline ? (
            <>
              {label.incident.deadline.what} <Time at={label.incident.deadline.at} />
            </>
          ) : label.extra ? (
            "Goes back with its job when the job completes (R-D11)"
          ) : (
            "None set"
          )}
        </dd>
      </dl>
    </article>
  );
}
