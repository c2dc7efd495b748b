import { describe, expect, it } from "vitest";
import { daysFromNow, drives, extra, jobSnapshot, NOW } from "./fixtures.test-support.ts";
import type { IncidentSnapshot } from "./incident-snapshot.ts";
import {
  CREATING_TIMEOUT_DAYS,
  DESTRUCTION_DAYS,
  E1_CONTACT_DAYS,
  NEVER_RECEIVED_DAYS,
  OVERDUE_ANSWER_DAYS,
  RETENTION_DAYS,
  SHIPPING_NOTIFY_DAYS,
  daysLeft,
  deadline,
  due,
  type DueAction,
} from "./timers.ts";

const kinds = (actions: DueAction[]) => actions.map((a) => a.kind);
const ONE_MS_LATE = 1;

describe("durations", () => {
  it("R-J2/R-J6/R-D5/R-E2/R-J11/R-J13/R-E1/R-E4: the waiting periods of the seed", () => {
    expect([CREATING_TIMEOUT_DAYS, SHIPPING_NOTIFY_DAYS, NEVER_RECEIVED_DAYS]).toEqual([
      14, 14, 14,
    ]);
    expect([OVERDUE_ANSWER_DAYS, RETENTION_DAYS, E1_CONTACT_DAYS, DESTRUCTION_DAYS]).toEqual([
      30, 90, 14, 90,
    ]);
  });
  it("R-J2: a deadline is whole 24-hour days after its start", () => {
    expect(deadline(NOW, 14).toISOString()).toBe("2026-03-29T12:00:00.000Z");
  });
  it("R-J2: days left rounds up, is 0 at the deadline and negative after", () => {
    expect(daysLeft(NOW, daysFromNow(14))).toBe(14);
    expect(daysLeft(NOW, daysFromNow(0, 1))).toBe(1);
    expect(daysLeft(NOW, NOW)).toBe(0);
    expect(Object.is(daysLeft(NOW, daysFromNow(0, -1)), 0)).toBe(true);
    expect(daysLeft(NOW, daysFromNow(-2))).toBe(-2);
  });
});

