import Link from "next/link";
import { Countdown } from "@/components/incidents/countdown";
import { SortHeader } from "@/components/ui/sort-header";
import { Time } from "@/components/ui/time";
import type { IncidentView } from "@/lib/views/queues.ts";
import { ColumnHeader, Table } from "@/components/ui/table";

type Sorting = {
  sort: string;
  dir: "asc" | "desc";
  href: (column: string, dir: "asc" | "desc") => string;
};

/** The deadline that comes first (the list is sorted by it by default). */
function nearest(item: IncidentView) {
  return item.deadlines.reduce<IncidentView["deadlines"][number] | null>(
    (best, d) => (best === null || d.at < best.at ? d : best),
    null,
  );
}

/**
 * R-E1..R-E5 as a compact table: one row per incident, its nearest deadline toned by closeness,
 * each row linking to the incident's page where its outcomes are recorded.
 */
export function IncidentTable({
  items,
  caption,
  sorting,
}: {
  items: IncidentView[];
  caption: string;
  sorting: Sorting;
}) {
  const head = (label: string, column: string, className?: string) => (
    <SortHeader
      label={label}
      column={column}
      current={sorting.sort}
      dir={sorting.dir}
      href={sorting.href}
      className={className}
    />
  );
  return (
    <Table
      id="incident-table-caption"
      caption={caption}
      head={
        <>
          {head("Incident", "rule")}
          {head("Job", "job")}
          <ColumnHeader>Customer</ColumnHeader>
          {head("Deadline", "deadline")}
          {head("Opened", "opened")}
          <ColumnHeader>Contacts</ColumnHeader>
        </>
      }
    >
      {items.map((item) => {
        const next = nearest(item);
        return (
          <tr key={item.id}>
            <th scope="row" className="px-3 py-2 font-medium">
              <Link
                href={`/incidents/${item.id}`}
                className="text-blue-800 underline hover:text-blue-950"
              >
                {item.rule}: {item.title}
              </Link>
            </th>
            <td className="px-3 py-2 font-mono whitespace-nowrap">
              {item.job ? item.job.name : "No job"}
            </td>
            <td className="px-3 py-2">{item.customer?.name ?? "—"}</td>
            <td className="px-3 py-2">
              {item.status === "Open" && next ? (
                <Countdown label={next.label} at={next.at} days={next.daysLeft} />
              ) : item.resolvedAt ? (
                <>
                  Resolved <Time at={item.resolvedAt} relative />
                </>
              ) : (
                <span className="text-slate-600">None</span>
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Time at={item.openedAt} relative />
            </td>
            <td className="px-3 py-2 tabular-nums">{item.contactCount}</td>
          </tr>
        );
      })}
    </Table>
  );
}
