import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTACT_RESULTS,
  CONTACT_RESULT_LABELS,
  contactFacts,
  NOTIFIED,
} from "./contact-results.ts";
import { NOW } from "./fixtures.test-support.ts";
import { answerDeadlineAfterNotice, incidentDeadlines, incidentDue } from "./incident-deadlines.ts";
import { INCIDENT_KINDS } from "./incident-kinds.ts";
import { OVERDUE_ANSWER_DAYS } from "./timers.ts";

const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("an automatic email as a contact attempt (issue 12)", () => {
  it("R-F2: 'notified' is stored, labelled, and never offered to a supervisor", () => {
    expect(CONTACT_RESULTS).not.toContain(NOTIFIED);
    expect(CONTACT_RESULT_LABELS[NOTIFIED]).toMatch(/automatic email/);
  });

  it("R-E2: an email reaches nobody: it neither stops the 30-day close nor asks for a wait", () => {
    expect(contactFacts([{ result: NOTIFIED, waitUntil: null }])).toEqual({
      customerReached: false,
      waitRequestedUntil: null,
    });
    const opened = NOW;
    const incident = {
      kind: "PackageOverdue" as const,
      openedAt: opened,
      resolvedAt: null,
      returnFailed: false,
      customerReached: contactFacts([{ result: NOTIFIED, waitUntil: null }]).customerReached,
      waitRequestedUntil: null,
      ...incidentDeadlines("PackageOverdue", opened),
    };
    expect(incidentDue(later(OVERDUE_ANSWER_DAYS * DAY), incident)).toMatchObject([
      { kind: "closeJob", rule: "R-E2" },
    ]);
  });

  it("R-E2: the first email sent an hour after the opening gives the customer 30 days from the email", () => {
    const { answerDeadline } = incidentDeadlines("PackageOverdue", NOW);
    const told = later(3_600_000);
    expect(
      answerDeadlineAfterNotice(
        { kind: "PackageOverdue", resolvedAt: null, answerDeadline },
        0,
        told,
      ),
    ).toEqual(later(3_600_000 + OVERDUE_ANSWER_DAYS * DAY));
  });

  it("R-E2: nothing moves once the customer was told, once resolved, or when the email is not later", () => {
    const { answerDeadline } = incidentDeadlines("PackageOverdue", NOW);
    const open = { kind: "PackageOverdue" as const, resolvedAt: null, answerDeadline };
    expect(answerDeadlineAfterNotice(open, 1, later(DAY))).toBeNull();
    expect(answerDeadlineAfterNotice({ ...open, resolvedAt: NOW }, 0, later(DAY))).toBeNull();
    expect(answerDeadlineAfterNotice(open, 0, NOW)).toBeNull();
    expect(answerDeadlineAfterNotice(open, 0, later(-DAY))).toBeNull();
  });

  it("R-E1, R-E3, R-E4, R-E5: no answer clock, so an email moves no deadline", () => {
    for (const kind of INCIDENT_KINDS.filter((k) => k !== "PackageOverdue")) {
      const open = { kind, resolvedAt: null, ...incidentDeadlines(kind, NOW) };
      expect(answerDeadlineAfterNotice(open, 0, later(DAY)), kind).toBeNull();
    }
  });

  it("R-E2 (property): the answer deadline never moves earlier and never beyond 30 days after the email", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INCIDENT_KINDS),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (kind, hours, earlier, resolved) => {
          const current = incidentDeadlines(kind, NOW).answerDeadline;
          const told = later(hours * 3_600_000);
          const moved = answerDeadlineAfterNotice(
            { kind, resolvedAt: resolved ? NOW : null, answerDeadline: current },
            earlier,
            told,
          );
          if (moved === null) return;
          expect(kind).toBe("PackageOverdue");
          expect(resolved || earlier > 0).toBe(false);
          expect(moved.getTime()).toBeGreaterThan(current!.getTime());
          expect(moved.getTime()).toBe(told.getTime() + OVERDUE_ANSWER_DAYS * DAY);
        },
      ),
    );
  });
});
