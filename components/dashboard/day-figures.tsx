import type { DayCount, ThroughputDay } from "@/lib/views/dashboard.ts";
import { ColumnHeader, RowHeader } from "@/components/ui/table";
import { ColumnChart } from "./column-chart";
import { cellClass, FigureCard, FigureTable, numClass, thClass } from "./figure-card";
import { listHref, shortDay, terabytes } from "./links";

const BLUE = "#1d4ed8";
const TEAL = "#0f766e";
const VIOLET = "#6d28d9";

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Drives received (or shipped back) per UTC day of the window, as chart and table. */
export function DrivesPerDay({
  id,
  title,
  description,
  rows,
  colour,
  list,
}: {
  id: string;
  title: string;
  description: string;
  rows: readonly DayCount[];
  colour: string;
  list: { href: string; label: string };
}) {
  const values = rows.map((r) => r.count);
  return (
    <FigureCard
      id={id}
      title={title}
      description={description}
      list={list}
      chart={
        <ColumnChart
          labels={rows.map((r) => shortDay(r.day))}
          series={[{ name: title, colour, values }]}
          summary={`${title}: ${total(values)} in the last ${rows.length} days. The table gives each day.`}
          tickEvery={2}
        />
      }
      table={
        <FigureTable
          caption={<>{title} (UTC days)</>}
          head={
            <>
              <ColumnHeader className={thClass}>Day</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Drives</ColumnHeader>
            </>
          }
        >
          {[...rows].reverse().map((r) => (
            <tr key={r.day}>
              <RowHeader className={`${cellClass} font-normal`}>
                <time dateTime={r.day}>{shortDay(r.day)}</time>
              </RowHeader>
              <td className={numClass}>{r.count}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

export function ReceivedFigure({ rows }: { rows: readonly DayCount[] }) {
  return (
    <DrivesPerDay
      id="received"
      title="Drives received per day"
      description="Drives taken out of their packages at the dock (R-D3), last 14 days."
      rows={rows}
      colour={BLUE}
      list={{ href: listHref.jobsInState("Received"), label: "Jobs in Received" }}
    />
  );
}

export function ShippedBackFigure({ rows }: { rows: readonly DayCount[] }) {
  return (
    <DrivesPerDay
      id="shipped-back"
      title="Drives shipped back per day"
      description="Drives sent back to their customers (R-D9), last 14 days."
      rows={rows}
      colour={TEAL}
      list={{ href: listHref.jobsInState("Packaging"), label: "Jobs in Packaging" }}
    />
  );
}

/** Copy-station throughput: drives whose copy finished, and terabytes copied, per day. */
export function ThroughputFigure({ rows }: { rows: readonly ThroughputDay[] }) {
  const drives = rows.map((r) => r.drives);
  const bytes = total(rows.map((r) => r.bytes));
  return (
    <FigureCard
      id="throughput"
      title="Copy-station throughput"
      description="Drives whose copy finished (R-D7, R-D8) and the terabytes copied, per day."
      list={{ href: listHref.jobsInState("Transferring"), label: "Jobs in Transferring" }}
      chart={
        <ColumnChart
          labels={rows.map((r) => shortDay(r.day))}
          series={[{ name: "Drives copied", colour: VIOLET, values: drives }]}
          summary={`Copy-station throughput: ${total(drives)} drives and ${terabytes(bytes)} TB in the last ${rows.length} days. The table gives each day.`}
          tickEvery={2}
        />
      }
      table={
        <FigureTable
          caption="Drives copied and terabytes per day (UTC)"
          head={
            <>
              <ColumnHeader className={thClass}>Day</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Drives</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>TB</ColumnHeader>
            </>
          }
        >
          {[...rows].reverse().map((r) => (
            <tr key={r.day}>
              <RowHeader className={`${cellClass} font-normal`}>
                <time dateTime={r.day}>{shortDay(r.day)}</time>
              </RowHeader>
              <td className={numClass}>{r.drives}</td>
              <td className={numClass}>{terabytes(r.bytes)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}
