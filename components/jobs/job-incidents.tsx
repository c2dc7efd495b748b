import Link from "next/link";
import { Time } from "@/components/ui/time";
import { INCIDENT_DEFINITIONS, daysLeft } from "@/lib/domain/index.ts";
import type { JobDetailIncident } from "@/lib/views/jobs.ts";

function DaysLeft({ now, at }: { now: Date; at: Date }) {
  const days = daysLeft(now, at);
  if (days > 0) return <>{days === 1 ? "1 day left" : `${days} days left`}</>;
  if (days === 0) return <span className="font-semibold text-red-900">due now</span>;
  return (
    <span className="font-semibold text-red-900">
      {days === -1 ? "1 day overdue" : `${-days} days overdue`}
    </span>
  );
}

const KEEPS_DRIVE = new Set(["JobNotShipping", "ExtraDrive"]);

const DEADLINES = [
  ["Contact the customer by", "contactDeadline"],
  ["Customer to answer by", "answerDeadline"],
  ["Destroy the drives after", "destructionDeadline"],
] as const;

/** The job's error events (R-E1..R-E5): what happened, the deadlines left, and how it ended. */
export function JobIncidents({ incidents, now }: { incidents: JobDetailIncident[]; now: Date }) {
  return (
    <section aria-labelledby="job-incidents" className="space-y-2">
      <h2 id="job-incidents" className="text-lg font-bold">
        Incidents <span className="font-normal text-slate-700">({incidents.length})</span>
      </h2>
      {incidents.length === 0 ? (
        <p className="text-slate-700">No incidents.</p>
      ) : (
        <ul className="space-y-3">
          {incidents.map((i) => {
            const definition = INCIDENT_DEFINITIONS[i.kind];
            const open = i.status === "Open";
            return (
              <li
                key={i.id}
                className={`rounded-lg border bg-white p-4 ${open ? "border-amber-400" : "border-slate-200"}`}
              >
                <h3 className="font-semibold">
                  {definition.title}{" "}
                  <span className="font-normal text-slate-700">({definition.rule})</span>
                </h3>
                <p className="mt-1 text-sm">
                  <span
                    className={`rounded px-1.5 py-0.5 text-xs font-semibold ${open ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
                  >
                    {i.status}
                  </span>{" "}
                  opened <Time at={i.openedAt} />
                  {i.driveSerial && (
                    <>
                      {" "}
                      · drive <span className="font-mono">{i.driveSerial}</span>
                    </>
                  )}
                </p>
                <p className="mt-2 text-sm text-slate-900">{i.summary}</p>
                {/* R-E1, R-E5: the drive this incident keeps at the dock gets a printed label. */}
                {open && i.driveId && KEEPS_DRIVE.has(i.kind) && (
                  <p className="mt-1 text-sm">
                    <Link
                      href={`/labels/drives/${i.driveId}`}
                      className="text-blue-800 underline hover:text-blue-950"
                    >
                      Print the drive label
                      {i.driveSerial && <span className="sr-only"> of {i.driveSerial}</span>}
                    </Link>
                  </p>
                )}
                <dl className="mt-2 space-y-1 text-sm">
                  {DEADLINES.map(([term, key]) => {
                    const at = i[key];
                    if (!at) return null;
                    return (
                      <div key={key} className="flex flex-wrap gap-x-2">
                        <dt className="font-semibold text-slate-800">{term}</dt>
                        <dd>
                          <Time at={at} />
                          {open && (
                            <>
                              {" "}
                              (<DaysLeft now={now} at={at} />)
                            </>
                          )}
                        </dd>
                      </div>
                    );
                  })}
                  {i.resolvedAt && (
                    <div className="flex flex-wrap gap-x-2">
                      <dt className="font-semibold text-slate-800">Resolved</dt>
                      <dd>
                        <Time at={i.resolvedAt} />
                        {i.resolvedByName && <> by {i.resolvedByName}</>}
                        {i.resolution && <>: {i.resolution}</>}
                      </dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
