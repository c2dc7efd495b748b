import { z } from "zod";

/**
 * Dates people and clients give (a ship date, the day a customer asked us to wait until) are
 * days of this service's life, not any instant JavaScript can hold: year 0001 or 9999 is a typo
 * or a probe, and PostgreSQL and the pages would show it as if it meant something. The rules
 * that need "in the future" or "within two weeks" decide that from `now` in the domain; this
 * is only the sane frame around them.
 */
export const EARLIEST_DATE = new Date("2000-01-01T00:00:00Z");
export const LATEST_DATE = new Date("2100-01-01T00:00:00Z");
export const DATE_RANGE_RULE = "Give a date between the years 2000 and 2099.";

export function isSaneDate(date: Date): boolean {
  const t = date.getTime();
  return Number.isFinite(t) && t >= EARLIEST_DATE.getTime() && t < LATEST_DATE.getTime();
}

/** A form's date field (any string `Date` reads), as a Date within the sane range. */
export function formDate(invalid = "Give a valid date.") {
  return z.coerce.date(invalid).refine(isSaneDate, DATE_RANGE_RULE);
}

/** An ISO 8601 date or date-time string (the API's shape), within the sane range. */
export function isoDateInRange<T extends z.ZodType<string>>(schema: T) {
  return schema.refine((s) => isSaneDate(new Date(s)), DATE_RANGE_RULE);
}
