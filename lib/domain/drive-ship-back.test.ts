import { describe, expect, it } from "vitest";
import { decideDriveEvent } from "./drive-machine.ts";
import type { DriveSnapshot, JobContext } from "./drive-transitions.ts";
import { driveSnapshot, inJob, outcome } from "./fixtures.test-support.ts";
import type { Actor } from "./states.ts";

describe("shipping a drive back", () => {
  // [drive, job, actor, override, outcome, rule]
  const cases: [DriveSnapshot, { job: JobContext }, Actor, boolean, string, string][] = [
    [driveSnapshot("Completed"), inJob("Packaging"), "operator", false, "ShippedBack", "R-D9"],
    [
      driveSnapshot("CompletedMoreInfo"),
      inJob("Packaging"),
      "supervisor",
      false,
      "ShippedBack",
      "R-D9",
    ],
    [driveSnapshot("Completed"), inJob("Transferring"), "operator", false, "guard_failed", "R-J9"],
    [driveSnapshot("Completed"), inJob("Transferring"), "supervisor", true, "ShippedBack", "R-D9"],
    [
      driveSnapshot("Received"),
      inJob("Packaging", true),
      "operator",
      false,
      "ShippedBack",
      "R-J14",
    ],
    [
      driveSnapshot("Received"),
      inJob("Shipping", true),
      "operator",
      false,
      "guard_failed",
      "R-J14",
    ],
    [driveSnapshot("Received"), inJob("Received"), "operator", false, "guard_failed", "R-D9"],
    [driveSnapshot("Received"), inJob("Received"), "operator", true, "forbidden_actor", "R-D9"],
    [driveSnapshot("Received"), inJob("Received"), "supervisor", true, "ShippedBack", "R-D9"],
    [driveSnapshot("Received"), inJob("Creating"), "supervisor", true, "guard_failed", "R-E1"],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Creating"),
      "supervisor",
      true,
      "ShippedBack",
      "R-D9",
    ],
    [
      driveSnapshot("Transferring"),
      inJob("Transferring"),
      "operator",
      false,
      "forbidden_actor",
      "R-D9",
    ],
    [
      driveSnapshot("Transferring"),
      inJob("Transferring"),
      "supervisor",
      false,
      "guard_failed",
      "R-D9",
    ],
    [
      driveSnapshot("Transferring"),
      inJob("Transferring"),
      "supervisor",
      true,
      "ShippedBack",
      "R-D9",
    ],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Packaging"),
      "operator",
      false,
      "ShippedBack",
      "R-D11",
    ],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Completed"),
      "operator",
      false,
      "ShippedBack",
      "R-D11",
    ],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Closed"),
      "operator",
      false,
      "ShippedBack",
      "R-D11",
    ],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Transferring"),
      "operator",
      false,
      "guard_failed",
      "R-D11",
    ],
    [
      driveSnapshot("Received", { extra: true }),
      inJob("Shipping", true),
      "operator",
      false,
      "guard_failed",
      "R-D11",
    ],
    [driveSnapshot("Completed"), inJob("Faulted"), "operator", false, "guard_failed", "R-J9"],
  ];
  for (const [d, ctx, actor, override, expected, rule] of cases) {
    const label = `${d.extra ? "extra " : ""}${d.state} drive, ${ctx.job.cancelRequested ? "cancelled " : ""}${ctx.job.state} job, ${actor}${override ? " with override" : ""}`;
    it(`${rule.split(",")[0]}: shipBack of a ${label} -> ${expected}`, () => {
      const decision = decideDriveEvent(
        d,
        { type: "shipBack", supervisorOverride: override },
        actor,
        ctx,
      );
      expect(outcome(decision)).toBe(expected);
      expect(decision.ok ? decision.value.rule : decision.refusal.rule).toBe(rule);
    });
  }
  it("R-J12: a supervisor's override before the copy finished marks the job as having errors", () => {
    const d = decideDriveEvent(
      driveSnapshot("Transferring"),
      { type: "shipBack", supervisorOverride: true },
      "supervisor",
      inJob("Transferring"),
    );
    expect(d.ok && d.value.recordsJobError).toBe(true);
    const clean = decideDriveEvent(
      driveSnapshot("Completed"),
      { type: "shipBack", supervisorOverride: true },
      "supervisor",
      inJob("Transferring"),
    );
    expect(clean.ok && clean.value.recordsJobError).toBe(false);
  });
  it("R-D9: the refusal for an uncopied drive names every way out", () => {
    const d = decideDriveEvent(
      driveSnapshot("Received"),
      { type: "shipBack" },
      "operator",
      inJob("Received"),
    );
    expect(d.ok ? "" : d.refusal.message).toMatch(
      /cancelled \(R-J14\).*extra drive \(R-D11\).*override \(R-D9\)/,
    );
  });
  it("R-J10/R-J12: a listed drive of a finished job cannot change any more", () => {
    for (const state of ["Completed", "Closed"] as const) {
      const d = decideDriveEvent(
        driveSnapshot("Specified"),
        { type: "fault", reason: "found later" },
        "operator",
        inJob(state),
      );
      expect(outcome(d)).toBe("guard_failed");
    }
  });
});
