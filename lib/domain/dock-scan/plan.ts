import type { DriveState, JobState, JobType } from "../states.ts";

/**
 * What a drive scan at the receiving dock means, given the open package and every drive on record
 * with that serial. The dock command then applies the matching drive rule (decideDriveEvent or
 * decideArrivingDrive), which has the last word; this only says which rule applies to which drive.
 */

/** A job whose delivery package (carrier + tracking number) is the package being unpacked. */
export type PackageJob = {
  jobId: string;
  name: string;
  type: JobType;
  state: JobState;
  customerId: string;
};

/** A drive on record with the scanned serial, with the facts about its job that the dock needs. */
export type DriveOnRecord = {
  driveId: string;
  jobId: string | null;
  jobName: string | null;
  jobState: JobState | null;
  /** The customer of the drive's job; null for a held drive of no job. */
  customerId: string | null;
  state: DriveState;
  extra: boolean;
};

/** A job with a claim on a contested drive: it lists the serial, or the package is its package. */
export type DriveClaim = { jobId: string; jobName: string; customerId: string };

export type DockScanPlan =
  /** R-D3 (Specified) or R-D10 (NeverReceived, arriving in a later package): receive it. */
  | { kind: "receive"; driveId: string; jobId: string; late: boolean; rule: "R-D3" | "R-D10" }
  /** Already at the datacenter: a double scan. Nothing changes. */
  | { kind: "alreadyHere"; driveId: string; jobId: string | null; state: DriveState }
  /** R-E1: the drive's job is not in Shipping yet: hold the drive, open an incident. */
  | { kind: "holdJobNotShipping"; driveId: string; jobId: string; rule: "R-E1" }
  /** R-E1: no job on record has this drive and the package belongs to no job: hold it. */
  | { kind: "holdUnknown"; rule: "R-E1" }
  /**
   * R-E1: jobs of more than one customer claim the drive, either listing its serial or (for a drive
   * nobody lists) sharing the package it came in. Any pick would be a guess that could hand one
   * customer's drive to another: hold it with no job until a supervisor checks.
   */
  | {
      kind: "holdContested";
      rule: "R-E1";
      claim: "listed" | "package";
      claims: DriveClaim[];
    }
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

/** The claims, by job name, when they come from more than one customer; otherwise null. */
function contested(claims: readonly DriveClaim[]): DriveClaim[] | null {
  if (new Set(claims.map((c) => c.customerId)).size <= 1) return null;
  const byName = (a: DriveClaim, b: DriveClaim) =>
    a.jobName.localeCompare(b.jobName, "en", { numeric: true }) || a.jobId.localeCompare(b.jobId);
  return [...claims].sort(byName);
}

/**
 * Decide what to do with a scanned drive. Drives of the package's own jobs come first, then a
 * listed drive of any other job (it arrived in the wrong box but is still that job's drive),
 * then, for a drive nobody listed: an export job's drive, an extra drive of the package's job, or
 * a drive held for an unknown job. Drives already shipped back are history, not matches.
 *
 * Customers write their own drive lists and tracking numbers (the Job API), so the facts that tie
 * a drive to a job are only as good as every customer's word. When they point at jobs of more than
 * one customer, the scan picks none (holdContested): a serial listed, live and not extra, by more
 * than one customer's jobs; or a drive nobody lists in a package that more than one customer names.
 * Within one customer the package's own job still comes first.
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
  const listedClaims = contested(
    listed.flatMap((d) =>
      !d.extra && d.customerId !== null
        ? [{ jobId: d.jobId, jobName: d.jobName ?? d.jobId, customerId: d.customerId }]
        : [],
    ),
  );
  if (listedClaims)
    return { kind: "holdContested", rule: "R-E1", claim: "listed", claims: listedClaims };
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

  const packageClaims = contested(
    packageJobs.map((j) => ({ jobId: j.jobId, jobName: j.name, customerId: j.customerId })),
  );
  if (packageClaims)
    return { kind: "holdContested", rule: "R-E1", claim: "package", claims: packageClaims };
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

function andList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * What the supervisor reads on the incident of a contested hold (R-E1): every job that claims the
 * drive, with its customer, e.g. "Drive X is claimed by jobs A (Contoso) and B (Fabrikam); ...".
 */
export function contestedHoldSummary(
  serial: string,
  packageLabel: string,
  claim: "listed" | "package",
  claims: readonly { jobName: string; customerName: string }[],
): string {
  const jobs = andList(claims.map((c) => `${c.jobName} (${c.customerName})`));
  return claim === "listed"
    ? `Drive ${serial} arrived in ${packageLabel} and is claimed by jobs ${jobs}; held until a supervisor checks.`
    : `Drive ${serial} arrived in ${packageLabel}, the package of jobs ${jobs}, and no job lists it; held until a supervisor checks.`;
}

/** Whether a drive state means the drive is physically at the datacenter now. */
export function isAtDatacenter(state: DriveState): boolean {
  return AT_DATACENTER.includes(state);
}

/**
 * What the dock page may show at once, before the server answers, for a scan of `serial` in the
 * open inbound package: the drive the domain would receive (planDriveScan over what the page
 * knows: the package's jobs and their drives), or null when the scan means anything else (held,
 * extra, a double scan), which only the server's answer shows. The server decides again on its
 * own rows; the next refresh of the package replaces this guess with what it did.
 */
export function optimisticReception(
  jobs: readonly {
    id: string;
    name: string;
    type: JobType;
    state: JobState;
    customer: string;
    drives: readonly { id: string; serial: string; state: DriveState; extra: boolean }[];
  }[],
  serial: string,
): string | null {
  const plan = planDriveScan(
    jobs.map((j) => ({
      jobId: j.id,
      name: j.name,
      type: j.type,
      state: j.state,
      customerId: j.customer,
    })),
    jobs.flatMap((j) =>
      j.drives
        .filter((d) => d.serial === serial)
        .map((d) => ({
          driveId: d.id,
          jobId: j.id,
          jobName: j.name,
          jobState: j.state,
          customerId: j.customer,
          state: d.state,
          extra: d.extra,
        })),
    ),
  );
  return plan.kind === "receive" ? plan.driveId : null;
}
