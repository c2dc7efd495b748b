import type { IncidentSnapshot } from "./incident-snapshot.ts";
import { listedDrives, type JobSnapshot } from "./job-snapshot.ts";

/**
 * Every rule that waits counts whole 24-hour days of absolute time from a stored instant: a
 * daylight-saving change never moves a deadline, and the same `now` always gives the same answer.
 * Exactly at a deadline counts as due.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** R-J2: a job may stay Creating at most 14 days; R-J3 restarts the count. */
export const CREATING_TIMEOUT_DAYS = 14;
/** R-J6: operators are told when the drives have not arrived 14 days after shipping. */
export const SHIPPING_NOTIFY_DAYS = 14;
/** R-D5: 14 days after the shipping information, a drive still expected is NeverReceived. */
export const NEVER_RECEIVED_DAYS = 14;
/** R-E2: the customer has 30 days to answer about a missing package; then Shipping -> Closed. */
export const OVERDUE_ANSWER_DAYS = 30;
/** R-J11, R-J13: Completed and Closed jobs are deleted after 90 days. */
export const RETENTION_DAYS = 90;
/** R-E1: operations tries to reach the customer for 14 days before returning the drives. */
export const E1_CONTACT_DAYS = 14;
/** R-E1, R-E4: unreturnable drives of an unreachable customer are destroyed after 90 days. */
export const DESTRUCTION_DAYS = 90;

export function deadline(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

export function isDue(now: Date, at: Date): boolean {
  return now.getTime() >= at.getTime();
}

/** Whole days left, rounded up: 1 until the last millisecond, 0 at the deadline, negative after. */
export function daysLeft(now: Date, at: Date): number {
  const days = Math.ceil((at.getTime() - now.getTime()) / DAY_MS);
  return days === 0 ? 0 : days; // no -0 on screen
}

type TimedJob = Pick<JobSnapshot, "stateChangedAt" | "creatingTimerStartedAt" | "shippingInfoAt">;

/** R-J2: when a Creating job is deleted. Old rows without a timer count from entering the state. */
export function creatingDeadline(job: TimedJob): Date {
  return deadline(job.creatingTimerStartedAt ?? job.stateChangedAt, CREATING_TIMEOUT_DAYS);
}

/** R-J6, R-D5: when the package counts as overdue. */
export function packageDueAt(job: TimedJob): Date {
  return deadline(job.shippingInfoAt ?? job.stateChangedAt, SHIPPING_NOTIFY_DAYS);
}

/** R-D5: when drives still expected count as NeverReceived. */
export function neverReceivedAt(job: TimedJob): Date {
  return deadline(job.shippingInfoAt ?? job.stateChangedAt, NEVER_RECEIVED_DAYS);
}

/** R-J11, R-J13: when a Completed or Closed job is deleted. */
export function retentionEndsAt(job: TimedJob): Date {
  return deadline(job.stateChangedAt, RETENTION_DAYS);
}

export type DueAction =
  | { kind: "expireCreating"; rule: "R-J2" }
  | { kind: "notifyShippingOverdue"; rule: "R-J6" }
  | { kind: "openPackageOverdueIncident"; rule: "R-E2" }
  | { kind: "markDrivesNeverReceived"; rule: "R-D5" }
  | { kind: "purge"; rule: "R-J11" | "R-J13" };

type IncidentView = Pick<IncidentSnapshot, "kind" | "resolvedAt" | "waitExtendedUntil">;

/**
 * R-E2: when operations should next be told about the missing package. Never while a
 * package-overdue incident is open. After one was resolved, not before the wait the customer asked
 * for ends; a resolution without a date waits another SHIPPING_NOTIFY_DAYS, so that a sweep does
 * not reopen what a supervisor just closed.
 */
function nextPackageNotice(job: TimedJob, incidents: readonly IncidentView[]): Date | null {
  const overdue = incidents.filter((i) => i.kind === "PackageOverdue");
  if (overdue.some((i) => i.resolvedAt === null)) return null;
  let at = packageDueAt(job);
  for (const i of overdue) {
    const until = i.waitExtendedUntil ?? deadline(i.resolvedAt ?? at, SHIPPING_NOTIFY_DAYS);
    if (until.getTime() > at.getTime()) at = until;
  }
  return at;
}

/**
 * What the sweep must do for this job now (R-J2, R-J6, R-D5, R-E2, R-J11, R-J13). Incident
 * deadlines (R-E1, R-E2's 30 days, R-E4) come from incidentDue.
 */
export function due(
  now: Date,
  job: JobSnapshot & { incidents?: readonly IncidentView[] },
): DueAction[] {
  const actions: DueAction[] = [];
  switch (job.state) {
    case "Creating":
      if (isDue(now, creatingDeadline(job))) actions.push({ kind: "expireCreating", rule: "R-J2" });
      break;
    case "Shipping": {
      const listed = listedDrives(job.drives);
      if (isDue(now, neverReceivedAt(job)) && listed.some((d) => d.state === "Specified")) {
        actions.push({ kind: "markDrivesNeverReceived", rule: "R-D5" });
      }
      if (!isDue(now, packageDueAt(job))) break;
      // R-J6: a drive is still awaited (an export job also waits for its announced count, R-D2).
      const awaited =
        listed.length === 0 ||
        listed.some((d) => d.state === "Specified" || d.state === "NeverReceived") ||
        (job.type === "Export" && listed.length < (job.expectedDriveCount ?? 0));
      const notice = nextPackageNotice(job, job.incidents ?? []);
      if (awaited && notice !== null && isDue(now, notice)) {
        actions.push({ kind: "notifyShippingOverdue", rule: "R-J6" });
        actions.push({ kind: "openPackageOverdueIncident", rule: "R-E2" });
      }
      break;
    }
    case "Completed":
    case "Closed":
      if (isDue(now, retentionEndsAt(job))) {
        actions.push({ kind: "purge", rule: job.state === "Completed" ? "R-J11" : "R-J13" });
      }
      break;
    default:
      break;
  }
  return actions;
}
