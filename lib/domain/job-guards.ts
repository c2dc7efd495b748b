import { INCIDENT_DEFINITIONS } from "./incident-definitions.ts";
import type { IncidentKind } from "./incident-kinds.ts";
import { jobResolutionTargets } from "./job-resolution.ts";
import {
  AT_DATACENTER_DRIVE_STATES,
  BEGUN_DRIVE_STATES,
  extraDrivesStillHere,
  listedDrives,
  type JobSnapshot,
} from "./job-snapshot.ts";
import type { JobEvent, JobGuard } from "./job-transitions.ts";
import type { Refusal } from "./refusal.ts";
import { dayCount } from "./refusal-wording.ts";
import { creatingDeadline, daysLeft, isDue, retentionEndsAt } from "./timers.ts";

const failed = (message: string, rule: string): Refusal => ({
  code: "guard_failed",
  message,
  rule,
});
const notDue = (message: string, rule: string): Refusal => ({ code: "not_due", message, rule });

/** "A", "A and B", "A, B and C". */
function andList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** R-E1: drives that reached the dock before their job shipped stay tied to it until handled. */
function heldDrivesRefusal(event: JobEvent, consequence: string): Refusal | null {
  if (event.type !== "replaceDriveList" && event.type !== "delete") return null;
  const held = event.heldDrives;
  if (held.length === 0) return null;
  return failed(
    `${held.length === 1 ? "Drive" : "Drives"} ${andList(held)} ${held.length === 1 ? "has" : "have"} already arrived at the datacenter although the job was not Shipping: ${consequence} Operations will contact you (R-E1).`,
    "R-E1",
  );
}

/** R-E5, R-E1: a drive that came as an extra drive of the job is a supervisor's, not the list's. */
function extraDrivesNamedRefusal(extras: readonly string[]): Refusal {
  const one = extras.length === 1;
  return failed(
    `${one ? "Drive" : "Drives"} ${andList(extras)} already arrived at the datacenter as ${one ? "an extra drive" : "extra drives"} of this job, not on its drive list, and ${one ? "is" : "are"} held for a supervisor: ${one ? "it" : "they"} cannot be added to the drive list. Operations will contact you (R-E5, R-E1).`,
    "R-E5",
  );
}

const FAULTED_DRIVE = "A drive of this job is Faulted: operations must resolve it first (R-F3).";

/**
 * The conditions of JOB_TRANSITIONS beyond state and actor. `now` is only read here: timer events
 * sent early (a sweep with a skewed clock, a replayed request) are refused, not applied.
 */
