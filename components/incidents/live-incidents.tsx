"use client";

import { LiveStatus } from "@/components/ui/live-status";
import { useLiveView } from "@/components/ui/use-live-view";
import type { IncidentsPageData } from "@/lib/server/incidents/queries.ts";
import { IncidentList } from "./incident-list";
import { OpenIncidentForm } from "./open-incident-form";

/**
 * The incidents page's live part, refreshed from `GET /api/incidents`: an incident opened
 * elsewhere (at the dock, by the sweep, by another supervisor) appears without a reload, and the
 * jobs offered to the hand-opened forms follow the domain.
 */
export function LiveIncidents({ initial }: { initial: IncidentsPageData }) {
  const { data, error } = useLiveView("incidents", "/api/incidents", initial);
  return (
    <>
      <LiveStatus generatedAt={data.generatedAt} error={error} />
      <IncidentList items={data.items} />
      <OpenIncidentForm rule="R-E4" jobs={data.openable.returnAddress} />
      <OpenIncidentForm rule="R-E3" jobs={data.openable.returnedDrives} />
    </>
  );
}
