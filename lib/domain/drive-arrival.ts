import { actorList } from "./refusal-wording.ts";
import { jobAwaitsDrives } from "./drive-guards.ts";
import { EXTRA_DRIVE_INITIAL_STATE, initialDriveState } from "./drive-transitions.ts";
import { INCIDENT_DEFINITIONS } from "./incident-definitions.ts";
import { allow, refuse, type Decision } from "./refusal.ts";
import type { Actor, DriveState, JobState, JobType } from "./states.ts";

/**
 * A drive that comes out of a package without being on any drive list: an export job's drive
 * (export jobs list none at creation, R-D2) or a drive that is not the job's (R-E5, R-D11).
 */
export type ArrivalKind = "exportDrive" | "extraDrive";

export type ArrivingDriveDecision = { state: DriveState; extra: boolean; rule: string };

const DOCK: readonly Actor[] = ["operator", "supervisor"];

/** Whether the dock may record this arriving drive for this job, and how it starts. */
export function decideArrivingDrive(
  job: { type: JobType; state: JobState },
  kind: ArrivalKind,
  actor: Actor,
): Decision<ArrivingDriveDecision> {
  if (!DOCK.includes(actor)) {
    return refuse(
      "forbidden_actor",
      `Only ${actorList(DOCK)} record drives arriving at the dock.`,
      "R-D2",
    );
  }
  if (kind === "exportDrive") {
    if (job.type !== "Export") {
      return refuse(
        "guard_failed",
        "An import job's drives are on its drive list: scan them to receive them (R-D3), or flag an extra drive (R-E5).",
        "R-D2",
      );
    }
    const failure = jobAwaitsDrives(job);
    if (failure) return { ok: false, refusal: failure.refusal };
    return allow({ state: initialDriveState("Export"), extra: false, rule: "R-D2" });
  }
  const states = INCIDENT_DEFINITIONS.ExtraDrive.jobStates;
  if (!states.includes(job.state)) {
    return refuse(
      "guard_failed",
      `An extra drive is flagged while its package's job is ${states.join(", ")}; this job is ${job.state} (R-E5).`,
      "R-E5",
    );
  }
  return allow({ state: EXTRA_DRIVE_INITIAL_STATE, extra: true, rule: "R-D11" });
}