export function checkJobGuard(
  guard: JobGuard,
  job: JobSnapshot,
  event: JobEvent,
  now: Date,
): Refusal | null {
  switch (guard) {
    case "deliveryAndReturnSet": {
      if (job.hasDeliveryPackage && job.hasReturnAddress) return null;
      const missing = [
        job.hasDeliveryPackage ? null : "the delivery package (carrier and tracking number)",
        job.hasReturnAddress ? null : "the return address",
      ].filter((m): m is string => m !== null);
      return failed(
        `A job can move to Shipping only when its delivery package (carrier and tracking number) and return address are set; ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing (R-J5).`,
        "R-J5",
      );
    }
    case "notCancelled":
      return job.cancelRequested
        ? failed("The job was cancelled: its properties can no longer change (R-J14).", "R-J14")
        : null;
    case "noCopyBegun":
      return listedDrives(job.drives).some((d) => BEGUN_DRIVE_STATES.includes(d.state))
        ? failed("A drive of this job has begun its copy (R-J14).", "R-J14")
        : null;
    case "answerOverdue": {
      if (event.type !== "closeOverdue") return null;
      if (!isDue(now, event.answerDueAt)) {
        return notDue(
          `The customer still has ${dayCount(daysLeft(now, event.answerDueAt))} to answer about the missing package (R-E2).`,
          "R-E2",
        );
      }
      const awaited = listedDrives(job.drives).every(
        (d) => d.state === "Specified" || d.state === "NeverReceived",
      );
      if (!awaited) {
        return failed(
          "Drives of this job have reached the datacenter or need a supervisor: it cannot close as a missing package (R-E2).",
          "R-E2",
        );
      }
      return extraDrivesStillHere(job.drives).length > 0
        ? failed(
            "An extra drive of this job is at the datacenter: the job cannot close before it goes back to the customer (R-E2, R-E5).",
            "R-E5",
          )
        : null;
    }
    case "creatingTimedOut": {
      const at = creatingDeadline(job);
      return isDue(now, at)
        ? null
        : notDue(
            `The job has ${dayCount(daysLeft(now, at))} left in Creating before it is deleted (R-J2).`,
            "R-J2",
          );
    }
    case "retentionOver": {
      const at = retentionEndsAt(job);
      const rule = job.state === "Completed" ? "R-J11" : "R-J13";
      return isDue(now, at)
        ? null
        : notDue(
            `The job is kept ${dayCount(daysLeft(now, at))} more before it is deleted (${rule}).`,
            rule,
          );
    }
    case "driveListReplaceable": {
      if (job.type === "Export") {
        return failed(
          "An export job has no drive list to replace: its drives are recorded when they arrive (R-D2).",
          "R-D2",
        );
      }
      if (job.cancelRequested) {
        return failed(
          "The job was cancelled: its drive list can no longer change (R-J14).",
          "R-J14",
        );
      }
      const held = heldDrivesRefusal(event, "the drive list can no longer change.");
      if (held) return held;
      const extras = event.type === "replaceDriveList" ? (event.extraDrivesNamed ?? []) : [];
      if (extras.length > 0) return extraDrivesNamedRefusal(extras);
      return job.drives.some((d) => d.state === "Faulted") ? failed(FAULTED_DRIVE, "R-F3") : null;
    }
    case "nothingAtDatacenter": {
      const held = heldDrivesRefusal(event, "the job cannot be deleted.");
      if (held) return held;
      if (job.drives.some((d) => d.state === "Faulted")) return failed(FAULTED_DRIVE, "R-F3");
      const here = job.drives.filter((d) => AT_DATACENTER_DRIVE_STATES.includes(d.state)).length;
      return here === 0
        ? null
        : failed(
            `${here === 1 ? "A drive" : `${here} drives`} of this job ${here === 1 ? "is" : "are"} still at the datacenter: the job can be deleted once ${here === 1 ? "it has" : "they have"} been shipped back (R-E5, R-D11).`,
            "R-D11",
          );
    }
    case "resolutionTarget": {
      if (event.type !== "resolveFault") return null;
      const targets = jobResolutionTargets(job);
      if (targets.includes(event.to)) return null;
      return {
        code: "invalid_resolution",
        message:
          targets.length === 0
            ? "No state is consistent with this job's drives yet: resolve its Faulted drives first (R-F3)."
            : `Given its drives, this job can leave Faulted only for ${targets.join(" or ")} (R-F3).`,
        rule: "R-F3",
      };
    }
  }
}

/**
 * What a job's incidents leave behind that Delete Job must not erase: deleting a job deletes its
 * incidents, their contact attempts and their destruction records with it. An open incident is
 * operations still at work on an error event of docs/domain.md (R-E1..R-E5); a destruction record
 * is the proof that drives were securely destroyed (R-E1, R-E4) and is kept with its job.
 */
export type JobIncidentRecords = {
  /** The kinds of the job's incidents that are still open. */
  openIncidents: readonly IncidentKind[];
  /** The kinds of the incidents under which drives of the job were destroyed. */
  destructions: readonly IncidentKind[];
};

/** Delete Job (our choice, see JOB_TRANSITIONS) is refused while the job's incidents need it. */
export function incidentRecordsRefusal(records: JobIncidentRecords): Refusal | null {
  const open = records.openIncidents.length;
  if (open > 0) {
    const defs = [...new Set(records.openIncidents)].map((kind) => INCIDENT_DEFINITIONS[kind]);
    const rules = [...new Set(defs.map((d) => d.rule))].sort();
    return failed(
      `This job has ${open === 1 ? "an open incident" : `${open} open incidents`} (${andList(defs.map((d) => `"${d.title}", ${d.rule}`))}): operations are still working on ${open === 1 ? "it" : "them"}, so the job cannot be deleted until ${open === 1 ? "it is" : "they are"} resolved.`,
      rules[0]!,
    );
  }
  if (records.destructions.length > 0) {
    const rules = [
      ...new Set(records.destructions.map((kind) => INCIDENT_DEFINITIONS[kind].rule)),
    ].sort();
    return failed(
      `Drives of this job were securely destroyed (${andList(rules)}): the job is kept with its destruction certificate and cannot be deleted.`,
      rules[0]!,
    );
  }
  return null;
}
