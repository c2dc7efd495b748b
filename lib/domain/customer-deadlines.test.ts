import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerDeadlines, type CustomerDeadlineInput } from "./customer-deadlines.ts";
import { NOW, daysFromNow, drives, extra } from "./fixtures.test-support.ts";
import { JOB_STATES } from "./states.ts";
import {
  CREATING_TIMEOUT_DAYS,
  RETENTION_DAYS,
  SHIPPING_NOTIFY_DAYS,
  deadline,
  due,
} from "./timers.ts";

function job(overrides: Partial<CustomerDeadlineInput> = {}): CustomerDeadlineInput {
  return {
    type: "Import",
    state: "Shipping",
    stateChangedAt: daysFromNow(-3),
    creatingTimerStartedAt: daysFromNow(-10),
    shippingInfoAt: daysFromNow(-3),
    completedAt: null,
    closedAt: null,
    drives: drives("Specified", "Specified"),
    ...overrides,
  };
}

describe("the deadlines a customer sees", () => {
  it("R-J2: a Creating job expires 14 days after its timer started", () => {
    const [d, ...rest] = customerDeadlines(
      NOW,
      job({ state: "Creating", creatingTimerStartedAt: daysFromNow(-3) }),
    );
    expect(rest).toEqual([]);
    expect(d).toEqual({
      kind: "creatingExpires",
      rules: ["R-J2", "R-J3"],
      at: daysFromNow(CREATING_TIMEOUT_DAYS - 3),
      daysLeft: 11,
      passed: false,
    });
  });

  it("R-J3: an update that restarted the timer moves the expiry with it", () => {
    const before = customerDeadlines(
      NOW,
      job({ state: "Creating", creatingTimerStartedAt: daysFromNow(-13) }),
    );
    const after = customerDeadlines(NOW, job({ state: "Creating", creatingTimerStartedAt: NOW }));
    expect(before[0]?.daysLeft).toBe(1);
    expect(after[0]?.daysLeft).toBe(CREATING_TIMEOUT_DAYS);
  });

  it("R-J2: old rows without a timer count from entering Creating, as the sweep does", () => {
    const [d] = customerDeadlines(
      NOW,
      job({ state: "Creating", creatingTimerStartedAt: null, stateChangedAt: daysFromNow(-14) }),
    );
    expect(d).toMatchObject({ at: NOW, daysLeft: 0, passed: true });
  });

  it("R-J6/R-D5: a Shipping job's package is due 14 days after the shipping information", () => {
    expect(customerDeadlines(NOW, job())).toEqual([
      {
        kind: "packageDue",
        rules: ["R-J6", "R-D5"],
        at: daysFromNow(SHIPPING_NOTIFY_DAYS - 3),
        daysLeft: 11,
        passed: false,
      },
    ]);
  });

  it("R-J6: a late package shows as passed, with days counted negative", () => {
    const [d] = customerDeadlines(NOW, job({ shippingInfoAt: daysFromNow(-16) }));
    expect(d).toMatchObject({ kind: "packageDue", daysLeft: -2, passed: true });
  });

  it("R-J6: once every listed drive is in, nothing more is awaited (extra drives do not count)", () => {
    const arrived = job({ drives: [...drives("Received", "Received"), extra("Specified")] });
    expect(customerDeadlines(NOW, arrived)).toEqual([]);
    const oneMissing = job({ drives: drives("Received", "Specified") });
    expect(customerDeadlines(NOW, oneMissing).map((d) => d.kind)).toEqual(["packageDue"]);
  });

  it("R-J6/R-D2: an export job waits until its announced count of drives has arrived", () => {
    const exp = { type: "Export" as const, expectedDriveCount: 2 };
    expect(customerDeadlines(NOW, job({ ...exp, drives: drives("Received") }))).toHaveLength(1);
    expect(customerDeadlines(NOW, job({ ...exp, drives: drives("Received", "Received") }))).toEqual(
      [],
    );
  });

  it("R-E2: once the package-overdue incident is open, its answer deadline replaces the passed package date", () => {
    const answerBy = daysFromNow(20);
    const ds = customerDeadlines(
      NOW,
      job({ shippingInfoAt: daysFromNow(-20), missingPackageAnswerBy: answerBy }),
    );
    expect(ds).toEqual([
      { kind: "answerMissingPackage", rules: ["R-E2"], at: answerBy, daysLeft: 20, passed: false },
    ]);
  });

  it("R-E2: a wait extended on the customer's answer shows as the date we wait until", () => {
    const until = daysFromNow(40);
    const ds = customerDeadlines(
      NOW,
      job({
        shippingInfoAt: daysFromNow(-20),
        missingPackageAnswerBy: until,
        missingPackageWaitExtended: true,
      }),
    );
    expect(ds).toEqual([
      { kind: "packageWaitExtended", rules: ["R-E2"], at: until, daysLeft: 40, passed: false },
    ]);
    const over = customerDeadlines(
      NOW,
      job({ missingPackageAnswerBy: daysFromNow(-1), missingPackageWaitExtended: true }),
    );
    expect(over).toMatchObject([{ kind: "packageWaitExtended", passed: true }]);
  });

  it("R-E2: with an answer deadline, a Shipping job never shows the package date as well", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 0 }),
        fc.integer({ min: -40, max: 40 }),
        fc.boolean(),
        (shippedDays, answerDays, extended) => {
          const kinds = customerDeadlines(
            NOW,
            job({
              shippingInfoAt: daysFromNow(shippedDays),
              missingPackageAnswerBy: daysFromNow(answerDays),
              missingPackageWaitExtended: extended,
            }),
          ).map((d) => d.kind);
          expect(kinds).toEqual([extended ? "packageWaitExtended" : "answerMissingPackage"]);
        },
      ),
    );
  });

  it("R-E4: a Transferring or Packaging job with a wrong return address shows the destruction date", () => {
    const at = daysFromNow(85, 6 * 3_600_000);
    for (const state of ["Transferring", "Packaging"] as const) {
      expect(customerDeadlines(NOW, job({ state, returnAddressDestructionAt: at }))).toEqual([
        { kind: "returnAddressDestruction", rules: ["R-E4"], at, daysLeft: 86, passed: false },
      ]);
    }
    const [passed] = customerDeadlines(
      NOW,
      job({ state: "Packaging", returnAddressDestructionAt: daysFromNow(-2) }),
    );
    expect(passed).toMatchObject({ kind: "returnAddressDestruction", passed: true });
  });

  it("R-E4: the destruction date applies only while the drives wait in Transferring or Packaging", () => {
    const at = daysFromNow(30);
    for (const state of JOB_STATES.filter((s) => s !== "Transferring" && s !== "Packaging")) {
      const kinds = customerDeadlines(NOW, job({ state, returnAddressDestructionAt: at })).map(
        (d) => d.kind,
      );
      expect(kinds, state).not.toContain("returnAddressDestruction");
    }
  });

  it("R-J11: a Completed job and its page are deleted 90 days after completion", () => {
    const [d] = customerDeadlines(
      NOW,
      job({ state: "Completed", completedAt: daysFromNow(-30), stateChangedAt: daysFromNow(-30) }),
    );
    expect(d).toEqual({
      kind: "deletion",
      rules: ["R-J11"],
      at: deadline(daysFromNow(-30), RETENTION_DAYS),
      daysLeft: 60,
      passed: false,
    });
  });

  it("R-J13: a Closed job and its page are deleted 90 days after closing", () => {
    const [d] = customerDeadlines(
      NOW,
      job({ state: "Closed", closedAt: daysFromNow(-89), stateChangedAt: daysFromNow(-89) }),
    );
    expect(d).toMatchObject({ kind: "deletion", rules: ["R-J13"], daysLeft: 1 });
  });

  it("R-J7..R-J9, R-F1: Received, Transferring, Packaging and Faulted jobs have no customer deadline of their own", () => {
    for (const state of ["Received", "Transferring", "Packaging", "Faulted"] as const) {
      expect(customerDeadlines(NOW, job({ state }))).toEqual([]);
    }
  });

  it("R-J2/R-J6/R-J11/R-J13: a deadline shown as passed is exactly one the sweep finds due", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...JOB_STATES),
        fc.integer({ min: -200, max: 5 }),
        (state, startDays) => {
          const start = daysFromNow(startDays);
          const input = job({
            state,
            stateChangedAt: start,
            creatingTimerStartedAt: start,
            shippingInfoAt: start,
            completedAt: state === "Completed" ? start : null,
            closedAt: state === "Closed" ? start : null,
          });
          const passed = customerDeadlines(NOW, input).some((d) => d.passed);
          const sweepDue = due(NOW, {
            ...input,
            faultedFrom: null,
            cancelRequested: false,
            hasDeliveryPackage: true,
            hasReturnAddress: true,
            hadErrors: false,
          }).length;
          expect(passed).toBe(sweepDue > 0);
        },
      ),
    );
  });
});
