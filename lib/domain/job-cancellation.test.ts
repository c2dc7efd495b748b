import { describe, expect, it } from "vitest";
import { drives, extra, jobSnapshot, message, NOW, outcome } from "./fixtures.test-support.ts";
import { CANCELLABLE_JOB_STATES, decideCancel } from "./job-cancellation.ts";
import { decideJobEvent } from "./job-machine.ts";

describe("cancelling (R-J14)", () => {
  const cancel = { type: "cancel", reason: "Project cancelled" } as const;
  it("R-J14: the documented choice: cancellable in Creating, Shipping and Received only", () => {
    expect(CANCELLABLE_JOB_STATES).toEqual(["Creating", "Shipping", "Received"]);
  });
  it("R-J14: cancelled in Creating, the job closes at once and is remembered as cancelled", () => {
    const d = decideJobEvent(jobSnapshot({ state: "Creating" }), cancel, "customer", NOW);
    expect(d).toEqual({
      ok: true,
      value: { to: "Closed", setCancelRequested: true, rule: "R-J14" },
    });
  });
  it("R-J14: cancelled in Shipping, the job keeps waiting for its drives, marked cancelled", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping", drives: drives("Specified", "Received") }),
      cancel,
      "customer",
      NOW,
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "Shipping", setCancelRequested: true, rule: "R-J14" },
    });
  });
  it("R-J14: cancelled in Shipping when no drive will come (all NeverReceived), the job closes", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping", drives: drives("NeverReceived") }),
      cancel,
      "supervisor",
      NOW,
    );
    expect(outcome(d)).toBe("Closed");
  });
  it("R-J14: cancelled in Received, the copy is skipped and the job goes to Packaging", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Received", drives: drives("Received", "NeverReceived") }),
      cancel,
      "customer",
      NOW,
    );
    expect(outcome(d)).toBe("Packaging");
  });
  it("R-J14: refused in Received when a drive has begun its copy (stale view)", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Received", drives: drives("Received", "Transferring") }),
      cancel,
      "customer",
      NOW,
    );
    expect(outcome(d)).toBe("not_cancellable");
  });
  it("R-J14: refused in Transferring with the reason a customer understands", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Transferring", drives: drives("Transferring") }),
      cancel,
      "customer",
      NOW,
    );
    expect(message(d)).toBe(
      "The job can no longer be cancelled: its copy has begun. The drives will be returned when it finishes (R-J14).",
    );
  });
  it("R-J14: refused in Faulted until a supervisor resolves it", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Faulted", faultedFrom: "Shipping" }),
      cancel,
      "supervisor",
      NOW,
    );
    expect(message(d)).toMatch(/supervisor must resolve it first/);
  });
  it("R-J14: cancelling twice is a harmless repeat", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping", cancelRequested: true }),
      cancel,
      "customer",
      NOW,
    );
    expect(outcome(d)).toBe("already_in_state");
  });
  it("R-J14: a customer's cancel of a Closed job that was cancelled before is a repeat, not an error", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Closed", cancelRequested: true }),
      cancel,
      "customer",
      NOW,
    );
    expect(outcome(d)).toBe("already_in_state");
  });
  it("R-E5/R-J14: a Creating job with an extra drive at the datacenter is not closed by a cancel", () => {
    const d = decideCancel(
      jobSnapshot({ state: "Creating", drives: [...drives("Specified"), extra("Received")] }),
    );
    expect(d).toMatchObject({ ok: false, refusal: { rule: "R-E5" } });
    expect(
      decideCancel(
        jobSnapshot({ state: "Creating", drives: [...drives("Specified"), extra("ShippedBack")] }),
      ).ok,
    ).toBe(true);
  });
});
