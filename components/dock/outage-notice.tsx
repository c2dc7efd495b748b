import type { Unavailable } from "./dock-api";

/**
 * Said once, plainly, while the server or its database does not answer: the scans wait on this
 * page and are sent, each once, when it answers again.
 */
export function OutageNotice({ outage, waiting }: { outage: Unavailable; waiting: number }) {
  return (
    <div
      role="alert"
      className="rounded-lg border-2 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p className="font-semibold">
        {outage === "database"
          ? "The database is not answering: your scans are queued and will be sent."
          : "The server is not answering: your scans are queued and will be sent."}
      </p>
      <p className="text-sm">
        {waiting === 0
          ? "Keep scanning; this page keeps trying."
          : `${waiting} ${waiting === 1 ? "scan is" : "scans are"} waiting. Keep this page open.`}
      </p>
    </div>
  );
}
