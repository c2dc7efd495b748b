import { DAY_MS } from "@/lib/domain/timers.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Locale } from "./locale.ts";
import { messagesFor, type Messages } from "./messages.ts";

/** How the status page writes times, percentages and time left, in the reader's language. */
export type Format = {
  m: Messages;
  time: (at: Date) => SafeHtml;
  percent: (n: number) => string;
  /** How long until `at`, for a deadline sentence: "in 24 days", "in 5 hours". */
  remaining: (now: Date, at: Date) => string;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * The time left before a deadline, for the customer: whole days rounded down ("in 24 days" with
 * 24 days 6 hours left), whole hours under a day, and "within the hour" under an hour. The
 * console's days-left (timers.ts) rounds up, which is right for a queue sorted by urgency but
 * promises the customer time they do not have.
 */
export function timeRemaining(
  now: Date,
  at: Date,
  locale: Pick<Locale, "lang" | "formatTag">,
): string {
  const ms = at.getTime() - now.getTime();
  const relative = new Intl.RelativeTimeFormat(locale.formatTag, { numeric: "always" });
  if (ms >= DAY_MS) return relative.format(Math.floor(ms / DAY_MS), "day");
  if (ms >= HOUR_MS) return relative.format(Math.floor(ms / HOUR_MS), "hour");
  return messagesFor(locale.lang).withinTheHour;
}

export function formatFor(locale: Locale): Format {
  const dates = new Intl.DateTimeFormat(locale.formatTag, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });
  const percents = new Intl.NumberFormat(locale.formatTag, { style: "percent" });
  return {
    m: messagesFor(locale.lang),
    time: (at) => html`<time datetime="${at.toISOString()}">${dates.format(at)}</time>`,
    percent: (n) => percents.format(Math.max(0, Math.min(100, n)) / 100),
    remaining: (now, at) => timeRemaining(now, at, locale),
  };
}
