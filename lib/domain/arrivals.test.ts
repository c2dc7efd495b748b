import { describe, expect, it } from "vitest";
import { arrivalSummary } from "./arrivals.ts";
import type { DriveState } from "./states.ts";

const d = (serial: string, state: DriveState, extra = false) => ({ serial, state, extra });

describe("what came in (R-J7, R-D4, R-E5)", () => {
  it("R-J7, R-D4, R-E5: a Received job with a NeverReceived drive and two extra drives did not get every drive", () => {
    const s = arrivalSummary([
      d("A", "Received"),
      d("B", "Received"),
      d("C", "NeverReceived"),
      d("X1", "Received", true),
      d("X2", "Received", true),
    ]);
    expect(s).toEqual({
      listed: 3,
      arrived: 2,
      neverReceived: ["C"],
      awaited: 0,
      unknown: 0,
      extra: 2,
      allArrived: false,
    });
  });
  it("R-J7: every listed drive in, shipped back or disposed of counts as arrived", () => {
    const s = arrivalSummary([
      d("A", "ShippedBack"),
      { ...d("B", "Received"), disposal: "Destroyed" as const },
    ]);
    expect(s).toMatchObject({ arrived: 2, allArrived: true, extra: 0 });
  });
  it("R-J7, R-F1: still expected, and faulted with no known origin", () => {
    const s = arrivalSummary([d("A", "Specified"), d("B", "Faulted")]);
    expect(s).toMatchObject({ arrived: 0, awaited: 1, unknown: 1, allArrived: false });
    expect(arrivalSummary([])).toMatchObject({ listed: 0, allArrived: false });
  });
});
