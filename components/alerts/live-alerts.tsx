"use client";

import Link from "next/link";
import { Time } from "@/components/ui/time";
import { LiveStatus } from "@/components/ui/live-status";
import { useLiveView } from "@/components/ui/use-live-view";
import type { AlertSection, AlertsView } from "@/lib/views/notifications.ts";

/** "Showing 50 of 312", or the number alone when every one is listed. */
function shown({ total, alerts }: AlertSection): string {
  return alerts.length < total ? `Showing ${alerts.length} of ${total}` : `${total} in all`;
}

/** One part of the alerts as a compact table: the alert (its page), its job, rule and time. */
function AlertTable({
  id,
  heading,
  emptyText,
  timeLabel,
  section,
}: {
  id: string;
  heading: string;
  emptyText: string;
  timeLabel: string;
  section: AlertSection;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-slate-700">{shown(section)}</p>
      </div>
      {section.alerts.length === 0 ? (
        <p className="text-slate-700">{emptyText}</p>
      ) : (
        <div
          role="region"
          aria-labelledby={`${id}-heading`}
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{heading}</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Alert
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Job
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Rule
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {timeLabel}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {section.alerts.map((a) => (
                <tr key={a.key}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={a.href} className="text-blue-800 underline hover:text-blue-950">
                      {a.title}
                    </Link>
                  </th>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">
                    {a.job ?? <span className="font-sans text-slate-600">No known job</span>}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{a.rule}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Time at={a.at} relative />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The supervisors' alerts, refreshed from `GET /api/alerts` like the queues. */
export function LiveAlerts({ initial }: { initial: AlertsView }) {
  const { data, error } = useLiveView("alerts", "/api/alerts", initial);
  return (
    <div className="space-y-6">
      <p className="text-sm font-medium text-slate-900">
        {data.count} {data.count === 1 ? "alert" : "alerts"} in all
      </p>
      <LiveStatus generatedAt={data.generatedAt} error={error} />
      <AlertTable
        id="alerts-deadlines"
        heading="Deadlines within 48 hours"
        emptyText="No deadline falls within the next 48 hours."
        timeLabel="Due"
        section={data.deadlines}
      />
      <AlertTable
        id="alerts-opened"
        heading="Open faults and incidents"
        emptyText="No fault or incident is open."
        timeLabel="Opened"
        section={data.opened}
      />
    </div>
  );
}
