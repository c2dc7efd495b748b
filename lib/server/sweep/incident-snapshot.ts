import "server-only";
import type { ContactAttempt, Incident } from "@/lib/generated/prisma/client.ts";
import type { IncidentSnapshot } from "@/lib/domain/index.ts";

export type IncidentRow = Pick<
  Incident,
  | "id"
  | "kind"
  | "openedAt"
  | "resolvedAt"
  | "resolution"
  | "contactDeadline"
  | "answerDeadline"
  | "destructionDeadline"
>;

/**
 * The facts incidentDue and due read that the schema has no column for, derived as best we can
 * (no screen records them in a structured way yet):
 *
 * - customerReached: a ContactAttempt of the incident whose outcome says the customer (or the
 *   job's contact) was reached or answered. Outcomes are free text, so only these words count:
 *   "reached", "answered", "replied", "responded", "spoke", and not after "not"/"no"/"un-".
 *   Anything else (e.g. "no answer", "voicemail", "unreachable") means not reached, which keeps
 *   the deadlines running: the safe side, since a supervisor can always resolve the incident.
 * - returnFailed (R-E1): a ContactAttempt outcome saying the return of the drives failed
 *   ("return failed", "undeliverable", "returned to sender").
 * - waitExtendedUntil (R-E2): for a resolved incident, the first date (YYYY-MM-DD, optionally
 *   with a time) written in its resolution, e.g. "Customer asked to wait until 2026-12-01". With
 *   no date, timers.ts waits another 14 days from the resolution.
 */
const REACHED = /\b(reached|answered|replied|responded|spoke)\b/i;
const NEGATED = /\b(not|no|never|un)\b[\s-]*(reached|answered|replied|responded|spoke)|unreach/i;
const RETURN_FAILED =
  /return(ing)?\s+failed|undeliverable|returned\s+to\s+sender|could\s+not\s+(be\s+)?return/i;
const DATE =
  /\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b/;

export function outcomeReached(outcome: string): boolean {
  return REACHED.test(outcome) && !NEGATED.test(outcome);
}

export function outcomeReturnFailed(outcome: string): boolean {
  return RETURN_FAILED.test(outcome);
}

export function waitExtendedUntil(resolution: string | null): Date | null {
  const m = resolution ? DATE.exec(resolution) : null;
  if (!m?.[1]) return null;
  const text = m[1].length === 10 ? `${m[1]}T00:00:00Z` : m[1];
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function toIncidentSnapshot(
  row: IncidentRow,
  contacts: readonly Pick<ContactAttempt, "outcome">[],
): IncidentSnapshot {
  return {
    id: row.id,
    kind: row.kind,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    contactDeadline: row.contactDeadline,
    answerDeadline: row.answerDeadline,
    destructionDeadline: row.destructionDeadline,
    customerReached: contacts.some((c) => outcomeReached(c.outcome)),
    returnFailed: contacts.some((c) => outcomeReturnFailed(c.outcome)),
    waitExtendedUntil: row.resolvedAt ? waitExtendedUntil(row.resolution) : null,
  };
}
