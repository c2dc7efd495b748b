import { allow, refuse, type Decision } from "./refusal.ts";

/**
 * What came of one attempt to reach the customer (R-F2, R-E1, R-E2, R-E4), chosen by the
 * supervisor from these four, never read from the words of a note:
 *
 * - reachedWillShip: reached; they will act (ship the package, update the job, send the address);
 * - askedToWait: reached; they asked us to wait until a date (R-E2: "extend the interval to wait");
 * - noAnswer: nobody answered (yet); the deadlines keep running;
 * - unreachable: the contact details do not work (R-E1, R-E4: "cannot be reached").
 */
export const CONTACT_RESULTS = [
  "reachedWillShip",
  "askedToWait",
  "noAnswer",
  "unreachable",
] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/**
 * The fifth result, never chosen by a person: an automatic email about the job (issue 12) that
 * the mail server accepted. The customer was told; nothing is known of an answer yet. For the
 * deadline rules it is a contact that reached nobody (like noAnswer), except that it starts
 * R-E2's answer clock when it is the first word to the customer about a missing package.
 */
export const NOTIFIED = "notified";
/** Every result a stored contact attempt can hold. */
export type RecordedContactResult = ContactResult | typeof NOTIFIED;

export const CONTACT_RESULT_LABELS: Readonly<Record<RecordedContactResult, string>> = {
  reachedWillShip: "Reached: they will act on it",
  askedToWait: "Reached: asked us to wait until a date",
  noAnswer: "No answer",
  unreachable: "Unreachable: the contact details do not work",
  notified: "Told by automatic email; no answer yet",
};

export function isContactResult(value: unknown): value is ContactResult {
  return typeof value === "string" && (CONTACT_RESULTS as readonly string[]).includes(value);
}

/** One stored contact attempt, as the deadline rules read it. */
export type ContactRecord = { result: RecordedContactResult; waitUntil: Date | null };

/** The last millisecond of a date's UTC day: a wait "until 12 March" lasts all of 12 March. */
export function endOfUtcDay(day: Date): Date {
  return new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59, 999),
  );
}

/**
 * A contact's result with its date: "asked to wait" needs the day (today or later), and the
 * other results take none. Answers the wait's end (the end of that UTC day) or null.
 */
export function contactWait(
  result: ContactResult,
  waitUntil: Date | null | undefined,
  now: Date,
): Decision<Date | null> {
  if (result !== "askedToWait") {
    return waitUntil
      ? refuse("guard_failed", "A date goes only with “asked us to wait until a date”.")
      : allow(null);
  }
  if (!waitUntil || Number.isNaN(waitUntil.getTime())) {
    return refuse("guard_failed", "Give the date the customer asked us to wait until.");
  }
  const until = endOfUtcDay(waitUntil);
  if (until.getTime() <= now.getTime()) {
    return refuse("guard_failed", "The date the customer asked us to wait until must not be past.");
  }
  return allow(until);
}

/** What the contacts of one incident establish, for incidentDue and the sweep. */
export type ContactFacts = {
  /** Someone reached the customer and they said they will act: no deadline acts for them. */
  customerReached: boolean;
  /** The latest end of a wait the customer asked for (R-E2), or null. */
  waitRequestedUntil: Date | null;
};

export function contactFacts(contacts: readonly ContactRecord[]): ContactFacts {
  let waitRequestedUntil: Date | null = null;
  for (const c of contacts) {
    if (c.result !== "askedToWait" || c.waitUntil === null) continue;
    const until = endOfUtcDay(c.waitUntil);
    if (waitRequestedUntil === null || until.getTime() > waitRequestedUntil.getTime()) {
      waitRequestedUntil = until;
    }
  }
  return {
    customerReached: contacts.some((c) => c.result === "reachedWillShip"),
    waitRequestedUntil,
  };
}
