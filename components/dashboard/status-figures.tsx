import type { AgeRow, AgingRow, StateCount } from "@/lib/views/dashboard.ts";
import { AGE_BUCKET_LABELS } from "@/lib/views/dashboard.ts";
import { ColumnHeader, RowHeader } from "@/components/ui/table";
import { ColumnChart } from "./column-chart";
import { cellClass, CountLink, FigureCard, FigureTable, numClass, thClass } from "./figure-card";
import { HorizontalBars } from "./horizontal-bars";
import { listHref, reachable, type Queues } from "./links";

const SLATE = "#334155";
const RED = "#b91c1c";
const AMBER = "#b45309";
const INDIGO = "#4338ca";

/** Jobs by state, each count linked to the jobs list in that state. */
export function BacklogFigure({ rows }: { rows: readonly StateCount[] }) {
  const open = rows.filter((r) => r.state !== "Completed" && r.state !== "Closed");
  const sum = open.reduce((a, r) => a + r.count, 0);
  return (
    <FigureCard
      id="backlog"
      title="Backlog by job state"
      description="Every job Dockside holds, by its state (R-J1 … R-J13, R-F1)."
      list={{ href: "/jobs", label: "All jobs" }}
      chart={
        <HorizontalBars
          rows={rows.map((r) => ({ label: r.state, value: r.count }))}
          summary={`Backlog by job state: ${sum} jobs not yet Completed or Closed. The table gives each state.`}
          colour={SLATE}
        />
      }
      table={
        <FigureTable
          caption="Jobs by state"
          head={
            <>
              <ColumnHeader className={thClass}>State</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Jobs</ColumnHeader>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.state}>
              <RowHeader className={`${cellClass} font-normal`}>{r.state}</RowHeader>
              <td className={numClass}>
                <CountLink
                  href={listHref.jobsInState(r.state)}
                  value={r.count}
                  label={`jobs in ${r.state}`}
                />
              </td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

const AGING: Record<
  AgingRow["key"],
  { label: string; short: string; overdue: string; soon: string }
> = {
  creating: {
    label: "Creating jobs (deleted after 14 days, R-J2)",
    short: "Creating",
    overdue: listHref.jobsInState("Creating"),
    soon: listHref.jobsInState("Creating"),
  },
  shipping: {
    label: "Packages (due 14 days after shipping, R-J6)",
    short: "Packages",
    overdue: listHref.incidentsOfRule("R-E2"),
    soon: listHref.jobsInState("Shipping"),
  },
  drives: {
    label: "Drives awaited (NeverReceived after 14 days, R-D5)",
    short: "Drives",
    overdue: listHref.jobsInState("Shipping"),
    soon: listHref.jobsInState("Shipping"),
  },
  incidents: {
    label: "Incident deadlines (R-E1, R-E2, R-E4)",
    short: "Incidents",
    overdue: listHref.incidentsOverdue(),
    soon: listHref.incidentsDueWithin(2),
  },
};

/** Jobs, drives and incidents against their deadlines: past them, and due within 48 hours. */
export function AgingFigure({ rows, queues }: { rows: readonly AgingRow[]; queues: Queues }) {
  const overdue = rows.reduce((a, r) => a + r.overdue, 0);
  const soon = rows.reduce((a, r) => a + r.dueSoon, 0);
  return (
    <FigureCard
      id="aging"
      title="Deadlines"
      description="What is past its deadline, and what falls due within the next 48 hours."
      list={
        queues.incidents
          ? { href: listHref.incidentsOverdue(), label: "Overdue incidents" }
          : undefined
      }
      chart={
        <ColumnChart
          labels={rows.map((r) => AGING[r.key].short)}
          series={[
            { name: "Overdue", colour: RED, values: rows.map((r) => r.overdue) },
            { name: "Due within 48 h", colour: AMBER, values: rows.map((r) => r.dueSoon) },
          ]}
          summary={`Deadlines: ${overdue} overdue (red) and ${soon} due within 48 hours (amber). The table gives each kind.`}
        />
      }
      table={
        <FigureTable
          caption="Past the deadline and due within 48 hours"
          head={
            <>
              <ColumnHeader className={thClass}>Deadline</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Overdue</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Due within 48 h</ColumnHeader>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.key}>
              <RowHeader className={`${cellClass} font-normal`}>{AGING[r.key].label}</RowHeader>
              <td className={numClass}>
                <CountLink
                  href={reachable(queues, AGING[r.key].overdue)}
                  value={r.overdue}
                  label={`overdue: ${AGING[r.key].short}`}
                />
              </td>
              <td className={numClass}>
                <CountLink
                  href={reachable(queues, AGING[r.key].soon)}
                  value={r.dueSoon}
                  label={`due within 48 hours: ${AGING[r.key].short}`}
                />
              </td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

/** Open faults and incidents by how long they have been open. */
export function OpenAgesFigure({ rows, queues }: { rows: readonly AgeRow[]; queues: Queues }) {
  const faults = rows.reduce((a, r) => a + r.faults, 0);
  const incidents = rows.reduce((a, r) => a + r.incidents, 0);
  return (
    <FigureCard
      id="open-ages"
      title="Open faults and incidents by age"
      description="Faulted jobs and drives since they faulted (R-F1); incidents since they opened."
      list={
        queues.incidents ? { href: listHref.incidents(), label: "All open incidents" } : undefined
      }
      chart={
        <ColumnChart
          labels={rows.map((r) => AGE_BUCKET_LABELS[r.bucket])}
          series={[
            { name: "Faults", colour: INDIGO, values: rows.map((r) => r.faults) },
            { name: "Incidents", colour: RED, values: rows.map((r) => r.incidents) },
          ]}
          summary={`Open: ${faults} faults (indigo) and ${incidents} incidents (red), by age. The table gives each age.`}
        />
      }
      table={
        <FigureTable
          caption="Open faults and incidents by age"
          head={
            <>
              <ColumnHeader className={thClass}>Open for</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Faults</ColumnHeader>
              <ColumnHeader className={`${thClass} text-right`}>Incidents</ColumnHeader>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.bucket}>
              <RowHeader className={`${cellClass} font-normal`}>
                {AGE_BUCKET_LABELS[r.bucket]}
              </RowHeader>
              <td className={numClass}>
                <CountLink
                  href={reachable(queues, listHref.faults())}
                  value={r.faults}
                  label={`faults open ${AGE_BUCKET_LABELS[r.bucket]}`}
                />
              </td>
              <td className={numClass}>
                <CountLink
                  href={reachable(queues, listHref.incidents())}
                  value={r.incidents}
                  label={`incidents open ${AGE_BUCKET_LABELS[r.bucket]}`}
                />
              </td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}
