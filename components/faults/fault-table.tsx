import Link from "next/link";
import { Countdown } from "@/components/incidents/countdown";
import { SortHeader } from "@/components/ui/sort-header";
import { Time } from "@/components/ui/time";
import type { FaultView } from "@/lib/views/queues.ts";
import { ColumnHeader, Table } from "@/components/ui/table";

const DAY_MS = 86_400_000;

type Sorting = {
  sort: string;
  dir: "asc" | "desc";
  href: (column: string, dir: "asc" | "desc") => string;
};

/** The day the customer asked us to wait until, counted in whole days from `now` (R-F2). */
function followUp(item: FaultView, now: string) {
  const wait = item.lastContact?.result === "askedToWait" ? item.lastContact.waitUntil : null;
  if (!wait) return null;
  return { at: wait, days: Math.floor((Date.parse(wait) - Date.parse(now)) / DAY_MS) };
}

/**
 * R-F2, R-F3: faulted jobs and drives as a compact table, each row linking to the fault's page
 * where the customer contact is recorded and the fault resolved.
 */
export function FaultTable({
  items,
  now,
  sorting,
}: {
  items: FaultView[];
  now: string;
  sorting: Sorting;
}) {
  const head = (label: string, column: string) => (
    <SortHeader
      label={label}
      column={column}
      current={sorting.sort}
      dir={sorting.dir}
      href={sorting.href}
    />
  );
  return (
    <Table
      id="fault-table-caption"
      caption="Faults"
      head={
        <>
          <ColumnHeader>Fault</ColumnHeader>
          {head("Job", "job")}
          {head("Customer", "customer")}
          <ColumnHeader>Reason</ColumnHeader>
          {head("Faulted", "since")}
          {head("Follow-up", "due")}
          <ColumnHeader>Contacts</ColumnHeader>
        </>
      }
    >
      {items.map((item) => {
        const wait = followUp(item, now);
        return (
          <tr key={`${item.kind}-${item.id}`}>
            <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
              <Link
                href={`/faults/${item.id}`}
                className="text-blue-800 underline hover:text-blue-950"
              >
                {item.kind === "job" ? "Job " : "Drive "}
                <span className="font-mono">
                  {item.kind === "job" ? item.jobName : item.serial}
                </span>
              </Link>
            </th>
            <td className="px-3 py-2 font-mono whitespace-nowrap">{item.jobName}</td>
            <td className="px-3 py-2">{item.customer.name}</td>
            <td className="max-w-72 px-3 py-2">{item.reason ?? "None given"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Time at={item.since} relative />
            </td>
            <td className="px-3 py-2">
              {wait ? (
                <Countdown label="Wait until" at={wait.at} days={wait.days} />
              ) : (
                <span className="text-slate-600">—</span>
              )}
            </td>
            <td className="px-3 py-2 tabular-nums">{item.contactCount}</td>
          </tr>
        );
      })}
    </Table>
  );
}
