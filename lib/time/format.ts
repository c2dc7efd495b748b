/**
 * How the console writes an instant: in the reader's time zone (their choice, the browser's by
 * default) with the zone named, the UTC time beside it on hover, and relative ages ("3 h ago").
 * Pure: the zone and `now` are inputs. The customers' status page keeps its own rules.
 */

export const TIME_ZONE_COOKIE = "dockside-tz";
export const DEFAULT_TIME_ZONE = "UTC";

/** An IANA zone name Intl knows ("Europe/Berlin", "UTC"); anything else is not a zone. */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone to show times in: the stored choice when it is a zone, else UTC. */
export function timeZoneOrDefault(value: string | undefined | null): string {
  return value && isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions) {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", options);
    formatters.set(key, f);
  }
  return f;
}

/** "2 Dec 2026, 14:05 CET": date, time and the zone's short name. */
export function formatInZone(at: Date, timeZone: string): string {
  return formatter(`dt:${timeZone}`, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  })
    .format(at)
    .concat(" ", zoneName(at, timeZone));
}

/** "2 Dec 2026" in the zone. */
export function formatDateInZone(at: Date, timeZone: string): string {
  return formatter(`d:${timeZone}`, { dateStyle: "medium", timeZone }).format(at);
}

/** "14:05:09 CET": a clock reading, for "Updated …" lines. */
export function formatClockInZone(at: Date, timeZone: string): string {
  const clock = formatter(`c:${timeZone}`, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(at);
  return `${clock} ${zoneName(at, timeZone)}`;
}

/** "2 Dec 2026, 13:05 UTC": what the hover shows. */
export function formatUtc(at: Date): string {
  return formatInZone(at, "UTC");
}

function zoneName(at: Date, timeZone: string): string {
  const parts = formatter(`z:${timeZone}`, { timeZone, timeZoneName: "short" }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or how far ahead) an instant is, in the largest whole unit: "just now", "5 min
 * ago", "3 h ago", "2 days ago", "in 4 h", "in 3 days". Whole units round down, so "23 h ago" is
 * never called a day.
 */
export function relativeTime(at: Date, now: Date): string {
  const delta = now.getTime() - at.getTime();
  const span = Math.abs(delta);
  if (span < MINUTE) return "just now";
  const [n, unit] =
    span < HOUR
      ? [Math.floor(span / MINUTE), "min"]
      : span < DAY
        ? [Math.floor(span / HOUR), "h"]
        : [Math.floor(span / DAY), Math.floor(span / DAY) === 1 ? "day" : "days"];
  return delta >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}
