import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { JobDetailEvent } from "@/lib/views/jobs.ts";

const HEADERS = ["Time", "Event", "Drive", "Change", "By", "Reason"] as const;

/** The audit log of the job and its drives, newest first, cut at `limit` rows. */
export function JobEvents({
  events,
  total,
  limit,
}: {
  events: JobDetailEvent[];
  total: number;
  limit: number;
}) {
  return (
    <section aria-labelledby="job-events" className="space-y-2">
      <h2 id="job-events" className="text-lg font-bold">
        Events <span className="font-normal text-slate-700">({total})</span>
      </h2>
      {total > events.length && (
        <p className="text-sm text-slate-700">
          Showing the latest {limit} of {total} events.
        </p>
      )}
      {events.length === 0 ? (
        <p className="text-slate-700">No events recorded.</p>
      ) : (
        <Table
          id="job-events-caption"
          caption="Events of this job and its drives, newest first"
          headers={HEADERS}
        >
          {events.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-3 py-2">
                <Time at={e.at} />
              </td>
              <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
                {e.kind}
              </th>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{e.driveSerial ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {e.fromState || e.toState ? (
                  <>
                    {e.fromState ?? "—"} <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span> {e.toState ?? "—"}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{e.actorLabel}</td>
              <td className="min-w-48 px-3 py-2">{e.reason ?? ""}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
