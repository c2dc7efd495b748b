"use client";

import { FaultsQueue } from "@/components/faults/faults-queue";
import type { FaultsPageData } from "@/lib/server/faults/queries.ts";
import { ListAnnouncement, useListAnnouncement } from "@/components/ui/form-submission";
import { LiveStatus } from "@/components/ui/live-status";
import { useLiveView } from "@/components/ui/use-live-view";

/** The faults queue, refreshed from `GET /api/faults`: a fault raised elsewhere shows up here. */
export function LiveFaultsQueue({ initial }: { initial: FaultsPageData }) {
  const { data, error } = useLiveView("faults-queue", "/api/faults", initial);
  const { message, region, announce } = useListAnnouncement();
  return (
    <div className="space-y-4">
      <div>
        <LiveStatus generatedAt={data.generatedAt} error={error} />
        <ListAnnouncement ref={region} message={message} />
      </div>
      <FaultsQueue items={data.items} onResolved={announce} />
    </div>
  );
}
