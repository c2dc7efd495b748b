import type { JobState } from "@/lib/domain/index.ts";

/**
 * The filtered lists behind the dashboard's figures, in the URL parameters the lists read
 * (/jobs?state=…, /incidents?rule=…&overdue=1&due=<days>, /faults).
 */
export const listHref = {
  jobsInState: (state: JobState) => `/jobs?state=${state}`,
  incidentsOfRule: (rule: string) => `/incidents?rule=${rule}`,
  incidentsOverdue: () => "/incidents?overdue=1",
  incidentsDueWithin: (days: number) => `/incidents?due=${days}`,
  faults: () => "/faults",
  incidents: () => "/incidents",
};

/** Which of the supervisors' queues the reader may open (an admin sees the figures, not the queues). */
export type Queues = { faults: boolean; incidents: boolean };

/** The link, when the reader may open the list it leads to; else none (the number stays). */
export function reachable(queues: Queues, href: string): string | undefined {
  if (href.startsWith("/faults")) return queues.faults ? href : undefined;
  if (href.startsWith("/incidents")) return queues.incidents ? href : undefined;
  return href;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2061-03-05" -> "5 Mar": the chart's axis and the tables' rows (UTC days). */
export function shortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? ""}`;
}

/** Bytes as terabytes (10^12, as drive makers count them), two decimals. */
export function terabytes(bytes: number): string {
  return (bytes / 1e12).toFixed(2);
}
