import { describe, expect, it } from "vitest";
import {
  daysFromNow,
  drives,
  extra,
  jobSnapshot,
  message,
  NOW,
  outcome,
} from "./fixtures.test-support.ts";
import { incidentRecordsRefusal } from "./job-guards.ts";
import { allowedJobEvents, decideJobEvent } from "./job-machine.ts";
import { INITIAL_JOB_STATE } from "./job-transitions.ts";

describe("creating and updating a job", () => {
  it("R-J1: Put Job creates the job in Creating", () => {
    expect(INITIAL_JOB_STATE).toBe("Creating");
  });
  it("R-J3: Update Job Properties while Creating keeps it Creating and resets the 14-day timer", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating" }),
      { type: "updateProperties" },
      "customer",
      NOW,
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "Creating", rule: "R-J3", resetCreatingTimer: true },
    });
  });
  it("R-J4: Update Job Properties while Shipping changes details only, no timer reset", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping" }),
      { type: "updateProperties" },
      "customer",
      NOW,
    );
    expect(d).toEqual({ ok: true, value: { to: "Shipping", rule: "R-J4" } });
  });
  it("R-J14: a cancelled job's properties can no longer change", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping", cancelRequested: true }),
      { type: "updateProperties" },
      "customer",
      NOW,
    );
    expect(outcome(d)).toBe("guard_failed");
  });
});

describe("moving to Shipping", () => {
  const creating = (more: Parameters<typeof jobSnapshot>[0]) =>
    jobSnapshot({ state: "Creating", ...more });
  it("R-J4: the customer moves the job to Shipping, which starts the shipping clock (R-J6, R-D5)", () => {
    const d = decideJobEvent(creating({}), { type: "markShipping" }, "customer", NOW);
    expect(d).toEqual({
      ok: true,
      value: { to: "Shipping", rule: "R-J4", startShippingTimer: true },
    });
  });
  it("R-J5: refuses Shipping without a delivery package (carrier and tracking number)", () => {
    const d = decideJobEvent(
      creating({ hasDeliveryPackage: false }),
      { type: "markShipping" },
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-J5" } });
    expect(message(d)).toMatch(/the delivery package \(carrier and tracking number\) is missing/);
  });
  it("R-J5: refuses Shipping without a return address", () => {
    const d = decideJobEvent(
      creating({ hasReturnAddress: false }),
      { type: "markShipping" },
      "customer",
      NOW,
    );
    expect(message(d)).toMatch(/the return address is missing \(R-J5\)/);
  });
  it("R-J5: names both when both are missing", () => {
    const d = decideJobEvent(
      creating({ hasDeliveryPackage: false, hasReturnAddress: false }),
      { type: "markShipping" },
      "customer",
      NOW,
    );
    expect(message(d)).toMatch(/and the return address are missing/);
  });
});

describe("faults of a job", () => {
  it("R-F1: a fault remembers where the job came from", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Transferring", drives: drives("Transferring") }),
      { type: "fault", reason: "Copy station lost" },
      "operator",
      NOW,
    );
    expect(d).toEqual({
      ok: true,
      value: { to: "Faulted", rule: "R-F1", faultedFrom: "Transferring" },
    });
  });
  it("R-F2: a job fault needs a reason to tell the customer", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Shipping" }),
      { type: "fault", reason: "" },
      "operator",
      NOW,
    );
    expect(outcome(d)).toBe("reason_required");
  });
  it("R-F3: resolving to a state the drives contradict is refused, with the ways out", () => {
    const job = jobSnapshot({
      state: "Faulted",
      faultedFrom: "Shipping",
      drives: drives("Received", "Received"),
    });
    const d = decideJobEvent(job, { type: "resolveFault", to: "Shipping" }, "supervisor", NOW);
    expect(outcome(d)).toBe("invalid_resolution");
    expect(message(d)).toMatch(/only for Received/);
    const ok = decideJobEvent(job, { type: "resolveFault", to: "Received" }, "supervisor", NOW);
    expect(ok).toEqual({ ok: true, value: { to: "Received", rule: "R-F3", faultedFrom: null } });
  });
  it("R-F3: a job is never resolved into Faulted", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Faulted", faultedFrom: "Shipping" }),
      { type: "resolveFault", to: "Faulted" },
      "supervisor",
      NOW,
    );
    expect(outcome(d)).toBe("invalid_resolution");
  });
});

