import { describe, expect, it } from "vitest";
import { decideDriveEvent } from "./drive-machine.ts";
import {
  EXTRA_DRIVE_INITIAL_STATE,
  initialDriveState,
  type DriveEvent,
  type DriveSnapshot,
  type JobContext,
} from "./drive-transitions.ts";
import { driveSnapshot, inJob, outcome, ruleOf } from "./fixtures.test-support.ts";
import { JOB_STATES, type DriveState, type JobState } from "./states.ts";

describe("initial drive states", () => {
  it("R-D1: an import job's listed drive starts Specified", () => {
    expect(initialDriveState("Import")).toBe("Specified");
  });
  it("R-D2: an export job's drive starts Received", () => {
    expect(initialDriveState("Export")).toBe("Received");
  });
  it("R-D11: an extra drive starts Received, since it is flagged as it leaves the package", () => {
    expect(EXTRA_DRIVE_INITIAL_STATE).toBe("Received");
  });
});

describe("receiving a drive depends on its job", () => {
  // [job state, outcome, rule of the refusal]
  const cases: [JobState, string, string | null][] = [
    ["Creating", "guard_failed", "R-E1"],
    ["Shipping", "Received", null],
    ["Received", "Received", null],
    ["Transferring", "Received", null],
    ["Packaging", "guard_failed", "R-D10"],
    ["Completed", "guard_failed", "R-J10"],
    ["Closed", "guard_failed", "R-J12"],
    ["Faulted", "guard_failed", "R-F3"],
  ];
  for (const [state, expected, rule] of cases) {
    it(`R-D3/R-E1: receive a Specified drive while the job is ${state} -> ${expected}`, () => {
      const d = decideDriveEvent(
        driveSnapshot("Specified"),
        { type: "receive" },
        "operator",
        inJob(state),
      );
      expect(outcome(d)).toBe(expected);
      expect(ruleOf(d)).toBe(rule);
    });
  }
  it("R-D10: a NeverReceived drive that turns up while the others are copied is Received", () => {
    const d = decideDriveEvent(
      driveSnapshot("NeverReceived"),
      { type: "receive" },
      "operator",
      inJob("Transferring"),
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "Received", faultedFrom: null, rule: "R-D10", recordsJobError: false },
    });
  });
  it("R-D3: a receive refused for a Creating job explains the R-E1 incident to the operator", () => {
    const d = decideDriveEvent(
      driveSnapshot("Specified"),
      { type: "receive" },
      "operator",
      inJob("Creating"),
    );
    expect(d.ok ? "" : d.refusal.message).toMatch(
      /not processed until the customer marks it Shipping/,
    );
  });
});

describe("marking a drive NeverReceived", () => {
  for (const state of JOB_STATES) {
    const expected = state === "Shipping" ? "NeverReceived" : "guard_failed";
    it(`R-D4: by an operator while the job is ${state} -> ${expected}`, () => {
      expect(
        outcome(
          decideDriveEvent(
            driveSnapshot("Specified"),
            { type: "markNeverReceived" },
            "operator",
            inJob(state),
          ),
        ),
      ).toBe(state === "Completed" || state === "Closed" ? "guard_failed" : expected);
    });
  }
  it("R-D5: by the sweep, 14 days after the shipping information (the sweep decides when)", () => {
    const d = decideDriveEvent(
      driveSnapshot("Specified"),
      { type: "markNeverReceived" },
      "sweep",
      inJob("Shipping"),
    );
    expect(d.ok && d.value.rule).toBe("R-D5");
  });
});

