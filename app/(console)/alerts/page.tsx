import type { Metadata } from "next";
import { LiveAlerts } from "@/components/alerts/live-alerts";
import { db } from "@/lib/server/db.ts";
import { supervisorAlerts } from "@/lib/server/notify/alerts.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

/** Supervisors' alerts: open faults and incidents, and every deadline within 48 hours. */
export default async function AlertsPage() {
  await requirePage("faults:resolve", "/alerts");
  const initial = await supervisorAlerts(db, new Date());
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Alerts</h1>
        <p className="text-slate-700">
          Deadlines within 48 hours first, then open faults and incidents, newest first.
        </p>
      </div>
      <LiveAlerts initial={initial} />
    </div>
  );
}
