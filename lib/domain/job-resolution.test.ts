import { describe, expect, it } from "vitest";
import { drives, extra, jobSnapshot } from "./fixtures.test-support.ts";
import { jobResolutionTargets, jobStateConsistentWithDrives } from "./job-resolution.ts";
import type { JobState } from "./states.ts";

const faulted = (faultedFrom: JobState | null, ds = drives("Specified")) =>
  jobSnapshot({ state: "Faulted", faultedFrom, drives: ds });

describe("where a Faulted job may go (R-F3)", () => {
  it("R-F3: back to where it faulted from when its drives have not moved", () => {
    expect(jobResolutionTargets(faulted("Shipping", drives("Specified", "Received")))).toEqual([
      "Shipping",
    ]);
  });
  it("R-F3: to the state its drives now imply, when where it came from no longer fits", () => {
    expect(jobResolutionTargets(faulted("Shipping", drives("Received", "Received")))).toEqual([
      "Received",
    ]);
  });
  it("R-F3: to the implied state or back to Transferring, when its drives were put back to Received", () => {
    expect(jobResolutionTargets(faulted("Transferring", drives("Received", "Received")))).toEqual([
      "Received",
      "Transferring",
    ]);
  });
  it("R-F3/R-J10: straight to Completed when every drive went back meanwhile", () => {
    expect(
      jobResolutionTargets(faulted("Packaging", drives("ShippedBack", "ShippedBack"))),
    ).toEqual(["Completed"]);
  });
  it("R-F3/R-F1: a Faulted drive holds the job where it faulted from", () => {
    expect(jobResolutionTargets(faulted("Packaging", drives("Completed", "Faulted")))).toEqual([
      "Packaging",
    ]);
  });
  it("R-F3/R-E1: a job faulted from Creating goes back to Creating", () => {
    expect(jobResolutionTargets(faulted("Creating", drives("Specified")))).toEqual(["Creating"]);
  });
  it("R-F3: when the faulted-from state was lost, every state consistent with the drives", () => {
    expect(jobResolutionTargets(faulted(null, drives("Specified", "Specified")))).toEqual([
      "Creating",
      "Shipping",
      "Closed",
    ]);
  });
  it("R-F3: a job that is not Faulted has nothing to resolve", () => {
    expect(jobResolutionTargets(jobSnapshot({ state: "Shipping" }))).toEqual([]);
  });
});

describe("whether a job state fits its drives", () => {
  const fits = (state: JobState, ds = drives(), more = {}) =>
    jobStateConsistentWithDrives(state, jobSnapshot({ drives: ds, ...more }));
  it("R-E1: Creating only while no drive has been processed", () => {
    expect(fits("Creating", drives("Specified"))).toBe(true);
    expect(fits("Creating", drives("Received"))).toBe(false);
  });
  it("R-J7: Received needs every drive accounted for and none being copied", () => {
    expect(fits("Received", drives("Received", "NeverReceived"))).toBe(true);
    expect(fits("Received", drives("Received", "Specified"))).toBe(false);
    expect(fits("Received", drives("Received", "Transferring"))).toBe(false);
  });
  it("R-J9: Packaging needs every received drive processed", () => {
    expect(fits("Packaging", drives("Completed", "ShippedBack"))).toBe(true);
    expect(fits("Packaging", drives("Completed", "Transferring"))).toBe(false);
  });
  it("R-J10: Completed needs every drive shipped back and no error", () => {
    expect(fits("Completed", drives("ShippedBack"))).toBe(true);
    expect(fits("Completed", drives("ShippedBack"), { hadErrors: true })).toBe(false);
    expect(fits("Completed", drives("ShippedBack", "NeverReceived"))).toBe(false);
  });
  it("R-J12/R-E2/R-E5: Closed needs no drive, listed or extra, left at the datacenter", () => {
    expect(fits("Closed", drives("ShippedBack", "NeverReceived"))).toBe(true);
    expect(fits("Closed", drives("Specified"))).toBe(true);
    expect(fits("Closed", drives("ShippedBack", "Completed"))).toBe(false);
    expect(fits("Closed", [...drives("ShippedBack"), extra("Received")])).toBe(false);
    expect(fits("Closed", [...drives("ShippedBack"), extra("ShippedBack")])).toBe(true);
    expect(fits("Completed", [...drives("ShippedBack"), extra("Received")])).toBe(false);
  });
  it("R-D2: a job with no listed drive can only be Creating, Shipping or ended", () => {
    expect(fits("Shipping", [])).toBe(true);
    expect(fits("Received", [])).toBe(false);
  });
});
