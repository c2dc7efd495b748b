import { describe, expect, it } from "vitest";
import {
  formatClockInZone,
  formatInZone,
  formatUtc,
  isTimeZone,
  relativeTime,
  timeZoneOrDefault,
} from "./format.ts";

const at = new Date("2026-12-02T13:05:09Z");

describe("time zones", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    for (const bad of ["", "Mars/Olympus", "Europe/Berlin; x", "../etc", "a".repeat(80)])
      expect(isTimeZone(bad)).toBe(false);
  });
  it("falls back to UTC for a missing or unknown zone", () => {
    expect(timeZoneOrDefault(undefined)).toBe("UTC");
    expect(timeZoneOrDefault("Nowhere/Else")).toBe("UTC");
    expect(timeZoneOrDefault("Asia/Tokyo")).toBe("Asia/Tokyo");
  });
});

describe("formatting", () => {
  it("writes an instant in the reader's zone, naming the zone", () => {
    expect(formatUtc(at)).toBe("2 Dec 2026, 13:05 UTC");
    expect(formatInZone(at, "Asia/Tokyo")).toBe("2 Dec 2026, 22:05 GMT+9");
    expect(formatInZone(at, "Europe/Berlin")).toMatch(/^2 Dec 2026, 14:05 (CET|GMT\+1)$/);
    expect(formatClockInZone(at, "UTC")).toBe("13:05:09 UTC");
  });
  it("says how long ago, in the largest whole unit", () => {
    const ago = (ms: number) => relativeTime(new Date(at.getTime() - ms), at);
    expect(ago(30_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 min ago");
    expect(ago(3 * 3_600_000 + 59 * 60_000)).toBe("3 h ago");
    expect(ago(23 * 3_600_000 + 59 * 60_000)).toBe("23 h ago");
    expect(ago(86_400_000)).toBe("1 day ago");
    expect(ago(9 * 86_400_000)).toBe("9 days ago");
    expect(ago(-4 * 3_600_000)).toBe("in 4 h");
    expect(ago(-3 * 86_400_000)).toBe("in 3 days");
  });
});
