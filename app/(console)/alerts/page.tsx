import type { Metadata } from "next";
import { LiveAlerts } from "@/components/alerts/live-alerts";
import { db } from "@/lib/server/db.ts";
import { supervisorAlerts } from "@/lib/server/notify/alerts.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

/** Supervisors' alerts (issue 12): deadlines within 48 hours, open faults and incidents. */
export default async function AlertsPage() {
  await requirePage("alerts:read", "/alerts");
  const initial = await supervisorAlerts(db, new Date());
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="text-slate-700">
          Deadlines of the next 48 hours, the nearest first, then every open fault and incident, the
          newest first. Open one to work it on its page. The list refreshes by itself.
        </p>
      </div>
      <LiveAlerts initial={initial} />
    </div>
  );
}