describe("timer events refuse to run early", () => {
  it("R-J2: expire exactly 14 days after the Creating timer started; one millisecond before is not due", () => {
    const job = jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-14) });
    expect(decideJobEvent(job, { type: "expire" }, "sweep", NOW)).toEqual({
      ok: true,
      value: { to: "Deleted", rule: "R-J2", tombstone: false },
    });
    const early = jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-14, 1) });
    expect(outcome(decideJobEvent(early, { type: "expire" }, "sweep", NOW))).toBe("not_due");
  });
  it("R-J2: without a timer start, the 14 days count from entering Creating", () => {
    const job = jobSnapshot({
      state: "Creating",
      creatingTimerStartedAt: null,
      stateChangedAt: daysFromNow(-13),
    });
    expect(outcome(decideJobEvent(job, { type: "expire" }, "sweep", NOW))).toBe("not_due");
  });
  it("R-J11: purge a Completed job exactly 90 days on, with a tombstone; not a millisecond earlier", () => {
    const job = jobSnapshot({
      state: "Completed",
      drives: drives("ShippedBack"),
      stateChangedAt: daysFromNow(-90),
    });
    expect(decideJobEvent(job, { type: "purge" }, "sweep", NOW)).toEqual({
      ok: true,
      value: { to: "Deleted", rule: "R-J11", tombstone: true },
    });
    const early = { ...job, stateChangedAt: daysFromNow(-90, 1) };
    expect(decideJobEvent(early, { type: "purge" }, "sweep", NOW)).toMatchObject({
      ok: false,
      refusal: { code: "not_due", rule: "R-J11" },
    });
  });
  it("R-J13: purge a Closed job exactly 90 days on; not a millisecond earlier", () => {
    const job = jobSnapshot({
      state: "Closed",
      drives: drives("ShippedBack"),
      stateChangedAt: daysFromNow(-90),
    });
    expect(outcome(decideJobEvent(job, { type: "purge" }, "sweep", NOW))).toBe("Deleted");
    const early = { ...job, stateChangedAt: daysFromNow(-90, 1) };
    expect(decideJobEvent(early, { type: "purge" }, "sweep", NOW)).toMatchObject({
      ok: false,
      refusal: { code: "not_due", rule: "R-J13" },
    });
  });
  it("R-E2: close a Shipping job exactly when the answer was due; not a millisecond earlier", () => {
    const job = jobSnapshot({ state: "Shipping", drives: drives("NeverReceived", "Specified") });
    expect(decideJobEvent(job, { type: "closeOverdue", answerDueAt: NOW }, "sweep", NOW)).toEqual({
      ok: true,
      value: { to: "Closed", rule: "R-E2" },
    });
    const early = decideJobEvent(
      job,
      { type: "closeOverdue", answerDueAt: daysFromNow(0, 1) },
      "sweep",
      NOW,
    );
    expect(outcome(early)).toBe("not_due");
    expect(message(early)).toMatch(/still has 1 day to answer/);
  });
  it("R-E2: a job with a drive at the datacenter is not closed as a missing package", () => {
    const job = jobSnapshot({ state: "Shipping", drives: drives("NeverReceived", "Received") });
    expect(
      outcome(decideJobEvent(job, { type: "closeOverdue", answerDueAt: NOW }, "sweep", NOW)),
    ).toBe("guard_failed");
    const faulted = jobSnapshot({ state: "Shipping", drives: drives("NeverReceived", "Faulted") });
    expect(
      outcome(decideJobEvent(faulted, { type: "closeOverdue", answerDueAt: NOW }, "sweep", NOW)),
    ).toBe("guard_failed");
  });
});

