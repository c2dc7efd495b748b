"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE, isTimeZone } from "@/lib/time/format.ts";

/** A year: the choice outlives the session, like any preference of this browser. */
const MAX_AGE = 365 * 24 * 3600;

export function timeZoneCookie(timeZone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; path=/; max-age=${MAX_AGE}; samesite=lax`;
}

/**
 * The browser's time zone by default: when nobody has chosen one yet, read it from Intl, store it
 * and render again in it. A choice made on the settings page is never overwritten.
 */
export function TimeZoneDetector({ chosen }: { chosen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (chosen) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || !isTimeZone(zone)) return;
    document.cookie = timeZoneCookie(zone);
    router.refresh();
  }, [chosen, router]);
  return null;
}