describe("starting a copy", () => {
  const cases: [string, DriveSnapshot, { job: JobContext }, string, string | null][] = [
    ["job Received", driveSnapshot("Received"), inJob("Received"), "Transferring", null],
    ["job Transferring", driveSnapshot("Received"), inJob("Transferring"), "Transferring", null],
    [
      "job Shipping (drives still expected)",
      driveSnapshot("Received"),
      inJob("Shipping"),
      "guard_failed",
      "R-J7",
    ],
    ["job Creating", driveSnapshot("Received"), inJob("Creating"), "guard_failed", "R-J7"],
    ["job Packaging", driveSnapshot("Received"), inJob("Packaging"), "guard_failed", "R-J9"],
    ["job Faulted", driveSnapshot("Received"), inJob("Faulted"), "guard_failed", "R-F3"],
    ["job cancelled", driveSnapshot("Received"), inJob("Received", true), "guard_failed", "R-J14"],
    [
      "an extra drive",
      driveSnapshot("Received", { extra: true }),
      inJob("Transferring"),
      "guard_failed",
      "R-E5",
    ],
  ];
  for (const [label, d, ctx, expected, rule] of cases) {
    it(`R-D6${rule ? `/${rule}` : ""}: startCopy with ${label} -> ${expected}`, () => {
      const decision = decideDriveEvent(d, { type: "startCopy" }, "copyStation", ctx);
      expect(outcome(decision)).toBe(expected);
      expect(ruleOf(decision)).toBe(rule);
    });
  }
  it("R-J14: cancelled jobs skip the copy, and the refusal says so", () => {
    const d = decideDriveEvent(
      driveSnapshot("Received"),
      { type: "startCopy" },
      "copyStation",
      inJob("Received", true),
    );
    expect(d.ok ? "" : d.refusal.message).toMatch(/cancelled job skips the data copy/);
  });
});

describe("finishing a copy", () => {
  const finish = (
    report: Omit<Extract<DriveEvent, { type: "finishCopy" }>, "type">,
    from: DriveState = "Transferring",
  ) =>
    decideDriveEvent(
      driveSnapshot(from),
      { type: "finishCopy", ...report },
      "copyStation",
      inJob("Transferring"),
    );
  it("R-D7: no errors, warnings or overwritten blobs -> Completed", () => {
    expect(finish({ errors: 0, warnings: 0, overwrittenBlobs: 0 })).toMatchObject({
      ok: true,
      value: { to: "Completed", rule: "R-D7", recordsJobError: false },
    });
  });
  it("R-D8: errors -> CompletedMoreInfo, and the job must remember the error (R-J12)", () => {
    expect(finish({ errors: 2, warnings: 0 })).toMatchObject({
      ok: true,
      value: { to: "CompletedMoreInfo", rule: "R-D8", recordsJobError: true },
    });
  });
  it("R-D8: warnings alone -> CompletedMoreInfo", () => {
    expect(outcome(finish({ errors: 0, warnings: 1 }))).toBe("CompletedMoreInfo");
  });
  it("R-J12: warnings or overwritten blobs alone are not an error of the job (the seed closes a job only for errors)", () => {
    for (const report of [
      { errors: 0, warnings: 4 },
      { errors: 0, warnings: 0, overwrittenBlobs: 3 },
      { errors: 0, warnings: 2, overwrittenBlobs: 1 },
    ]) {
      expect(finish(report)).toMatchObject({
        ok: true,
        value: { to: "CompletedMoreInfo", rule: "R-D8", recordsJobError: false },
      });
    }
    expect(finish({ errors: 1, warnings: 0, overwrittenBlobs: 3 })).toMatchObject({
      ok: true,
      value: { recordsJobError: true },
    });
  });
  it("R-D8: overwritten blobs alone -> CompletedMoreInfo", () => {
    expect(outcome(finish({ errors: 0, warnings: 0, overwrittenBlobs: 3 }))).toBe(
      "CompletedMoreInfo",
    );
  });
  it("R-D8: a report with negative or fractional counts is refused", () => {
    expect(outcome(finish({ errors: -1, warnings: 0 }))).toBe("invalid_copy_report");
    expect(outcome(finish({ errors: 0, warnings: 0.5 }))).toBe("invalid_copy_report");
    expect(outcome(finish({ errors: 0, warnings: 0, overwrittenBlobs: Number.NaN }))).toBe(
      "invalid_copy_report",
    );
  });
  it("R-D7: a retried clean report is a harmless repeat; a contradicting one is refused", () => {
    expect(outcome(finish({ errors: 0, warnings: 0 }, "Completed"))).toBe("already_in_state");
    expect(outcome(finish({ errors: 1, warnings: 0 }, "CompletedMoreInfo"))).toBe(
      "already_in_state",
    );
    expect(outcome(finish({ errors: 1, warnings: 0 }, "Completed"))).toBe("illegal_transition");
  });
  it("R-D7: a copy that ends while the job is Faulted is still recorded (it has happened)", () => {
    const d = decideDriveEvent(
      driveSnapshot("Transferring"),
      { type: "finishCopy", errors: 0, warnings: 0 },
      "copyStation",
      inJob("Faulted"),
    );
    expect(outcome(d)).toBe("Completed");
  });
});