describe("allowed job events (what the UI shows)", () => {
  it("R-J3/R-J4/R-J14/R-J2: a customer with a Creating job may update, ship, cancel or delete it", () => {
    expect(allowedJobEvents(jobSnapshot({ state: "Creating" }), "customer", NOW)).toEqual([
      "updateProperties",
      "replaceDriveList",
      "markShipping",
      "cancel",
      "delete",
    ]);
  });
  it("R-J4/R-J14: a customer with a Shipping job may correct details or cancel, not delete", () => {
    expect(allowedJobEvents(jobSnapshot({ state: "Shipping" }), "customer", NOW)).toEqual([
      "updateProperties",
      "cancel",
    ]);
  });
  it("R-J11/R-J13: a customer may delete a finished job; the sweep may purge it only when due", () => {
    const done = jobSnapshot({
      state: "Completed",
      drives: drives("ShippedBack"),
      stateChangedAt: daysFromNow(-3),
    });
    expect(allowedJobEvents(done, "customer", NOW)).toEqual(["delete"]);
    expect(allowedJobEvents(done, "sweep", NOW)).toEqual([]);
  });
  it("R-J5: without a return address the customer is not offered Shipping", () => {
    expect(
      allowedJobEvents(
        jobSnapshot({ state: "Creating", hasReturnAddress: false }),
        "customer",
        NOW,
      ),
    ).toEqual(["updateProperties", "replaceDriveList", "cancel", "delete"]);
  });
  it("R-F1: an operator may fault a Transferring job, nothing else", () => {
    expect(
      allowedJobEvents(
        jobSnapshot({ state: "Transferring", drives: drives("Transferring") }),
        "operator",
        NOW,
      ),
    ).toEqual(["fault"]);
  });
  it("R-F3: a supervisor facing a Faulted job may resolve it", () => {
    expect(
      allowedJobEvents(
        jobSnapshot({ state: "Faulted", faultedFrom: "Shipping" }),
        "supervisor",
        NOW,
      ),
    ).toEqual(["resolveFault"]);
  });
  it("R-J2: the sweep may expire a Creating job only once it is due", () => {
    expect(
      allowedJobEvents(
        jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-14) }),
        "sweep",
        NOW,
      ),
    ).toEqual(["expire"]);
    expect(
      allowedJobEvents(
        jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-13) }),
        "sweep",
        NOW,
      ),
    ).toEqual([]);
  });
});

describe("replacing the drive list (Update Job Properties with driveList)", () => {
  const replace = { type: "replaceDriveList", heldDrives: [] } as const;
  it("R-J3, R-D1: an import job in Creating gets a new drive list and its 14-day timer restarts", () => {
    expect(decideJobEvent(jobSnapshot({ state: "Creating" }), replace, "customer", NOW)).toEqual({
      ok: true,
      value: { to: "Creating", rule: "R-J3", resetCreatingTimer: true },
    });
  });
  it("R-D2: an export job has no drive list to replace", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating", type: "Export", drives: [] }),
      replace,
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-D2" } });
  });
  it("R-J4: once the job is Shipping its drive list is fixed", () => {
    const d = decideJobEvent(jobSnapshot({ state: "Shipping" }), replace, "customer", NOW);
    expect(outcome(d)).toBe("illegal_transition");
    expect(message(d)).toMatch(/only a job that is Creating can/);
  });
  it("R-E1: a drive that already reached the dock keeps the list as it is, naming the drives", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating" }),
      { type: "replaceDriveList", heldDrives: ["ZA1B2C3D", "WD12345678"] },
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-E1" } });
    expect(message(d)).toMatch(/Drives ZA1B2C3D and WD12345678 have already arrived/);
  });
  it("R-E5: a list naming a drive that arrived as an extra drive of the job is refused", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating" }),
      { type: "replaceDriveList", heldDrives: [], extraDrivesNamed: ["EXTRA00001"] },
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-E5" } });
    expect(message(d)).toMatch(
      /Drive EXTRA00001 already arrived at the datacenter as an extra drive/,
    );
  });
  it("R-F3: a Faulted drive is resolved before the list changes", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating", drives: drives("Specified", "Faulted") }),
      replace,
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-F3" } });
  });
  it("R-J3: only the customer replaces the drive list", () => {
    expect(
      outcome(decideJobEvent(jobSnapshot({ state: "Creating" }), replace, "supervisor", NOW)),
    ).toBe("forbidden_actor");
  });
});

