import type { Metadata } from "next";
import { LiveIncidents } from "@/components/incidents/live-incidents";
import { db } from "@/lib/server/db.ts";
import { incidentsPageData } from "@/lib/server/incidents/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Incidents" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

export default async function IncidentsPage() {
  await requirePage("incidents:work", "/incidents");
  const data = await incidentsPageData(db, new Date());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Incidents</h1>
        <p className="text-slate-700">
          The job error events (R-E1 to R-E5): open incidents first, nearest deadline first, then
          the recently resolved. Record every step: each is an event. The list refreshes by itself.
        </p>
      </div>
      <LiveIncidents initial={data} />
    </div>
  );
}
