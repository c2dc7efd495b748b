import { describe, expect, it } from "vitest";
import { daysFromNow, NOW } from "./fixtures.test-support.ts";
import {
  INCIDENT_DEFINITIONS,
  INCIDENT_KINDS,
  canOpenIncident,
  incidentDeadlines,
  incidentDue,
  type IncidentKind,
  type IncidentSnapshot,
} from "./incidents.ts";
import { JOB_STATES, JOB_TYPES, type JobState, type JobType } from "./states.ts";

describe("incident kinds as data", () => {
  it("R-E1..R-E5: one definition per error event, each citing its rule", () => {
    expect(INCIDENT_KINDS.map((k) => INCIDENT_DEFINITIONS[k].rule)).toEqual([
      "R-E1",
      "R-E2",
      "R-E3",
      "R-E4",
      "R-E5",
    ]);
    for (const k of INCIDENT_KINDS) expect(INCIDENT_DEFINITIONS[k].kind).toBe(k);
  });
});

describe("when an incident may be opened: every kind x job type x job state", () => {
  // Written from DOMAIN.md's error table: [kind, rule, job types, job states].
  const WHERE: [IncidentKind, string, JobType[], JobState[]][] = [
    ["JobNotShipping", "R-E1", ["Import", "Export"], ["Creating"]],
    ["PackageOverdue", "R-E2", ["Import", "Export"], ["Shipping"]],
    ["ReturnedDrivesLostOrDamaged", "R-E3", ["Export"], ["Completed", "Closed"]],
    ["ReturnAddressInvalid", "R-E4", ["Import", "Export"], ["Transferring", "Packaging"]],
    [
      "ExtraDrive",
      "R-E5",
      ["Import", "Export"],
      ["Creating", "Shipping", "Received", "Transferring"],
    ],
  ];
  for (const [kind, rule, types, states] of WHERE) {
    for (const type of JOB_TYPES) {
      for (const state of JOB_STATES) {
        const allowed = types.includes(type) && states.includes(state);
        it(`${rule}: ${kind} for a ${state} ${type.toLowerCase()} job -> ${allowed ? "allowed" : "refused"}`, () => {
          const d = canOpenIncident(kind, { type, state });
          expect(d.ok).toBe(allowed);
          if (!d.ok) expect(d.refusal).toMatchObject({ code: "incident_not_applicable", rule });
        });
      }
    }
  }
  it("R-E1: drives of a job we have no record of open a JobNotShipping incident; other kinds need a job", () => {
    expect(canOpenIncident("JobNotShipping", null).ok).toBe(true);
    for (const k of INCIDENT_KINDS.filter((k) => k !== "JobNotShipping"))
      expect(canOpenIncident(k, null).ok).toBe(false);
  });
  it("R-E2: a second package-overdue incident is refused while one is open, allowed once resolved", () => {
    const job = { type: "Import", state: "Shipping" } as const;
    expect(
      canOpenIncident("PackageOverdue", job, [{ kind: "PackageOverdue", resolvedAt: null }]),
    ).toMatchObject({
      ok: false,
      refusal: { code: "incident_already_open" },
    });
    expect(
      canOpenIncident("PackageOverdue", job, [{ kind: "PackageOverdue", resolvedAt: NOW }]).ok,
    ).toBe(true);
  });
  it("R-E5/R-D11: several extra drives may each have their incident", () => {
    const job = { type: "Import", state: "Shipping" } as const;
    expect(canOpenIncident("ExtraDrive", job, [{ kind: "ExtraDrive", resolvedAt: null }]).ok).toBe(
      true,
    );
  });
});

