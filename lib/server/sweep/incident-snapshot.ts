import "server-only";
import type { ContactAttempt, Incident } from "@/lib/generated/prisma/client.ts";
import { contactFacts, type IncidentSnapshot } from "@/lib/domain/index.ts";

export type IncidentRow = Pick<
  Incident,
  | "id"
  | "kind"
  | "openedAt"
  | "resolvedAt"
  | "contactDeadline"
  | "answerDeadline"
  | "destructionDeadline"
  | "returnFailedAt"
>;

export type ContactRow = Pick<ContactAttempt, "result" | "waitUntil">;

/** The contact facts the sweep reads: the results a supervisor chose, never the words of a note. */
export const CONTACT_FACTS_SELECT = { result: true, waitUntil: true } as const;

/**
 * The incident as incidentDue and due read it. Every fact is stored data: whether the customer was
 * reached and whether they asked us to wait come from the contact attempts' results (R-E1, R-E2),
 * the failed return from the incident's own outcome (R-E1). A resolved package-overdue incident
 * holds the next notice back until the end of the wait the customer asked for (timers.ts).
 */
export function toIncidentSnapshot(
  row: IncidentRow,
  contacts: readonly ContactRow[],
): IncidentSnapshot {
  const facts = contactFacts(contacts);
  return {
    id: row.id,
    kind: row.kind,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    contactDeadline: row.contactDeadline,
    answerDeadline: row.answerDeadline,
    destructionDeadline: row.destructionDeadline,
    customerReached: facts.customerReached,
    returnFailed: row.returnFailedAt !== null,
    waitRequestedUntil: facts.waitRequestedUntil,
    waitExtendedUntil: row.resolvedAt ? facts.waitRequestedUntil : null,
  };
}
