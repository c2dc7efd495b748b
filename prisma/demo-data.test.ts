import { describe, expect, it } from "vitest";
import {
  COPY_STATION_JOURNEY_JOB,
  CUSTOMERS,
  DEMO_API_KEYS,
  DEMO_CUSTOMER_KEY,
  DEMO_STATION_KEY,
} from "./demo-data.ts";

/** The key format of lib/server/api-keys/secret.ts. */
const KEY = /^dsk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

describe("the demo API keys", () => {
  it("have the format of real keys, and prefixes of their own", () => {
    expect(DEMO_STATION_KEY).toMatch(KEY);
    expect(DEMO_CUSTOMER_KEY).toMatch(KEY);
    expect(KEY.exec(DEMO_STATION_KEY)![1]).not.toBe(KEY.exec(DEMO_CUSTOMER_KEY)![1]);
  });

  it("are one copy-station key and one key for the first demo customer", () => {
    expect(DEMO_API_KEYS.map((k) => [k.kind, k.key, k.customer])).toEqual([
      ["station", DEMO_STATION_KEY, null],
      ["customer", DEMO_CUSTOMER_KEY, CUSTOMERS[0].name],
    ]);
  });
});

describe("the copy-station journey's job", () => {
  it("has distinct upper-case serials and a name of the last demo customer's form", () => {
    const { serials, name } = COPY_STATION_JOURNEY_JOB;
    expect(new Set(serials).size).toBe(serials.length);
    for (const s of serials) expect(s).toBe(s.toUpperCase());
    expect(name.startsWith(CUSTOMERS[4].name.split(" ")[0]!.toLowerCase())).toBe(true);
  });
});
