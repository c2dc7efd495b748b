import "server-only";
import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE, isTimeZone, timeZoneOrDefault } from "@/lib/time/format.ts";

/** The reader's time zone as this browser stored it (UTC until it does), and whether it has. */
export async function readerTimeZone(): Promise<{ timeZone: string; chosen: boolean }> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return { timeZone: timeZoneOrDefault(value), chosen: value !== undefined && isTimeZone(value) };
}