describe("what the sweep finds due", () => {
  it("R-J2: a Creating job expires exactly 14 days after its timer started", () => {
    expect(
      kinds(due(NOW, jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-14) }))),
    ).toEqual(["expireCreating"]);
  });
  it("R-J2: one millisecond before the 14 days, nothing is due", () => {
    expect(
      due(
        NOW,
        jobSnapshot({ state: "Creating", creatingTimerStartedAt: daysFromNow(-14, ONE_MS_LATE) }),
      ),
    ).toEqual([]);
  });
  it("R-J3: an update that reset the timer pushes the expiry back", () => {
    const job = jobSnapshot({
      state: "Creating",
      stateChangedAt: daysFromNow(-20),
      creatingTimerStartedAt: daysFromNow(-3),
    });
    expect(due(NOW, job)).toEqual([]);
  });

  const shipping = (more: Parameters<typeof jobSnapshot>[0] = {}) =>
    jobSnapshot({
      state: "Shipping",
      shippingInfoAt: daysFromNow(-14),
      drives: drives("Specified", "Specified"),
      ...more,
    });

  it("R-J6/R-E2/R-D5: exactly 14 days after the shipping information: notify, open the incident, mark drives NeverReceived", () => {
    expect(due(NOW, shipping())).toEqual([
      { kind: "markDrivesNeverReceived", rule: "R-D5" },
      { kind: "notifyShippingOverdue", rule: "R-J6" },
      { kind: "openPackageOverdueIncident", rule: "R-E2" },
    ]);
  });
  it("R-J6/R-D5: one millisecond before the 14 days, nothing is due", () => {
    expect(due(NOW, shipping({ shippingInfoAt: daysFromNow(-14, ONE_MS_LATE) }))).toEqual([]);
  });
  it("R-D5: once no drive is Specified there is nothing to mark, but operators are still told (R-J6)", () => {
    expect(kinds(due(NOW, shipping({ drives: drives("NeverReceived", "NeverReceived") })))).toEqual(
      ["notifyShippingOverdue", "openPackageOverdueIncident"],
    );
  });
  it("R-J6/R-D2: an export job still short of its announced drive count is overdue too", () => {
    const job = shipping({ type: "Export", drives: drives("Received"), expectedDriveCount: 2 });
    expect(kinds(due(NOW, job))).toEqual(["notifyShippingOverdue", "openPackageOverdueIncident"]);
  });
  it("R-E5: an extra drive still Specified is not the job's and is not marked", () => {
    expect(
      kinds(due(NOW, shipping({ drives: [...drives("NeverReceived"), extra("Specified")] }))),
    ).not.toContain("markDrivesNeverReceived");
  });

  const overdue = (more: Partial<IncidentSnapshot>): IncidentSnapshot => ({
    kind: "PackageOverdue",
    openedAt: daysFromNow(-1),
    resolvedAt: null,
    contactDeadline: null,
    answerDeadline: daysFromNow(29),
    destructionDeadline: null,
    customerReached: false,
    returnFailed: false,
    ...more,
  });

  it("R-E2: no second notice while a package-overdue incident is open", () => {
    expect(
      kinds(
        due(NOW, { ...shipping({ drives: drives("NeverReceived") }), incidents: [overdue({})] }),
      ),
    ).toEqual([]);
  });
  it("R-E2: after the customer asked to wait, the next notice comes exactly when the wait ends", () => {
    const answered = overdue({ resolvedAt: daysFromNow(-5), waitExtendedUntil: NOW });
    const job = shipping({ drives: drives("NeverReceived"), shippingInfoAt: daysFromNow(-40) });
    expect(kinds(due(NOW, { ...job, incidents: [answered] }))).toEqual([
      "notifyShippingOverdue",
      "openPackageOverdueIncident",
    ]);
    const notYet = overdue({
      resolvedAt: daysFromNow(-5),
      waitExtendedUntil: daysFromNow(0, ONE_MS_LATE),
    });
    expect(due(NOW, { ...job, incidents: [notYet] })).toEqual([]);
  });
  it("R-E2: an incident resolved without a date waits another 14 days before asking again", () => {
    const job = shipping({ drives: drives("NeverReceived"), shippingInfoAt: daysFromNow(-40) });
    expect(due(NOW, { ...job, incidents: [overdue({ resolvedAt: daysFromNow(-13) })] })).toEqual(
      [],
    );
    expect(
      kinds(due(NOW, { ...job, incidents: [overdue({ resolvedAt: daysFromNow(-14) })] })),
    ).toHaveLength(2);
  });

  it("R-J11: a Completed job is purged exactly 90 days after it completed", () => {
    expect(due(NOW, jobSnapshot({ state: "Completed", stateChangedAt: daysFromNow(-90) }))).toEqual(
      [{ kind: "purge", rule: "R-J11" }],
    );
    expect(
      due(NOW, jobSnapshot({ state: "Completed", stateChangedAt: daysFromNow(-90, ONE_MS_LATE) })),
    ).toEqual([]);
  });
  it("R-J13: a Closed job is purged exactly 90 days after it closed", () => {
    expect(due(NOW, jobSnapshot({ state: "Closed", stateChangedAt: daysFromNow(-90) }))).toEqual([
      { kind: "purge", rule: "R-J13" },
    ]);
    expect(
      due(NOW, jobSnapshot({ state: "Closed", stateChangedAt: daysFromNow(-90, ONE_MS_LATE) })),
    ).toEqual([]);
  });
  it("R-J8/R-F1: jobs at the datacenter or Faulted have no timer", () => {
    for (const state of ["Received", "Transferring", "Packaging", "Faulted"] as const) {
      expect(
        due(
          NOW,
          jobSnapshot({
            state,
            stateChangedAt: daysFromNow(-400),
            shippingInfoAt: daysFromNow(-400),
          }),
        ),
      ).toEqual([]);
    }
  });
});
