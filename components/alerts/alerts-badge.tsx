"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { POLL_MS } from "@/components/ui/use-live-view";
import type { AlertsView } from "@/lib/views/notifications.ts";

/** The alerts' count in the navigation ("Alerts, 3 open"), polled like the queues (supervisors). */
export function AlertsBadge() {
  const { data } = useQuery({
    queryKey: ["alerts-count"],
    queryFn: async ({ signal }) => {
      const r = await fetch("/api/alerts?view=count", { signal, cache: "no-store" });
      if (!r.ok) throw new Error(`the server answered ${r.status}`);
      return (await r.json()) as Pick<AlertsView, "count">;
    },
    refetchInterval: POLL_MS * 3,
    refetchIntervalInBackground: false,
  });
  const count = data?.count;
  return (
    <Link
      href="/alerts"
      aria-label={count === undefined ? "Alerts" : `Alerts, ${count} open`}
      className="rounded-md border border-slate-300 px-2 py-1 font-medium text-slate-800 hover:text-blue-800"
    >
      Alerts
      {count !== undefined ? (
        <span
          aria-hidden="true"
          className={`ml-1 rounded-full px-2 text-sm font-bold ${count > 0 ? "bg-red-800 text-white" : "bg-slate-200 text-slate-900"}`}
        >
          {count}
        </span>
      ) : null}
    </Link>
  );
}
