import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysFromNow, NOW } from "./fixtures.test-support.ts";
import {
  HAND_OPENED_INCIDENT_KINDS,
  INCIDENT_DEFINITIONS,
  INCIDENT_KINDS,
  canCorrectReturnAddress,
  canOpenIncident,
  canOpenIncidentByHand,
  canWorkIncidents,
  extendedAnswerDeadline,
  incidentDeadlines,
  incidentDue,
  sameReturnAddress,
  type IncidentKind,
  type IncidentSnapshot,
} from "./incidents.ts";
import { endOfUtcDay } from "./contact-results.ts";
import { ACTORS, JOB_STATES, JOB_TYPES, type JobState, type JobType } from "./states.ts";

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
  // Written from the error-event table of docs/domain.md: [kind, rule, job types, job states].
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

describe("R-E2: extending the wait for a missing package", () => {
  // Opened at NOW (2026-03-15 12:00 UTC): the customer has until 2026-04-14 12:00 UTC to answer.
  const overdue = { kind: "PackageOverdue", ...incidentDeadlines("PackageOverdue", NOW) } as const;
  const day = (iso: string) => new Date(iso); // what a date field sends: 00:00 UTC of that day

  it("R-E2: the wait lasts to the end of the chosen day (UTC), not its first minute", () => {
    expect(extendedAnswerDeadline(overdue, day("2026-04-20"), NOW)).toEqual({
      ok: true,
      value: new Date("2026-04-20T23:59:59.999Z"),
    });
    expect(endOfUtcDay(new Date("2026-12-31T00:00:00.000Z"))).toEqual(
      new Date("2026-12-31T23:59:59.999Z"),
    );
  });

  it("R-E2: a date on or before the current deadline's day is refused: extending never shortens the wait", () => {
    for (const iso of ["2026-04-14", "2026-04-13", "2026-03-20"]) {
      expect(extendedAnswerDeadline(overdue, day(iso), NOW)).toEqual({
        ok: false,
        refusal: {
          code: "guard_failed",
          message: "Choose a date after the current deadline, 2026-04-14.",
          rule: "R-E2",
        },
      });
    }
    expect(extendedAnswerDeadline(overdue, day("2026-04-15"), NOW)).toEqual({
      ok: true,
      value: new Date("2026-04-15T23:59:59.999Z"),
    });
  });

  it("R-E2: a deadline already passed (the sweep has not closed the job yet): any day from today on", () => {
    const late = { kind: "PackageOverdue", answerDeadline: daysFromNow(-10) } as const;
    expect(extendedAnswerDeadline(late, day("2026-03-10"), NOW)).toMatchObject({
      ok: false,
      refusal: { code: "guard_failed", message: "The new wait must end in the future (R-E2)." },
    });
    expect(extendedAnswerDeadline(late, day("2026-03-15"), NOW)).toEqual({
      ok: true,
      value: new Date("2026-03-15T23:59:59.999Z"),
    });
  });

  it("R-E2: only a package-overdue incident has a wait to extend; an invalid date is refused", () => {
    for (const kind of INCIDENT_KINDS.filter((k) => k !== "PackageOverdue")) {
      expect(
        extendedAnswerDeadline({ kind, answerDeadline: null }, day("2026-05-01"), NOW),
      ).toMatchObject({ ok: false, refusal: { code: "incident_not_applicable", rule: "R-E2" } });
    }
    expect(extendedAnswerDeadline(overdue, new Date("not a date"), NOW)).toMatchObject({
      ok: false,
      refusal: { code: "guard_failed", rule: "R-E2" },
    });
  });

  it("R-E2: whatever the deadline, the day and the time, an allowed extension ends a whole UTC day, later than the deadline and than now (property)", () => {
    const instant = fc.date({
      min: new Date("2026-01-01T00:00:00Z"),
      max: new Date("2027-12-31T23:59:59Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, instant, instant, (deadline, chosen, now) => {
        const d = extendedAnswerDeadline(
          { kind: "PackageOverdue", answerDeadline: deadline },
          chosen,
          now,
        );
        const chosenDay = chosen.toISOString().slice(0, 10);
        const expected =
          chosenDay > deadline.toISOString().slice(0, 10) && endOfUtcDay(chosen) > now;
        expect(d.ok).toBe(expected);
        if (!d.ok) return;
        expect(d.value.getTime()).toBeGreaterThan(deadline.getTime());
        expect(d.value.getTime()).toBeGreaterThan(now.getTime());
        expect(d.value.toISOString()).toBe(`${chosenDay}T23:59:59.999Z`);
      }),
    );
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

describe("who works incidents", () => {
  for (const actor of ACTORS) {
    it(`R-E1..R-E5: ${actor} ${actor === "supervisor" ? "may" : "may not"} work incidents`, () => {
      const d = canWorkIncidents(actor, "R-E4");
      expect(d.ok).toBe(actor === "supervisor");
      if (!d.ok) expect(d.refusal).toMatchObject({ code: "forbidden_actor", rule: "R-E4" });
    });
  }
});

describe("incidents opened by hand", () => {
  const packaging = { type: "Import", state: "Packaging" } as const;
  it("R-E3, R-E4: the kinds no scan and no timer notices are the ones opened by hand", () => {
    expect(HAND_OPENED_INCIDENT_KINDS.map((k) => INCIDENT_DEFINITIONS[k].rule)).toEqual([
      "R-E3",
      "R-E4",
    ]);
  });
  it("R-E4: a supervisor opens one by hand on a Transferring or Packaging job, import or export", () => {
    for (const type of JOB_TYPES) {
      for (const state of JOB_STATES) {
        const d = canOpenIncidentByHand("ReturnAddressInvalid", "supervisor", { type, state });
        expect(d.ok, `${type} ${state}`).toBe(state === "Transferring" || state === "Packaging");
        if (!d.ok)
          expect(d.refusal).toMatchObject({ code: "incident_not_applicable", rule: "R-E4" });
      }
    }
  });
  it("R-E4: a second one is refused while the first is open, allowed once it is resolved", () => {
    const open = [{ kind: "ReturnAddressInvalid", resolvedAt: null }] as const;
    expect(
      canOpenIncidentByHand("ReturnAddressInvalid", "supervisor", packaging, open),
    ).toMatchObject({ ok: false, refusal: { code: "incident_already_open", rule: "R-E4" } });
    expect(
      canOpenIncidentByHand("ReturnAddressInvalid", "supervisor", packaging, [
        { kind: "ReturnAddressInvalid", resolvedAt: NOW },
        { kind: "ExtraDrive", resolvedAt: null },
      ]).ok,
    ).toBe(true);
  });
  it("R-E4: an operator, a customer, a copy station or the sweep cannot open one by hand", () => {
    for (const actor of ACTORS.filter((a) => a !== "supervisor")) {
      expect(canOpenIncidentByHand("ReturnAddressInvalid", actor, packaging)).toMatchObject({
        ok: false,
        refusal: { code: "forbidden_actor", rule: "R-E4" },
      });
    }
  });
  it("R-E1, R-E2, R-E5: the events the dock and the sweep notice are not opened by hand", () => {
    const cases = [
      ["JobNotShipping", { type: "Import", state: "Creating" }],
      ["PackageOverdue", { type: "Import", state: "Shipping" }],
      ["ExtraDrive", { type: "Import", state: "Transferring" }],
    ] as const;
    for (const [kind, job] of cases) {
      expect(canOpenIncident(kind, job).ok).toBe(true);
      expect(canOpenIncidentByHand(kind, "supervisor", job)).toMatchObject({
        ok: false,
        refusal: { code: "incident_not_applicable", rule: INCIDENT_DEFINITIONS[kind].rule },
      });
    }
  });
  it("R-E3: still only on a Completed or Closed export job", () => {
    const hand = (type: JobType, state: JobState) =>
      canOpenIncidentByHand("ReturnedDrivesLostOrDamaged", "supervisor", { type, state }).ok;
    expect(hand("Export", "Completed")).toBe(true);
    expect(hand("Export", "Closed")).toBe(true);
    expect(hand("Import", "Completed")).toBe(false);
    expect(hand("Export", "Packaging")).toBe(false);
  });
});

describe("R-E4: recording the corrected return address", () => {
  const ON_RECORD = {
    recipientName: "Ana Bowman",
    streetAddress1: "1 Contoso Way",
    city: "Redmond",
    postalCode: "98052",
    countryOrRegion: "US",
    phone: "+1 425 555 0100",
  };
  const CORRECTED = { ...ON_RECORD, streetAddress1: "10 Contoso Way", postalCode: "98053" };
  const open = { kind: "ReturnAddressInvalid", resolvedAt: null } as const;
  const job = (
    state: JobState,
    faultedFrom: JobState | null = null,
    returnAddress: unknown = ON_RECORD,
  ) => ({
    state,
    faultedFrom,
    returnAddress,
  });

  it("R-E4: allowed while the job is Transferring or Packaging, and nowhere else", () => {
    for (const state of JOB_STATES) {
      const d = canCorrectReturnAddress(open, job(state), "supervisor", CORRECTED);
      expect(d.ok, state).toBe(state === "Transferring" || state === "Packaging");
      if (!d.ok) expect(d.refusal).toMatchObject({ code: "incident_not_applicable", rule: "R-E4" });
    }
  });
  it("R-E4, R-F1: a job Faulted from Transferring or Packaging still has its drives here: allowed", () => {
    for (const from of JOB_STATES) {
      const d = canCorrectReturnAddress(open, job("Faulted", from), "supervisor", CORRECTED);
      expect(d.ok, from).toBe(from === "Transferring" || from === "Packaging");
    }
  });
  it("R-E4: a missing address (null) is corrected by any complete one", () => {
    expect(
      canCorrectReturnAddress(open, job("Packaging", null, null), "supervisor", ON_RECORD).ok,
    ).toBe(true);
  });
  it("R-E4: the address already on record is not a correction (case, spacing and blanks ignored)", () => {
    const same = {
      ...ON_RECORD,
      city: "  REDMOND ",
      streetAddress1: "1  Contoso   Way",
      streetAddress2: "",
    };
    expect(canCorrectReturnAddress(open, job("Packaging"), "supervisor", same)).toMatchObject({
      ok: false,
      refusal: { code: "guard_failed", rule: "R-E4" },
    });
  });
  it("R-E4: without an address it says whether a correction may be recorded now (what the UI offers)", () => {
    expect(canCorrectReturnAddress(open, job("Packaging"), "supervisor").ok).toBe(true);
    expect(canCorrectReturnAddress(open, job("Completed"), "supervisor").ok).toBe(false);
    expect(canCorrectReturnAddress(open, job("Packaging"), "operator").ok).toBe(false);
  });
  it("R-E4: only a supervisor records it", () => {
    for (const actor of ACTORS.filter((a) => a !== "supervisor")) {
      expect(canCorrectReturnAddress(open, job("Packaging"), actor, CORRECTED)).toMatchObject({
        ok: false,
        refusal: { code: "forbidden_actor" },
      });
    }
  });
  it("R-E4: only on an open return-address incident that has a job", () => {
    expect(
      canCorrectReturnAddress(
        { kind: "PackageOverdue", resolvedAt: null },
        job("Packaging"),
        "supervisor",
        CORRECTED,
      ),
    ).toMatchObject({ ok: false, refusal: { code: "incident_not_applicable" } });
    expect(
      canCorrectReturnAddress(
        { ...open, resolvedAt: NOW },
        job("Packaging"),
        "supervisor",
        CORRECTED,
      ),
    ).toMatchObject({ ok: false, refusal: { code: "already_in_state" } });
    expect(canCorrectReturnAddress(open, null, "supervisor", CORRECTED)).toMatchObject({
      ok: false,
      refusal: { code: "incident_not_applicable" },
    });
  });
  it("R-E4: sameReturnAddress compares every field both ways", () => {
    expect(sameReturnAddress(ON_RECORD, ON_RECORD)).toBe(true);
    expect(sameReturnAddress(ON_RECORD, { ...ON_RECORD, email: "new@contoso.example" })).toBe(
      false,
    );
    expect(sameReturnAddress({ ...ON_RECORD, email: "a@b.example" }, ON_RECORD)).toBe(false);
    expect(sameReturnAddress(null, ON_RECORD)).toBe(false);
    expect(sameReturnAddress("1 Contoso Way", ON_RECORD)).toBe(false);
  });
});

describe("R-E4: the same address, whatever the typing (property)", () => {
  const FIELDS = ["recipientName", "streetAddress1", "city", "postalCode", "countryOrRegion"];
  const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
  const address = fc.record(Object.fromEntries(FIELDS.map((f) => [f, word])));
  it("R-E4: re-cased and re-spaced it is the same address; one field changed, it is a correction", () => {
    fc.assert(
      fc.property(address, fc.constantFrom(...FIELDS), word, (a, field, other) => {
        const retyped = Object.fromEntries(
          Object.entries(a).map(([k, v]) => [k, `  ${v.toUpperCase()} `]),
        );
        expect(sameReturnAddress(a, retyped)).toBe(true);
        const changed = { ...a, [field]: `${a[field]} ${other}` };
        expect(sameReturnAddress(a, changed)).toBe(false);
      }),
    );
  });
});
