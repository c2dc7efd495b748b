import { describe, expect, it } from "vitest";
import {
  CONTACT_RESULTS,
  CONTACT_RESULT_LABELS,
  contactFacts,
  contactWait,
  endOfUtcDay,
  isContactResult,
} from "./contact-results.ts";
import { daysFromNow, NOW } from "./fixtures.test-support.ts";
import { incidentDeadlines, incidentDue } from "./incident-deadlines.ts";
import type { IncidentSnapshot } from "./incident-snapshot.ts";

const DAY = 86_400_000;

describe("contact results (R-F2, R-E1, R-E2, R-E4)", () => {
  it("R-F2: four explicit results, each with a label", () => {
    expect(CONTACT_RESULTS).toEqual(["reachedWillShip", "askedToWait", "noAnswer", "unreachable"]);
    for (const r of CONTACT_RESULTS) expect(CONTACT_RESULT_LABELS[r].length).toBeGreaterThan(3);
    expect(isContactResult("reached")).toBe(false);
    expect(isContactResult("noAnswer")).toBe(true);
  });

  it("R-E2: 'asked to wait' needs a day that is not past; the wait lasts to the end of that UTC day", () => {
    expect(contactWait("askedToWait", null, NOW)).toMatchObject({ ok: false });
    expect(contactWait("askedToWait", daysFromNow(-2), NOW)).toMatchObject({ ok: false });
    expect(contactWait("askedToWait", daysFromNow(10), NOW)).toEqual({
      ok: true,
      value: endOfUtcDay(daysFromNow(10)),
    });
    // Today still counts: the wait lasts until midnight UTC.
    expect(contactWait("askedToWait", NOW, NOW)).toEqual({ ok: true, value: endOfUtcDay(NOW) });
  });

  it("R-F2: the other results take no date", () => {
    expect(contactWait("noAnswer", null, NOW)).toEqual({ ok: true, value: null });
    expect(contactWait("reachedWillShip", daysFromNow(3), NOW)).toMatchObject({ ok: false });
  });

  it("R-E2: only 'reached and will ship' counts as reached; the latest wait asked for wins", () => {
    expect(contactFacts([])).toEqual({ customerReached: false, waitRequestedUntil: null });
    expect(
      contactFacts([
        { result: "noAnswer", waitUntil: null },
        { result: "unreachable", waitUntil: null },
      ]),
    ).toEqual({ customerReached: false, waitRequestedUntil: null });
    expect(
      contactFacts([
        { result: "askedToWait", waitUntil: daysFromNow(40) },
        { result: "askedToWait", waitUntil: daysFromNow(20) },
      ]),
    ).toEqual({ customerReached: false, waitRequestedUntil: endOfUtcDay(daysFromNow(40)) });
    expect(contactFacts([{ result: "reachedWillShip", waitUntil: null }]).customerReached).toBe(
      true,
    );
  });
});

describe("what the sweep does with contact results (R-E1, R-E2)", () => {
  const overdue = (openedDaysAgo: number, facts: Partial<IncidentSnapshot>): IncidentSnapshot => {
    const openedAt = new Date(NOW.getTime() - openedDaysAgo * DAY);
    return {
      id: "i1",
      kind: "PackageOverdue",
      openedAt,
      resolvedAt: null,
      ...incidentDeadlines("PackageOverdue", openedAt),
      customerReached: false,
      returnFailed: false,
      ...facts,
    };
  };

  it("R-E2: 'no answer' and 'unreachable' leave the 30-day close in place", () => {
    for (const result of ["noAnswer", "unreachable"] as const) {
      const facts = contactFacts([{ result, waitUntil: null }]);
      expect(incidentDue(NOW, overdue(31, facts)).map((a) => a.kind)).toEqual(["closeJob"]);
    }
  });

  it("R-E2: a customer who called back and asked to wait is not closed at day 30, but after the wait", () => {
    const facts = contactFacts([{ result: "askedToWait", waitUntil: daysFromNow(5) }]);
    expect(incidentDue(NOW, overdue(31, facts))).toEqual([]);
    const later = new Date(endOfUtcDay(daysFromNow(5)).getTime() + 1);
    expect(incidentDue(later, overdue(31 + 6, facts))).toEqual([
      expect.objectContaining({ kind: "closeJob", answerDueAt: endOfUtcDay(daysFromNow(5)) }),
    ]);
  });

  it("R-E2: 'reached and will ship' stops the close", () => {
    const facts = contactFacts([{ result: "reachedWillShip", waitUntil: null }]);
    expect(incidentDue(NOW, overdue(45, facts))).toEqual([]);
  });

  it("R-E1: a wait the customer asked for also holds back the return of held drives", () => {
    const openedAt = daysFromNow(-15);
    const base: IncidentSnapshot = {
      kind: "JobNotShipping",
      openedAt,
      resolvedAt: null,
      ...incidentDeadlines("JobNotShipping", openedAt),
      customerReached: false,
      returnFailed: false,
    };
    expect(incidentDue(NOW, base).map((a) => a.kind)).toEqual(["returnDrives"]);
    const waiting = {
      ...base,
      ...contactFacts([{ result: "askedToWait", waitUntil: daysFromNow(3) }]),
    };
    expect(incidentDue(NOW, waiting)).toEqual([]);
  });
});
