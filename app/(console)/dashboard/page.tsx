import type { Metadata } from "next";
import { AgingFigure, BacklogFigure, OpenAgesFigure } from "@/components/dashboard/status-figures";
import {
  ReceivedFigure,
  ShippedBackFigure,
  ThroughputFigure,
} from "@/components/dashboard/day-figures";
import { sharedDashboardFigures } from "@/lib/server/dashboard/queries.ts";
import { can } from "@/lib/permissions.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Dashboard" };
// Live figures: computed from the database, shared by the requests of the same two seconds.
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const { user } = await requirePage("dashboard:read", "/dashboard");
  // An admin reads the figures but works no queue: numbers without links to pages that would refuse.
  const queues = {
    faults: can(user.role, "faults:resolve"),
    incidents: can(user.role, "incidents:work"),
  };
  const figures = await sharedDashboardFigures(new Date());
  const at = figures.at.slice(11, 16);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="text-slate-700">
          The floor at <time dateTime={figures.at}>{at} UTC</time>; days are UTC days. Each number
          links to the list behind it.
        </p>
      </div>
      <div className="grid gap-5 2xl:grid-cols-2">
        <AgingFigure rows={figures.aging} queues={queues} />
        <BacklogFigure rows={figures.backlog} />
        <ReceivedFigure rows={figures.received} />
        <ShippedBackFigure rows={figures.shippedBack} />
        <OpenAgesFigure rows={figures.openAges} queues={queues} />
        <ThroughputFigure rows={figures.throughput} />
      </div>
    </div>
  );
}
