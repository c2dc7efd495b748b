"use client";

import { FaultsQueue } from "@/components/faults/faults-queue";
import type { FaultsPageData } from "@/lib/server/faults/queries.ts";
import { LiveStatus } from "./live-status";
import { useLiveView } from "./use-live-view";

/** The faults queue, refreshed from `GET /api/faults`: a fault raised elsewhere shows up here. */
export function LiveFaultsQueue({ initial }: { initial: FaultsPageData }) {
  const { data, error } = useLiveView("faults-queue", "/api/faults", initial);
  return (
    <div className="space-y-4">
      <LiveStatus generatedAt={data.generatedAt} error={error} />
      <FaultsQueue items={data.items} />
    </div>
  );
}
