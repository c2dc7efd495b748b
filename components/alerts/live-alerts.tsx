"use client";

import Link from "next/link";
import { Time } from "@/components/ui/time";
import { LiveStatus } from "@/components/ui/live-status";
import { useLiveView } from "@/components/ui/use-live-view";
import type { AlertView } from "@/lib/views/notifications.ts";

type Data = { generatedAt: string; count: number; alerts: AlertView[] };

const KIND: Record<AlertView["kind"], string> = {
  deadline: "Deadline",
  fault: "Fault",
  incident: "Incident",
};

/** The supervisors' alerts, refreshed from `GET /api/alerts`. */
export function LiveAlerts({ initial }: { initial: Data }) {
  const { data, error } = useLiveView("alerts", "/api/alerts", initial);
  return (
    <div className="space-y-3">
      <LiveStatus generatedAt={data.generatedAt} error={error} />
      {data.alerts.length === 0 ? (
        <p className="text-slate-700">Nothing needs your attention.</p>
      ) : (
        <ul aria-label="Alerts" className="space-y-2">
          {data.alerts.map((a) => (
            <li key={a.key} className="rounded border border-slate-200 bg-white p-3">
              <span className="mr-2 rounded bg-slate-100 px-2 text-sm font-semibold text-slate-900">
                {KIND[a.kind]}
              </span>
              <Link href={a.href} className="font-semibold text-blue-800 underline">
                {a.title}
              </Link>
              <span className="block text-sm text-slate-700">
                {a.detail} · {a.kind === "deadline" ? "due " : "since "}
                <Time at={new Date(a.at)} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
