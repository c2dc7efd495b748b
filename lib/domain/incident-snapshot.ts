import type { IncidentKind } from "./incident-kinds.ts";

/** The deadlines stored on an Incident row when it opens (null: the kind has no such deadline). */
export type IncidentDeadlines = {
  contactDeadline: Date | null;
  answerDeadline: Date | null;
  destructionDeadline: Date | null;
};

/** An Incident row as the deadline rules read it. */
export type IncidentSnapshot = IncidentDeadlines & {
  id?: string;
  kind: IncidentKind;
  openedAt: Date;
  resolvedAt: Date | null;
  /**
   * A contact attempt's result says the customer (or the job's contact person) was reached and
   * will act (contactFacts, from the stored ContactResult, never from a note's words).
   */
  customerReached: boolean;
  /** R-E1: operations tried to return the drives and could not. */
  returnFailed: boolean;
  /**
   * A contact attempt's result says the customer asked us to wait until then (the end of that UTC
   * day): no deadline of the incident acts before it.
   */
  waitRequestedUntil?: Date | null;
  /** R-E2: for a resolved incident, the wait the customer asked for (timers.ts reads it). */
  waitExtendedUntil?: Date | null;
};
