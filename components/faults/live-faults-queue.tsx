"use client";

import { FaultTable } from "@/components/faults/fault-table";
import { LiveStatus } from "@/components/ui/live-status";
import { Pager } from "@/components/ui/pager";
import { useLiveView } from "@/components/ui/use-live-view";
import { listQuery, type FaultListParams } from "@/lib/validation/list-params.ts";
import type { FaultQueueView } from "@/lib/views/queues.ts";

/**
 * The faults queue, refreshed from `GET /api/faults` with the page's own filters: a fault raised
 * elsewhere shows up here without a reload.
 */
export function LiveFaultsQueue({
  initial,
  filter,
}: {
  initial: FaultQueueView;
  filter: FaultListParams;
}) {
  const query = listQuery({ ...filter });
  const { data, error } = useLiveView(`faults${query}`, `/api/faults${query}`, initial);
  const href = (change: Partial<FaultListParams>) =>
    `/faults${listQuery({ ...filter, page: undefined, ...change })}`;
  return (
    <section aria-labelledby="fault-list-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="fault-list-heading" className="text-xl font-semibold">
          {data.total} {data.total === 1 ? "fault" : "faults"}
          {data.total !== data.counts.open ? ` of ${data.counts.open}` : ""}
        </h2>
        <LiveStatus generatedAt={data.generatedAt} error={error} />
      </div>
      {data.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {data.counts.open === 0 ? "Nothing is Faulted." : "No fault matches these filters."}
        </p>
      ) : (
        <FaultTable
          items={data.items}
          now={data.generatedAt}
          sorting={{
            sort: filter.sort,
            dir: filter.dir,
            href: (sort, dir) => href({ sort: sort as FaultListParams["sort"], dir }),
          }}
        />
      )}
      {data.pageCount > 1 && (
        <Pager
          page={data.page}
          pageCount={data.pageCount}
          total={data.total}
          noun={["fault", "faults"]}
          href={(page) => href({ page })}
        />
      )}
    </section>
  );
}