describe("Delete Job by the customer", () => {
  const del = { type: "delete", heldDrives: [] } as const;
  it("R-J2: a Creating job may be deleted at once, leaving a tombstone", () => {
    expect(decideJobEvent(jobSnapshot({ state: "Creating" }), del, "customer", NOW)).toEqual({
      ok: true,
      value: { to: "Deleted", rule: "R-J2", tombstone: true },
    });
  });
  it("R-J11/R-J13: a finished job may be deleted before its 90 days are over", () => {
    const recent = { stateChangedAt: daysFromNow(-1) };
    const completed = jobSnapshot({ state: "Completed", drives: drives("ShippedBack"), ...recent });
    expect(decideJobEvent(completed, del, "customer", NOW)).toEqual({
      ok: true,
      value: { to: "Deleted", rule: "R-J11", tombstone: true },
    });
    const closed = jobSnapshot({ state: "Closed", drives: drives("NeverReceived"), ...recent });
    expect(decideJobEvent(closed, del, "customer", NOW)).toMatchObject({
      ok: true,
      value: { rule: "R-J13" },
    });
  });
  it("R-J4..R-J9: a job whose drives are on their way or with us cannot be deleted", () => {
    for (const state of ["Shipping", "Received", "Transferring", "Packaging"] as const) {
      const d = decideJobEvent(jobSnapshot({ state }), del, "customer", NOW);
      expect(outcome(d)).toBe("illegal_transition");
      expect(message(d)).toMatch(/only a job that is Creating, Completed or Closed can/);
    }
  });
  it("R-D11: an extra drive still at the datacenter keeps a finished job from being deleted", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Closed", drives: [...drives("ShippedBack"), extra("Received")] }),
      del,
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-D11" } });
    expect(message(d)).toMatch(/A drive of this job is still at the datacenter/);
  });
  it("R-E1: a Creating job whose drive reached the dock is not deleted", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating" }),
      { type: "delete", heldDrives: ["ZA1B2C3D"] },
      "customer",
      NOW,
    );
    expect(message(d)).toMatch(/Drive ZA1B2C3D has already arrived .* cannot be deleted/);
  });
  it("R-F3: a Creating job with a Faulted drive is resolved first", () => {
    const d = decideJobEvent(
      jobSnapshot({ state: "Creating", drives: drives("Faulted") }),
      del,
      "customer",
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { rule: "R-F3" } });
  });
  it("R-J2: staff and the sweep do not use Delete Job (the sweep expires and purges)", () => {
    for (const actor of ["operator", "supervisor", "copyStation", "sweep"] as const) {
      const d = decideJobEvent(jobSnapshot({ state: "Creating" }), del, actor, NOW);
      expect(outcome(d)).toBe("forbidden_actor");
      expect(message(d)).toMatch(/only customers can/);
    }
  });
});

describe("Delete Job keeps what the job's incidents need", () => {
  it("R-E1..R-E5: a job with no open incident and no destruction record may go", () => {
    expect(incidentRecordsRefusal({ openIncidents: [], destructions: [] })).toBeNull();
  });
  it("R-E3: an open incident keeps the job, naming the incident and its rule", () => {
    const refusal = incidentRecordsRefusal({
      openIncidents: ["ReturnedDrivesLostOrDamaged"],
      destructions: [],
    });
    expect(refusal).toMatchObject({ code: "guard_failed", rule: "R-E3" });
    expect(refusal?.message).toMatch(
      /^This job has an open incident \("Returned drives lost or damaged", R-E3\): .* cannot be deleted until it is resolved\.$/,
    );
  });
  it("R-E5: several open incidents are counted, each kind named once", () => {
    const refusal = incidentRecordsRefusal({
      openIncidents: ["ExtraDrive", "ExtraDrive", "ReturnAddressInvalid"],
      destructions: [],
    });
    expect(refusal?.rule).toBe("R-E4");
    expect(refusal?.message).toMatch(/^This job has 3 open incidents \(.*R-E5 and .*R-E4\)/);
    expect(refusal?.message).toMatch(/until they are resolved/);
  });
  it("R-E1/R-E4: a destruction record is kept with its job, even once its incident is resolved", () => {
    const refusal = incidentRecordsRefusal({
      openIncidents: [],
      destructions: ["ReturnAddressInvalid", "JobNotShipping"],
    });
    expect(refusal).toMatchObject({ code: "guard_failed", rule: "R-E1" });
    expect(refusal?.message).toMatch(
      /^Drives of this job were securely destroyed \(R-E1 and R-E4\): .*cannot be deleted\.$/,
    );
  });
});
