"use client";

import { IncidentTable } from "@/components/incidents/incident-table";
import { LiveStatus } from "@/components/ui/live-status";
import { Pager } from "@/components/ui/pager";
import { useLiveView } from "@/components/ui/use-live-view";
import { listQuery, type IncidentListParams } from "@/lib/validation/list-params.ts";
import type { IncidentQueueView } from "@/lib/views/queues.ts";
import { OpenIncidentForm } from "./open-incident-form";

type Query = Omit<IncidentListParams, "overdue"> & { overdue?: boolean };

/**
 * The incidents page's live part, refreshed from `GET /api/incidents` with the page's own filters:
 * an incident opened elsewhere (at the dock, by the sweep, by another supervisor) appears without
 * a reload, and the jobs offered to the hand-opened forms follow the domain.
 */
export function LiveIncidents({
  initial,
  filter,
}: {
  initial: IncidentQueueView;
  filter: IncidentListParams;
}) {
  const query = listQuery({ ...filter });
  const { data, error } = useLiveView(`incidents${query}`, `/api/incidents${query}`, initial);
  const href = (change: Partial<Query>) =>
    `/incidents${listQuery({ ...filter, page: undefined, ...change })}`;
  const open = filter.status === "open";
  return (
    <>
      <section aria-labelledby="incident-list-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="incident-list-heading" className="text-xl font-semibold">
            {open ? "Open" : "Resolved"}: {data.total} {data.total === 1 ? "incident" : "incidents"}
          </h2>
          <LiveStatus generatedAt={data.generatedAt} error={error} />
        </div>
        {data.items.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {open ? "No open incident" : "Nothing resolved"} matches these filters.
          </p>
        ) : (
          <IncidentTable
            items={data.items}
            caption={open ? "Open incidents" : "Resolved incidents"}
            sorting={{
              sort: filter.sort,
              dir: filter.dir,
              href: (sort, dir) => href({ sort: sort as Query["sort"], dir }),
            }}
          />
        )}
        {data.pageCount > 1 && (
          <Pager
            page={data.page}
            pageCount={data.pageCount}
            total={data.total}
            noun={["incident", "incidents"]}
            href={(page) => href({ page })}
          />
        )}
      </section>
      <OpenIncidentForm rule="R-E4" jobs={data.openable.returnAddress} />
      <OpenIncidentForm rule="R-E3" jobs={data.openable.returnedDrives} />
    </>
  );
}