describe("incident deadlines", () => {
  it("R-E1: contact within 14 days, destruction after 90", () => {
    expect(incidentDeadlines("JobNotShipping", NOW)).toEqual({
      contactDeadline: daysFromNow(14),
      answerDeadline: null,
      destructionDeadline: daysFromNow(90),
    });
  });
  it("R-E2: the customer has 30 days to answer", () => {
    expect(incidentDeadlines("PackageOverdue", NOW)).toEqual({
      contactDeadline: null,
      answerDeadline: daysFromNow(30),
      destructionDeadline: null,
    });
  });
  it("R-E4: destruction after 90 days if the contact person is unreachable", () => {
    expect(incidentDeadlines("ReturnAddressInvalid", NOW).destructionDeadline).toEqual(
      daysFromNow(90),
    );
  });
  it("R-E3/R-E5: no timer: handled by hand, or when the job completes", () => {
    const none = { contactDeadline: null, answerDeadline: null, destructionDeadline: null };
    expect(incidentDeadlines("ReturnedDrivesLostOrDamaged", NOW)).toEqual(none);
    expect(incidentDeadlines("ExtraDrive", NOW)).toEqual(none);
  });
});

describe("what is due on an incident (boundaries)", () => {
  const opened = (
    kind: IncidentKind,
    daysAgo: number,
    more: Partial<IncidentSnapshot> = {},
    ms = 0,
  ): IncidentSnapshot => {
    const openedAt = daysFromNow(-daysAgo, ms);
    return {
      id: "inc-1",
      kind,
      openedAt,
      resolvedAt: null,
      customerReached: false,
      returnFailed: false,
      ...incidentDeadlines(kind, openedAt),
      ...more,
    };
  };
  it("R-E1: exactly 14 days without reaching the customer: return the drives; a millisecond earlier: nothing", () => {
    expect(incidentDue(NOW, opened("JobNotShipping", 14))).toEqual([
      { kind: "returnDrives", rule: "R-E1", incidentId: "inc-1" },
    ]);
    expect(incidentDue(NOW, opened("JobNotShipping", 14, {}, 1))).toEqual([]);
  });
  it("R-E1: return failed and customer unreachable: destroy exactly at 90 days, not before", () => {
    expect(incidentDue(NOW, opened("JobNotShipping", 90, { returnFailed: true }))).toEqual([
      { kind: "destroyDrives", rule: "R-E1", incidentId: "inc-1" },
    ]);
    expect(incidentDue(NOW, opened("JobNotShipping", 90, { returnFailed: true }, 1))).toEqual([]);
  });
  it("R-E2: no answer exactly 30 days on: close the job; a millisecond earlier: nothing", () => {
    const inc = opened("PackageOverdue", 30);
    expect(incidentDue(NOW, inc)).toEqual([
      { kind: "closeJob", rule: "R-E2", incidentId: "inc-1", answerDueAt: NOW },
    ]);
    expect(incidentDue(NOW, opened("PackageOverdue", 30, {}, 1))).toEqual([]);
  });
  it("R-E2: once the customer answered, the job is not closed", () => {
    expect(incidentDue(NOW, opened("PackageOverdue", 40, { customerReached: true }))).toEqual([]);
  });
  it("R-E4: contact person unreachable exactly 90 days on: destroy the drives; not before", () => {
    expect(incidentDue(NOW, opened("ReturnAddressInvalid", 90))).toEqual([
      { kind: "destroyDrives", rule: "R-E4", incidentId: "inc-1" },
    ]);
    expect(incidentDue(NOW, opened("ReturnAddressInvalid", 90, {}, 1))).toEqual([]);
  });
  it("R-E3/R-E5: nothing is ever due by time", () => {
    expect(incidentDue(NOW, opened("ReturnedDrivesLostOrDamaged", 400))).toEqual([]);
    expect(incidentDue(NOW, opened("ExtraDrive", 400))).toEqual([]);
  });
  it("R-E1: a resolved incident has nothing due", () => {
    expect(
      incidentDue(NOW, opened("JobNotShipping", 100, { resolvedAt: daysFromNow(-1) })),
    ).toEqual([]);
  });
});
