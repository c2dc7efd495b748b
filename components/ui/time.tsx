"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import {
  DEFAULT_TIME_ZONE,
  formatClockInZone,
  formatDateInZone,
  formatInZone,
  formatUtc,
  relativeTime,
} from "@/lib/time/format.ts";

type TimeContext = { timeZone: string; now: number };

const Context = createContext<TimeContext>({ timeZone: DEFAULT_TIME_ZONE, now: 0 });

/**
 * The reader's time zone (from their choice, read on the server) and a clock for relative times.
 * The clock starts at the server's render time, so the first paint matches on both sides, then
 * ticks every 30 s.
 */
export function TimeZoneProvider({
  timeZone,
  renderedAt,
  children,
}: {
  timeZone: string;
  renderedAt: string;
  children: ReactNode;
}) {
  const [now, setNow] = useState(() => Date.parse(renderedAt));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <Context.Provider value={{ timeZone, now }}>{children}</Context.Provider>;
}

export function useTimeZone(): string {
  return useContext(Context).timeZone;
}

function toDate(at: Date | string): Date {
  return typeof at === "string" ? new Date(at) : at;
}

/**
 * One instant on a staff page: in the reader's zone ("2 Dec 2026, 14:05 CET"), or as an age
 * ("3 h ago") with `relative`, or only the day with `dateOnly`; the UTC time on hover, and the
 * machine-readable instant in `dateTime`. The one formatter for times in the console.
 */
export function Time({
  at,
  relative = false,
  dateOnly = false,
  clock = false,
}: {
  at: Date | string;
  relative?: boolean;
  dateOnly?: boolean;
  clock?: boolean;
}) {
  const { timeZone, now } = useContext(Context);
  const date = toDate(at);
  const local = formatInZone(date, timeZone);
  const text = relative
    ? relativeTime(date, new Date(now || date.getTime()))
    : dateOnly
      ? formatDateInZone(date, timeZone)
      : clock
        ? formatClockInZone(date, timeZone)
        : local;
  const utc = formatUtc(date);
  const title = relative || dateOnly ? (timeZone === "UTC" ? utc : `${local} · ${utc}`) : utc;
  return (
    <time dateTime={date.toISOString()} title={title} className="whitespace-nowrap">
      {text}
    </time>
  );
}

/** An instant that may be missing, with a dash for "not yet". */
export function MaybeTime({ at }: { at: Date | string | null }) {
  return at ? <Time at={at} /> : <span className="text-slate-600">—</span>;
}
