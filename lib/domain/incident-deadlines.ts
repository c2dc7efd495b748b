import { INCIDENT_DEFINITIONS } from "./incident-definitions.ts";
import type { IncidentKind } from "./incident-kinds.ts";
import type { IncidentDeadlines, IncidentSnapshot } from "./incident-snapshot.ts";
import { deadline, isDue } from "./timers.ts";

export function incidentDeadlines(kind: IncidentKind, openedAt: Date): IncidentDeadlines {
  const def = INCIDENT_DEFINITIONS[kind];
  const after = (days: number | null) => (days === null ? null : deadline(openedAt, days));
  return {
    contactDeadline: after(def.contactDays),
    answerDeadline: after(def.answerDays),
    destructionDeadline: after(def.destructionDays),
  };
}

/** A deadline pushed back to the end of the wait the customer asked for, if that is later. */
function afterRequestedWait(at: Date | null, wait: Date | null | undefined): Date | null {
  if (at === null || wait == null) return at;
  return wait.getTime() > at.getTime() ? wait : at;
}

export type IncidentAction =
  | { kind: "returnDrives"; rule: "R-E1"; incidentId?: string }
  | { kind: "destroyDrives"; rule: "R-E1" | "R-E4"; incidentId?: string }
  | { kind: "closeJob"; rule: "R-E2"; incidentId?: string; answerDueAt: Date };

/** What the sweep must do about one incident now. Nothing once it is resolved. */
export function incidentDue(now: Date, incident: IncidentSnapshot): IncidentAction[] {
  if (incident.resolvedAt !== null || incident.customerReached) return [];
  const id = incident.id === undefined ? {} : { incidentId: incident.id };
  const reached = (at: Date | null): at is Date => at !== null && isDue(now, at);
  const wait = incident.waitRequestedUntil;
  switch (incident.kind) {
    case "JobNotShipping":
      if (!incident.returnFailed && reached(afterRequestedWait(incident.contactDeadline, wait))) {
        return [{ kind: "returnDrives", rule: "R-E1", ...id }];
      }
      if (incident.returnFailed && reached(incident.destructionDeadline)) {
        return [{ kind: "destroyDrives", rule: "R-E1", ...id }];
      }
      return [];
    case "PackageOverdue": {
      // R-E2: no answer in 30 days closes the job; a customer who asked us to wait answered, and
      // the job closes only once the wait they asked for is over too.
      const answerDueAt = afterRequestedWait(incident.answerDeadline, wait);
      return reached(answerDueAt) ? [{ kind: "closeJob", rule: "R-E2", ...id, answerDueAt }] : [];
    }
    case "ReturnAddressInvalid":
      return reached(incident.destructionDeadline)
        ? [{ kind: "destroyDrives", rule: "R-E4", ...id }]
        : [];
    case "ReturnedDrivesLostOrDamaged":
    case "ExtraDrive":
      return [];
  }
}

/**
 * R-E2's 30 days to answer count from when the customer is told the package is missing. The
 * incident opens with them counted from its opening; when the first contact of the incident is
 * an automatic email (issue 12) sent later than that, the customer gets their full 30 days from
 * the email. Answers the new answer deadline, or null when nothing moves: another kind, a
 * resolved incident, an earlier contact (the customer was already told), or no later date.
 */
export function answerDeadlineAfterNotice(
  incident: {
    kind: IncidentKind;
    resolvedAt: Date | null;
    answerDeadline: Date | null;
  },
  earlierContacts: number,
  toldAt: Date,
): Date | null {
  const days = INCIDENT_DEFINITIONS[incident.kind].answerDays;
  if (days === null || incident.resolvedAt !== null || earlierContacts > 0) return null;
  const due = deadline(toldAt, days);
  if (incident.answerDeadline !== null && due.getTime() <= incident.answerDeadline.getTime()) {
    return null;
  }
  return due;
}
