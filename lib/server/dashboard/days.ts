import "server-only";
import { DAY_MS } from "@/lib/domain/index.ts";

/** The dashboard's window: the last 14 UTC days, today included. */
export const DASHBOARD_DAYS = 14;

/** Midnight UTC of `now`'s day, and the window's first midnight and its end (tomorrow's). */
export function dayWindow(now: Date, days = DASHBOARD_DAYS) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(today - (days - 1) * DAY_MS);
  const end = new Date(today + DAY_MS);
  const labels = Array.from({ length: days }, (_, i) =>
    new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10),
  );
  return { start, end, labels };
}

/** Counts by day label, with every day of the window present (0 where nothing happened). */
export function fillDays<R extends { day: string }>(
  labels: readonly string[],
  rows: readonly R[],
  empty: (day: string) => R,
): R[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return labels.map((day) => byDay.get(day) ?? empty(day));
}
