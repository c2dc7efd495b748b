import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentComplete, type ProgressDrive } from "./percent-complete.ts";
import { DRIVE_STATES, JOB_STATES, type DriveState, type JobState } from "./states.ts";

const d = (state: DriveState, percent = 0, more: Partial<ProgressDrive> = {}): ProgressDrive => ({
  state,
  percent,
  extra: false,
  ...more,
});

describe("percent complete (R-G2)", () => {
  it("R-G2: nothing is done before the drives are in", () => {
    expect(percentComplete({ state: "Creating", drives: [d("Specified")] })).toBe(0);
    expect(percentComplete({ state: "Shipping", drives: [d("Received"), d("ShippedBack")] })).toBe(
      0,
    );
  });
  it("R-G2: an ended job says how much was copied, never 100 because it ended", () => {
    // Every drive copied, then shipped back (the copy station's last figure was 100).
    expect(
      percentComplete({
        state: "Completed",
        drives: [d("ShippedBack", 100), d("ShippedBack", 100)],
      }),
    ).toBe(100);
    // R-J14: cancelled in Creating, its drive still Specified: nothing was copied.
    expect(percentComplete({ state: "Closed", drives: [d("Specified")] })).toBe(0);
    // R-J14: cancelled once its drives were in: they went back without a copy.
    expect(percentComplete({ state: "Closed", drives: [d("ShippedBack", 0)] })).toBe(0);
    // R-E2: closed because the package never came.
    expect(percentComplete({ state: "Closed", drives: [d("NeverReceived")] })).toBe(0);
    expect(percentComplete({ state: "Completed", drives: [] })).toBe(0);
    // R-D9: a supervisor sent one drive back halfway through its copy.
    expect(
      percentComplete({ state: "Closed", drives: [d("ShippedBack", 100), d("ShippedBack", 50)] }),
    ).toBe(75);
  });
  it("R-G2: between, the average of the drives' progress", () => {
    const job = {
      state: "Transferring" as JobState,
      drives: [d("Transferring", 50), d("Received", 80), d("Completed", 10)],
    };
    expect(percentComplete(job)).toBe(50); // (50 + 0 + 100) / 3
  });
  it("R-G2/R-D4: drives that never arrived are not counted", () => {
    expect(
      percentComplete({
        state: "Transferring",
        drives: [d("Transferring", 40), d("NeverReceived", 99)],
      }),
    ).toBe(40);
  });
  it("R-G2/R-E5: extra drives are not the job's work", () => {
    expect(
      percentComplete({
        state: "Transferring",
        drives: [d("Transferring", 40), d("Received", 0, { extra: true })],
      }),
    ).toBe(40);
  });
  it("R-G2/R-F1: a Faulted drive counts where it faulted from, else its last figure", () => {
    expect(
      percentComplete({
        state: "Packaging",
        drives: [d("Faulted", 0, { faultedFrom: "Completed" })],
      }),
    ).toBe(100);
    expect(percentComplete({ state: "Transferring", drives: [d("Faulted", 30)] })).toBe(30);
  });
  it("R-G2/R-D10: a late drive that turns up adds work and may lower the figure", () => {
    const before = percentComplete({
      state: "Transferring",
      drives: [d("Transferring", 60), d("NeverReceived")],
    });
    const after = percentComplete({
      state: "Transferring",
      drives: [d("Transferring", 60), d("Received")],
    });
    expect(after).toBeLessThan(before);
  });
  it("R-G2: rounds and clamps odd reports from copy stations", () => {
    expect(
      percentComplete({
        state: "Transferring",
        drives: [d("Transferring", 33.4), d("Transferring", 0)],
      }),
    ).toBe(17);
    expect(percentComplete({ state: "Transferring", drives: [d("Transferring", 250)] })).toBe(100);
    expect(percentComplete({ state: "Transferring", drives: [d("Transferring", -5)] })).toBe(0);
    expect(
      percentComplete({ state: "Transferring", drives: [d("Transferring", Number.NaN)] }),
    ).toBe(0);
  });
  it("R-G2: always a whole number between 0 and 100, whatever the input", () => {
    const drive = fc.record({
      state: fc.constantFrom(...DRIVE_STATES),
      percent: fc.oneof(fc.double(), fc.integer({ min: -10, max: 110 })),
      extra: fc.boolean(),
      faultedFrom: fc.option(fc.constantFrom(...DRIVE_STATES), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...JOB_STATES),
        fc.array(drive, { maxLength: 8 }),
        (state, drives) => {
          const p = percentComplete({ state, drives });
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
