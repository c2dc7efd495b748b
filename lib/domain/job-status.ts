import { percentComplete, type ProgressDrive } from "./percent-complete.ts";
import {
  DRIVE_STATE_DESCRIPTIONS,
  JOB_STATE_DESCRIPTIONS,
  type DriveState,
  type JobState,
  type JobType,
} from "./states.ts";

export type LogLevel = "Error" | "Verbose";

/** What the status page and Get Job read; anything else on the row (keys, hashes) never enters. */
export type StatusJobInput = {
  name: string;
  type: JobType;
  state: JobState;
  logLevel: LogLevel;
  drives: readonly (ProgressDrive & {
    driveId: string;
    errorLogUri: string | null;
    verboseLogUri: string | null;
  })[];
};

export type CustomerDriveStatus = {
  driveId: string;
  state: DriveState;
  description: string;
  extra: boolean;
  errorLogUri: string | null;
  verboseLogUri: string | null;
};

export type CustomerJobStatus = {
  name: string;
  type: JobType;
  state: JobState;
  description: string;
  percentComplete: number;
  drives: CustomerDriveStatus[];
};

/**
 * What Get Job tells a customer (R-G1..R-G4): the job's state, its approximate progress, each
 * drive's state, and each drive's log URIs, the verbose one only when verbose logging is on.
 * Built field by field so that a secret added to the input type later cannot leak through.
 */
export function customerJobStatus(job: StatusJobInput): CustomerJobStatus {
  return {
    name: job.name,
    type: job.type,
    state: job.state,
    description: JOB_STATE_DESCRIPTIONS[job.state],
    percentComplete: percentComplete(job),
    drives: job.drives.map((d) => ({
      driveId: d.driveId,
      state: d.state,
      description: DRIVE_STATE_DESCRIPTIONS[d.state],
      extra: d.extra,
      errorLogUri: d.errorLogUri,
      verboseLogUri: job.logLevel === "Verbose" ? d.verboseLogUri : null,
    })),
  };
}
