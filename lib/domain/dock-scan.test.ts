import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canUndoScan, planDriveScan, type DriveOnRecord, type PackageJob } from "./dock-scan.ts";
import { DRIVE_STATES, JOB_STATES } from "./states.ts";

const importJob = (state: PackageJob["state"] = "Shipping", id = "job-1"): PackageJob => ({
  jobId: id,
  name: id,
  type: "Import",
  state,
});
const drive = (over: Partial<DriveOnRecord> = {}): DriveOnRecord => ({
  driveId: "d-1",
  jobId: "job-1",
  jobName: "job-1",
  jobState: "Shipping",
  state: "Specified",
  extra: false,
  ...over,
});

describe("what a drive scan at the dock means", () => {
  it("R-D3: an expected drive of a job in Shipping is received", () => {
    expect(planDriveScan([importJob()], [drive()])).toEqual({
      kind: "receive",
      driveId: "d-1",
      jobId: "job-1",
      late: false,
      rule: "R-D3",
    });
  });

  it("R-D10: a NeverReceived drive arriving in a later package is received", () => {
    const plan = planDriveScan(
      [importJob("Received", "job-2")],
      [drive({ state: "NeverReceived", jobState: "Received" })],
    );
    expect(plan).toMatchObject({ kind: "receive", late: true, rule: "R-D10", driveId: "d-1" });
  });

  it("a drive already at the datacenter is a double scan: nothing to do", () => {
    for (const state of [
      "Received",
      "Transferring",
      "Completed",
      "CompletedMoreInfo",
      "Faulted",
    ] as const) {
      expect(planDriveScan([importJob()], [drive({ state })])).toMatchObject({
        kind: "alreadyHere",
        state,
      });
    }
  });

  it("R-E1: a drive of a job still in Creating is held, not received", () => {
    expect(planDriveScan([importJob("Creating")], [drive({ jobState: "Creating" })])).toEqual({
      kind: "holdJobNotShipping",
      driveId: "d-1",
      jobId: "job-1",
      rule: "R-E1",
    });
  });

  it("R-E1: a drive of no known job, in a package of no known job, is held", () => {
    expect(planDriveScan([], [])).toEqual({ kind: "holdUnknown", rule: "R-E1" });
  });

  it("R-E5 / R-D11: a drive on nobody's list, in a job's package, is an extra drive of that job", () => {
    expect(planDriveScan([importJob()], [])).toEqual({
      kind: "extra",
      jobId: "job-1",
      rule: "R-E5",
    });
  });

  it("R-D2: a drive in an export job's package is that job's drive, Received", () => {
    const exportJob: PackageJob = {
      jobId: "exp-1",
      name: "exp",
      type: "Export",
      state: "Shipping",
    };
    expect(planDriveScan([exportJob], [])).toEqual({
      kind: "exportDrive",
      jobId: "exp-1",
      rule: "R-D2",
    });
  });

  it("R-D3: a listed drive of another job, in the wrong package, is still received for its own job", () => {
    const plan = planDriveScan([importJob("Shipping", "job-9")], [drive({ jobId: "job-1" })]);
    expect(plan).toMatchObject({ kind: "receive", jobId: "job-1" });
  });

  it("a drive shipped back long ago is history: a new arrival of it is a new drive", () => {
    expect(
      planDriveScan(
        [importJob()],
        [drive({ state: "ShippedBack", jobId: "old", jobState: "Completed" })],
      ),
    ).toEqual({
      kind: "extra",
      jobId: "job-1",
      rule: "R-E5",
    });
    expect(
      planDriveScan([], [drive({ state: "ShippedBack", jobState: "Completed" })]),
    ).toMatchObject({ kind: "alreadyShippedBack" });
  });

  it("a held drive scanned again is a double scan", () => {
    expect(
      planDriveScan([], [drive({ jobId: null, jobName: null, jobState: null, state: "Received" })]),
    ).toMatchObject({ kind: "alreadyHere", jobId: null });
  });

  it("every drive state and job state gives exactly one plan, and receiving only from Specified or NeverReceived (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRIVE_STATES),
        fc.constantFrom(...JOB_STATES),
        fc.boolean(),
        (state, jobState, inPackage) => {
          const plan = planDriveScan(inPackage ? [importJob(jobState)] : [], [
            drive({ state, jobState }),
          ]);
          if (plan.kind === "receive") expect(["Specified", "NeverReceived"]).toContain(state);
          if (plan.kind === "holdJobNotShipping") expect(jobState).toBe("Creating");
        },
      ),
    );
  });
});

describe("undoing a scan", () => {
  const at = new Date("2026-11-24T06:00:00Z");
  const scan = { at, byUserId: "ana", toState: "Received" as const };
  const later = (m: number) => new Date(at.getTime() + m * 60_000);
  it("is allowed to its operator within 5 minutes when the drive has not changed since", () => {
    expect(
      canUndoScan(scan, { state: "Received", changedSince: false }, "ana", later(4.9)).ok,
    ).toBe(true);
  });
  it("is refused to another operator, after the window, or once the drive moved on", () => {
    expect(canUndoScan(scan, { state: "Received", changedSince: false }, "ben", later(1)).ok).toBe(
      false,
    );
    expect(
      canUndoScan(scan, { state: "Received", changedSince: false }, "ana", later(5.1)).ok,
    ).toBe(false);
    expect(
      canUndoScan(scan, { state: "Transferring", changedSince: true }, "ana", later(1)).ok,
    ).toBe(false);
  });
});
