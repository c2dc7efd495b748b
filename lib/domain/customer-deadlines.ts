import { listedDrives, type JobDrive } from "./job-snapshot.ts";
import type { JobState, JobType } from "./states.ts";
import {
  RETENTION_DAYS,
  creatingDeadline,
  daysLeft,
  deadline,
  isDue,
  neverReceivedAt,
  packageDueAt,
} from "./timers.ts";

/**
 * The deadlines that concern the customer, for the status page: what happens to the job, and
 * when, unless the customer acts. Each one counts from the same stored instants as the sweep
 * (timers.ts), so the page never promises a day the sweep does not keep.
 */
export type CustomerDeadline =
  /** R-J2, R-J3: a job left in Creating is deleted; updating its properties restarts the count. */
  | {
      kind: "creatingExpires";
      rules: ["R-J2", "R-J3"];
      at: Date;
      daysLeft: number;
      passed: boolean;
    }
  /** R-J6, R-D5: the package is late; its drives become NeverReceived and operations is told. */
  | { kind: "packageDue"; rules: ["R-J6", "R-D5"]; at: Date; daysLeft: number; passed: boolean }
  /** R-E2: the package is missing; with no answer from the customer by then, the job closes. */
  | { kind: "answerMissingPackage"; rules: ["R-E2"]; at: Date; daysLeft: number; passed: boolean }
  /** R-E2: on the customer's answer, operations extended the wait for the package until then. */
  | { kind: "packageWaitExtended"; rules: ["R-E2"]; at: Date; daysLeft: number; passed: boolean }
  /** R-E4: the return address is wrong or missing; with no correct one, the drives are destroyed. */
  | {
      kind: "returnAddressDestruction";
      rules: ["R-E4"];
      at: Date;
      daysLeft: number;
      passed: boolean;
    }
  /** R-J11, R-J13: a finished job, and its status page, are deleted after 90 days. */
  | {
      kind: "deletion";
      rules: ["R-J11"] | ["R-J13"];
      at: Date;
      daysLeft: number;
      passed: boolean;
    };

export type CustomerDeadlineKind = CustomerDeadline["kind"];

export type CustomerDeadlineInput = {
  type: JobType;
  state: JobState;
  stateChangedAt: Date;
  creatingTimerStartedAt: Date | null;
  shippingInfoAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  drives: readonly JobDrive[];
  /** Export jobs: the drive count of the delivery package (R-D2), when the customer gave one. */
  expectedDriveCount?: number | null;
  /** R-E2: the answer deadline of the open package-overdue incident, if there is one. */
  missingPackageAnswerBy?: Date | null;
  /** R-E2: operations extended that incident's wait on the customer's answer. */
  missingPackageWaitExtended?: boolean;
  /** R-E4: the destruction deadline of the open return-address incident, if there is one. */
  returnAddressDestructionAt?: Date | null;
};

function timing(now: Date, at: Date) {
  return { at, daysLeft: daysLeft(now, at), passed: isDue(now, at) };
}

/** R-J6: the job still waits for drives (the same test as the sweep's). */
function awaitingDrives(job: CustomerDeadlineInput): boolean {
  const listed = listedDrives(job.drives);
  return (
    listed.length === 0 ||
    listed.some((d) => d.state === "Specified" || d.state === "NeverReceived") ||
    (job.type === "Export" && listed.length < (job.expectedDriveCount ?? 0))
  );
}

/**
 * What the customer must know about time, in the order they come: Creating → when the job expires
 * (R-J2, restarted by R-J3); Shipping → when a package that has not arrived counts as late, its
 * drives NeverReceived and operations told (R-J6, R-D5), or, once the package-overdue incident is
 * open, the one date that matters now: by when the customer must answer before the job closes, or
 * until when the extended wait runs (R-E2); Transferring/Packaging with a wrong or missing return
 * address → when the drives are destroyed (R-E4); Completed/Closed → when the job and its page are
 * deleted (R-J11, R-J13). Other states have nothing the customer can miss.
 */
export function customerDeadlines(now: Date, job: CustomerDeadlineInput): CustomerDeadline[] {
  switch (job.state) {
    case "Creating":
      return [
        { kind: "creatingExpires", rules: ["R-J2", "R-J3"], ...timing(now, creatingDeadline(job)) },
      ];
    case "Shipping": {
      // Once R-E2's incident is open, the late package is old news: its answer (or extended wait)
      // deadline replaces the passed R-J6 date, which would only say the same thing twice.
      if (job.missingPackageAnswerBy) {
        const when = timing(now, job.missingPackageAnswerBy);
        return [
          job.missingPackageWaitExtended
            ? { kind: "packageWaitExtended", rules: ["R-E2"], ...when }
            : { kind: "answerMissingPackage", rules: ["R-E2"], ...when },
        ];
      }
      if (!awaitingDrives(job)) return [];
      // R-J6 and R-D5 both wait SHIPPING_NOTIFY_DAYS = NEVER_RECEIVED_DAYS; the earlier one wins.
      const a = packageDueAt(job);
      const b = neverReceivedAt(job);
      const at = a.getTime() <= b.getTime() ? a : b;
      return [{ kind: "packageDue", rules: ["R-J6", "R-D5"], ...timing(now, at) }];
    }
    case "Transferring":
    case "Packaging":
      return job.returnAddressDestructionAt
        ? [
            {
              kind: "returnAddressDestruction",
              rules: ["R-E4"],
              ...timing(now, job.returnAddressDestructionAt),
            },
          ]
        : [];
    case "Completed":
      return [
        {
          kind: "deletion",
          rules: ["R-J11"],
          ...timing(now, deadline(job.completedAt ?? job.stateChangedAt, RETENTION_DAYS)),
        },
      ];
    case "Closed":
      return [
        {
          kind: "deletion",
          rules: ["R-J13"],
          ...timing(now, deadline(job.closedAt ?? job.stateChangedAt, RETENTION_DAYS)),
        },
      ];
    default:
      return [];
  }
}
