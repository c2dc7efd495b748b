import { z } from "zod";
import { DRIVE_STATES, JOB_STATES, JOB_TYPES } from "../domain/states.ts";
import { printableText } from "./text.ts";

/**
 * The copy-station API (`/api/v1/stations/...`): what a copy station reads about a drive and what
 * it reports. A station sees the drive, its job's name and type, never the BitLocker key nor any
 * other customer data.
 */

const count = z.int().min(0).max(2_147_483_647);
/** Bytes fit a JavaScript number exactly up to 2^53 (8 PB): far beyond any drive. */
const bytes = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const LOG_URI_RULE =
  "A log URI is an https URL of at most 2048 characters, without spaces, quotes, angle brackets, backslashes or control characters.";
const MAX_LOG_URI = 2048;
/**
 * What a log URI may hold as sent. The URL parser would quietly percent-encode or rewrite these
 * (a NUL, a quote, a backslash): a station that sends them has a bug we would rather see.
 */
const LOG_URI_CHARACTERS = /^[^\u0000-\u001F\u007F\s"'`<>\\]*$/;

/** A log URI (R-G4): https only, stored as the URL parser normalizes it (lower-case host, ...). */
const logUri = z
  .string()
  .max(MAX_LOG_URI, LOG_URI_RULE)
  .regex(LOG_URI_CHARACTERS, LOG_URI_RULE)
  .pipe(z.url({ protocol: /^https$/, normalize: true, error: LOG_URI_RULE }))
  .refine((uri) => uri.length <= MAX_LOG_URI, LOG_URI_RULE)
  .meta({ format: "uri" });

export const StationDrive = z
  .object({
    id: z.string().meta({ description: "The drive's id in Dockside (a UUID), used in the paths." }),
    driveId: z.string().meta({ description: "The drive id: the serial number on its barcode." }),
    jobName: z.string().meta({ description: "The name of the job the drive belongs to." }),
    jobType: z.enum(JOB_TYPES).meta({
      description: "Import: copy from the drive into storage. Export: copy from storage onto it.",
    }),
    state: z.enum(DRIVE_STATES).meta({ description: "The drive's state (R-D)." }),
    copyStatus: z
      .string()
      .nullable()
      .meta({ description: "InProgress, Completed or CompletedWithIssues; null before a copy." }),
    percentComplete: z.int().min(0).max(100),
    bytesTransferred: bytes.meta({ description: "Bytes copied so far." }),
    errorCount: count,
    warningCount: count,
    errorLogUri: z.string().nullable(),
    verboseLogUri: z.string().nullable(),
  })
  .meta({
    id: "StationDrive",
    description: "A drive as a copy station sees it: no BitLocker key, no customer data.",
  });
export type StationDrive = z.infer<typeof StationDrive>;

export const StationJobSummary = z
  .object({
    name: z.string(),
    state: z.enum(JOB_STATES).meta({ description: "The job's state after this report (R-J)." }),
  })
  .meta({ id: "StationJobSummary", description: "The drive's job after the change." });

export const StationDriveReport = StationDrive.extend({ job: StationJobSummary }).meta({
  id: "StationDriveReport",
  description: "The drive after a start, progress or finish report, with its job's new state.",
});
export type StationDriveReport = z.infer<typeof StationDriveReport>;

export const StationDriveList = z
  .object({ value: z.array(StationDrive) })
  .meta({ id: "StationDriveList", description: "The copy queue, oldest received first." });
export type StationDriveList = z.infer<typeof StationDriveList>;

export const StationProgress = z
  .object({
    percentComplete: z
      .number()
      .min(0, "percentComplete is between 0 and 100.")
      .max(100, "percentComplete is between 0 and 100.")
      .meta({ description: "Percent copied. A lower figure than the one stored is ignored." }),
    bytesTransferred: bytes.optional().meta({ description: "Bytes copied so far." }),
  })
  .meta({ id: "StationProgress", description: "A progress report for a drive being copied." });
export type StationProgress = z.infer<typeof StationProgress>;

export const StationFinish = z
  .object({
    errorCount: count.meta({ description: "Errors met during the copy." }),
    warningCount: count.meta({ description: "Warnings met during the copy." }),
    overwrittenBlobCount: count
      .optional()
      .meta({ description: "Import: existing blobs the copy overwrote." }),
    bytesTransferred: bytes.optional().meta({ description: "Bytes copied in all." }),
    errorLogUri: logUri.optional().meta({ description: "The copy's error log (R-G4)." }),
    verboseLogUri: logUri
      .optional()
      .meta({ description: "The copy's verbose log, when the job logs verbosely (R-G4)." }),
  })
  .meta({
    id: "StationFinish",
    description:
      "The end of a drive's copy: Completed when every count is zero (R-D7), CompletedMoreInfo otherwise (R-D8).",
  });
export type StationFinish = z.infer<typeof StationFinish>;

/** The queue's filter: drives waiting for a copy, or (after a restart) those being copied. */
export const STATION_QUEUE_STATES = ["Received", "Transferring"] as const;

export const stationDriveParams = z.object({
  id: printableText().min(1).max(100),
});

export const stationQueueRequest = z.object({
  params: z.object({}).optional(),
  query: z.object({
    state: z.enum(STATION_QUEUE_STATES).default("Received"),
    $top: z.coerce
      .number()
      .int("$top is a whole number.")
      .min(1, "$top is between 1 and 200.")
      .max(200, "$top is between 1 and 200.")
      .default(50),
    /** Only this job's drives: a station dedicated to one job, or a test that must not touch others. */
    jobName: printableText().min(1).max(200).optional(),
  }),
  body: z.unknown().optional(),
});

export const stationStartRequest = z.object({
  params: stationDriveParams,
  query: z.object({}),
  body: z.unknown().optional(),
});

export const stationProgressRequest = z.object({
  params: stationDriveParams,
  query: z.object({}),
  body: StationProgress,
});

export const stationFinishRequest = z.object({
  params: stationDriveParams,
  query: z.object({}),
  body: StationFinish,
});
