import { describe, expect, it } from "vitest";
import { driveResolutionTargets } from "./drive-guards.ts";
import { allowedDriveEvents, decideDriveEvent } from "./drive-machine.ts";
import { driveSnapshot, inJob, outcome } from "./fixtures.test-support.ts";
import type { DriveState } from "./states.ts";

describe("faults", () => {
  it("R-F1: a fault remembers where the drive came from", () => {
    const d = decideDriveEvent(
      driveSnapshot("Transferring"),
      { type: "fault", reason: "Copy stalled" },
      "operator",
      inJob("Transferring"),
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "Faulted", faultedFrom: "Transferring", rule: "R-F1", recordsJobError: false },
    });
  });
  it("R-F2: a fault without a reason is refused, because operations must explain it to the customer", () => {
    expect(
      outcome(
        decideDriveEvent(
          driveSnapshot("Received"),
          { type: "fault", reason: "  " },
          "operator",
          inJob("Received"),
        ),
      ),
    ).toBe("reason_required");
  });
  it("R-F3: a fault cannot be resolved into Faulted or straight to ShippedBack", () => {
    const faulted = driveSnapshot("Faulted", { faultedFrom: "Received" });
    expect(
      outcome(
        decideDriveEvent(
          faulted,
          { type: "resolveFault", to: "Faulted" },
          "supervisor",
          inJob("Received"),
        ),
      ),
    ).toBe("invalid_resolution");
    expect(
      outcome(
        decideDriveEvent(
          faulted,
          { type: "resolveFault", to: "ShippedBack" },
          "supervisor",
          inJob("Received"),
        ),
      ),
    ).toBe("invalid_resolution");
  });
  it("R-F3: resolving clears faultedFrom", () => {
    const d = decideDriveEvent(
      driveSnapshot("Faulted", { faultedFrom: "Transferring" }),
      { type: "resolveFault", to: "CompletedMoreInfo" },
      "supervisor",
      inJob("Transferring"),
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "CompletedMoreInfo", faultedFrom: null, rule: "R-F3", recordsJobError: true },
    });
  });
});

describe("where a Faulted drive may go (R-F3)", () => {
  const byOrigin: [DriveState | null, DriveState[]][] = [
    ["Specified", ["Specified", "Received", "NeverReceived"]],
    ["NeverReceived", ["NeverReceived", "Received"]],
    ["Received", ["Received", "CompletedMoreInfo"]],
    ["Transferring", ["Transferring", "Received", "CompletedMoreInfo"]],
    ["Completed", ["Completed", "CompletedMoreInfo"]],
    ["CompletedMoreInfo", ["CompletedMoreInfo"]],
    [null, ["Received", "NeverReceived", "Completed", "CompletedMoreInfo"]],
  ];
  for (const [origin, targets] of byOrigin) {
    it(`R-F3: a drive faulted from ${origin ?? "an unknown state"} may go to ${targets.join(", ")}`, () => {
      expect(driveResolutionTargets(driveSnapshot("Faulted", { faultedFrom: origin }))).toEqual(
        targets,
      );
    });
  }
  it("R-F3: a drive that is not Faulted has no resolution", () => {
    expect(driveResolutionTargets(driveSnapshot("Received"))).toEqual([]);
  });
  it("R-F3/R-E5: an extra drive is never resolved into a copy state", () => {
    expect(
      driveResolutionTargets(driveSnapshot("Faulted", { faultedFrom: "Received", extra: true })),
    ).toEqual(["Received"]);
  });
  it("R-F3/R-E1: with its job Creating, a drive faulted from Specified can only go back to Specified", () => {
    expect(
      driveResolutionTargets(
        driveSnapshot("Faulted", { faultedFrom: "Specified" }),
        inJob("Creating"),
      ),
    ).toEqual(["Specified"]);
  });
  it("R-F3/R-D4: with its job Shipping, a drive faulted from Specified may arrive or be declared missing", () => {
    expect(
      driveResolutionTargets(
        driveSnapshot("Faulted", { faultedFrom: "Specified" }),
        inJob("Shipping"),
      ),
    ).toEqual(["Specified", "Received", "NeverReceived"]);
  });
  it("R-F3: with its job Closed, a drive can only be put back where it was", () => {
    expect(
      driveResolutionTargets(
        driveSnapshot("Faulted", { faultedFrom: "NeverReceived" }),
        inJob("Closed"),
      ),
    ).toEqual(["NeverReceived"]);
    const d = decideDriveEvent(
      driveSnapshot("Faulted", { faultedFrom: "NeverReceived" }),
      { type: "resolveFault", to: "NeverReceived" },
      "supervisor",
      inJob("Closed"),
    );
    expect(outcome(d)).toBe("NeverReceived");
  });
  it("R-F3/R-J9: a copy cannot restart once the job is Packaging", () => {
    const d = decideDriveEvent(
      driveSnapshot("Faulted", { faultedFrom: "Transferring" }),
      { type: "resolveFault", to: "Received" },
      "supervisor",
      inJob("Packaging"),
    );
    expect(outcome(d)).toBe("invalid_resolution");
    expect(d.ok ? "" : d.refusal.message).toMatch(/only to Transferring, CompletedMoreInfo/);
  });
});

describe("allowed drive events (what the UI shows)", () => {
  it("R-D3/R-D4/R-F1: an operator facing a Specified drive of a Shipping job may receive it, mark it missing or fault it", () => {
    expect(allowedDriveEvents(driveSnapshot("Specified"), "operator", inJob("Shipping"))).toEqual([
      "receive",
      "markNeverReceived",
      "fault",
    ]);
  });
  it("R-D6: a copy station facing a Received drive of a Received job may only start its copy", () => {
    expect(allowedDriveEvents(driveSnapshot("Received"), "copyStation", inJob("Received"))).toEqual(
      ["startCopy"],
    );
  });
  it("R-D9: a supervisor facing a Transferring drive may fault it or ship it back by override", () => {
    expect(
      allowedDriveEvents(driveSnapshot("Transferring"), "supervisor", inJob("Transferring")),
    ).toEqual(["shipBack", "fault"]);
  });
  it("R-F3: a supervisor facing a Faulted drive may resolve it", () => {
    expect(
      allowedDriveEvents(
        driveSnapshot("Faulted", { faultedFrom: "Received" }),
        "supervisor",
        inJob("Received"),
      ),
    ).toEqual(["resolveFault"]);
  });
  it("R-G3: a customer may only look at drives", () => {
    expect(allowedDriveEvents(driveSnapshot("Specified"), "customer", inJob("Shipping"))).toEqual(
      [],
    );
  });
});
