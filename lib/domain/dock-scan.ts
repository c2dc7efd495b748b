import type { DriveState, JobState, JobType } from "./states.ts";

/**
 * What a drive scan at the receiving dock means, given the open package and every drive on record
 * with that serial. The dock command then applies the matching drive rule (decideDriveEvent or
 * decideArrivingDrive), which has the last word; this only says which rule applies to which drive.
 */

/** A job whose delivery package (carrier + tracking number) is the package being unpacked. */
export type PackageJob = { jobId: string; name: string; type: JobType; state: JobState };

/** A drive on record with the scanned serial, with the facts about its job that the dock needs. */
export type DriveOnRecord = {
  driveId: string;
  jobId: string | null;
  jobName: string | null;
  jobState: JobState | null;
  state: DriveState;
  extra: boolean;
};

export type DockScanPlan =
  /** R-D3 (Specified) or R-D10 (NeverReceived, arriving in a later package): receive it. */
  | { kind: "receive"; driveId: string; jobId: string; late: boolean; rule: "R-D3" | "R-D10" }
  /** Already at the datacenter: a double scan. Nothing changes. */
  | { kind: "alreadyHere"; driveId: string; jobId: string | null; state: DriveState }
  /** R-E1: the drive's job is not in Shipping yet: hold the drive, open an incident. */
  | { kind: "holdJobNotShipping"; driveId: string; jobId: string; rule: "R-E1" }
  /** R-E1: no job on record has this drive and the package belongs to no job: hold it. */
  | { kind: "holdUnknown"; rule: "R-E1" }
  /** R-D2: an export job's drive arriving in its package: record it, Received. */
  | { kind: "exportDrive"; jobId: string; rule: "R-D2" }
  /** R-E5, R-D11: not on the package's job's drive list: keep it with that job, flagged extra. */
  | { kind: "extra"; jobId: string; rule: "R-E5" }
  /** The drive went back to the customer already; a scan of it here is a mistake to look at. */
  | { kind: "alreadyShippedBack"; driveId: string; jobId: string | null };

const AT_DATACENTER: readonly DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "Faulted",
];

function planFor(drive: DriveOnRecord & { jobId: string }): DockScanPlan {
  if (drive.jobState === "Creating") {
    return drive.state === "Specified"
      ? { kind: "holdJobNotShipping", driveId: drive.driveId, jobId: drive.jobId, rule: "R-E1" }
      : { kind: "alreadyHere", driveId: drive.driveId, jobId: drive.jobId, state: drive.state };
  }
  if (drive.state === "Specified")
    return {
      kind: "receive",
      driveId: drive.driveId,
      jobId: drive.jobId,
      late: false,
      rule: "R-D3",
    };
  if (drive.state === "NeverReceived")
    return {
      kind: "receive",
      driveId: drive.driveId,
      jobId: drive.jobId,
      late: true,
      rule: "R-D10",
    };
  if (drive.state === "ShippedBack")
    return { kind: "alreadyShippedBack", driveId: drive.driveId, jobId: drive.jobId };
  return { kind: "alreadyHere", driveId: drive.driveId, jobId: drive.jobId, state: drive.state };
}

/**
 * Decide what to do with a scanned drive. Drives of the package's own jobs come first, then a
 * listed drive of any other job (it arrived in the wrong box but is still that job's drive),
 * then, for a drive nobody listed: an export job's drive, an extra drive of the package's job, or
 * a drive held for an unknown job. Drives already shipped back are history, not matches.
 */
export function planDriveScan(
  packageJobs: readonly PackageJob[],
  onRecord: readonly DriveOnRecord[],
): DockScanPlan {
  const packageJobIds = new Set(packageJobs.map((j) => j.jobId));
  const live = onRecord.filter((d) => d.state !== "ShippedBack");
  const held = live.find((d) => d.jobId === null);
  if (held) return { kind: "alreadyHere", driveId: held.driveId, jobId: null, state: held.state };
  const listed = live.filter((d): d is DriveOnRecord & { jobId: string } => d.jobId !== null);
  const mine =
    listed.find((d) => packageJobIds.has(d.jobId) && !d.extra) ??
    listed.find((d) => packageJobIds.has(d.jobId));
  if (mine) return planFor(mine);
  const elsewhere = listed.find((d) => !d.extra);
  if (elsewhere) return planFor(elsewhere);
  const extraElsewhere = listed[0];
  if (extraElsewhere)
    return {
      kind: "alreadyHere",
      driveId: extraElsewhere.driveId,
      jobId: extraElsewhere.jobId,
      state: extraElsewhere.state,
    };

  const exportJob = packageJobs.find(
    (j) => j.type === "Export" && (j.state === "Shipping" || j.state === "Received"),
  );
  if (exportJob) return { kind: "exportDrive", jobId: exportJob.jobId, rule: "R-D2" };
  const owner =
    packageJobs.find((j) => j.state !== "Completed" && j.state !== "Closed") ?? packageJobs[0];
  if (owner) return { kind: "extra", jobId: owner.jobId, rule: "R-E5" };
  const shippedBack = onRecord.find((d) => d.state === "ShippedBack");
  if (shippedBack)
    return { kind: "alreadyShippedBack", driveId: shippedBack.driveId, jobId: shippedBack.jobId };
  return { kind: "holdUnknown", rule: "R-E1" };
}

/** Whether a drive state means the drive is physically at the datacenter now. */
export function isAtDatacenter(state: DriveState): boolean {
  return AT_DATACENTER.includes(state);
}

/** How long an operator may undo their own scan. */
export const UNDO_WINDOW_MINUTES = 5;

/**
 * An operator may undo their own last scan within the window, when nothing happened to the drive
 * since (no copy started, no second scan): the undo is recorded as an event, never a deletion of one.
 */
export function canUndoScan(
  scan: { at: Date; byUserId: string; toState: DriveState },
  drive: { state: DriveState; changedSince: boolean },
  userId: string,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  if (scan.byUserId !== userId) return { ok: false, message: "You can undo only your own scans." };
  if (now.getTime() - scan.at.getTime() > UNDO_WINDOW_MINUTES * 60_000) {
    return {
      ok: false,
      message: `A scan can be undone for ${UNDO_WINDOW_MINUTES} minutes; ask a supervisor to correct this one.`,
    };
  }
  if (drive.changedSince || drive.state !== scan.toState) {
    return {
      ok: false,
      message: "The drive has changed since this scan: ask a supervisor to correct it.",
    };
  }
  return { ok: true };
}
