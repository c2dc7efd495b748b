import { z } from "zod";
import {
  normalizeDriveSerial,
  normalizeTrackingNumber,
  SCAN_CARRIERS,
} from "@/lib/domain/scan-codes.ts";
import { DRIVE_STATES, JOB_STATES, JOB_TYPES } from "@/lib/domain/states.ts";
import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import { printableText } from "@/lib/validation/text.ts";
import { isoDateInRange } from "@/lib/validation/dates.ts";

/**
 * The customer Job API (`/api/v1/jobs`), shaped like the Azure Import/Export REST API
 * (api-version 2021-01-01: JobDetails, DriveStatus, PackageInformation, ...) in camelCase, so that
 * clients written for Azure need little change. Request schemas are strict: a misspelt property
 * (`bitlockerKey`) is refused, not silently dropped. Every schema with an `id` is a named component
 * of the OpenAPI document (lib/api/openapi.ts).
 */

/** At most this many drives per job, as in Azure Import/Export. */
export const MAX_DRIVES_PER_JOB = 10;
export const MAX_BLOB_PATHS = 1000;

export const JOB_NAME_RULE =
  "A job name has 3 to 64 characters: letters, digits, hyphens and underscores, beginning and ending with a letter or digit.";

export const JobName = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9_-]{1,62})[A-Za-z0-9]$/, JOB_NAME_RULE)
  .meta({ description: JOB_NAME_RULE, examples: ["contoso-backup-2026-03"] });

const CARRIER_RULE = `The carrier is one of ${SCAN_CARRIERS.join(", ")}: the carriers whose labels the receiving dock reads.`;

const CarrierName = z
  .enum(SCAN_CARRIERS, { error: CARRIER_RULE })
  .meta({ description: CARRIER_RULE, examples: ["FedEx"] });

const shortText = (max: number) => printableText().min(1).max(max);
const hash = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f]{16,128}$/, "A hash is 16 to 128 hexadecimal digits.");

// ---------------------------------------------------------------- shared by requests and responses

export const ReturnAddress = z.strictObject(returnAddressSchema.shape).meta({
  id: "ReturnAddress",
  description:
    "Where the drives go back to (R-E4). Needed, with the delivery package, before a job can move to Shipping (R-J5).",
});

const RETURN_SHIPPING = "How the drives are shipped back to you.";
const CARRIER_ACCOUNT = "Your account with the carrier, billed for the return shipment.";

export const ReturnShippingInput = z
  .strictObject({
    carrierName: CarrierName,
    carrierAccountNumber: shortText(40).optional().meta({ description: CARRIER_ACCOUNT }),
  })
  .meta({ id: "ReturnShippingInput", description: RETURN_SHIPPING });

export const ReturnShipping = z
  .object({
    carrierName: z.string(),
    carrierAccountNumber: z.string().optional().meta({ description: CARRIER_ACCOUNT }),
  })
  .meta({ id: "ReturnShipping", description: RETURN_SHIPPING });

// ---------------------------------------------------------------------------------------- requests

/** A drive of an import job, as given at Put Job or in a new drive list (R-D1). */
export const DriveBitLocker = z
  .strictObject({
    driveId: printableText()
      .transform((raw, ctx) => {
        const serial = normalizeDriveSerial(raw);
        if (serial.ok) return serial.value.serial;
        ctx.addIssue({ code: "custom", message: serial.refusal.message });
        return z.NEVER;
      })
      .meta({
        description:
          "The drive's serial number, as printed on its barcode: 6 to 40 letters, digits and dashes (spaces are ignored, letters are uppercased).",
        examples: ["9V12345678"],
      }),
    bitLockerKey: z
      .string()
      .trim()
      .regex(
        /^\d{6}(?:-\d{6}){7}$/,
        "A BitLocker recovery key is 48 digits in 8 groups of 6, separated by dashes.",
      )
      .optional()
      .meta({
        description:
          "The drive's BitLocker recovery key. Accepted here only: it is never returned by any endpoint.",
        writeOnly: true,
        examples: ["123456-123456-123456-123456-123456-123456-123456-123456"],
      }),
    manifestFile: shortText(260)
      .optional()
      .meta({
        description: "Path of the drive manifest on the drive (the WAImportExport tool writes it).",
        examples: ["\\DriveManifest.xml"],
      }),
    manifestHash: hash.optional().meta({ description: "Hash of the drive manifest file." }),
    driveHeaderHash: hash.optional().meta({ description: "Hash of the drive header." }),
  })
  .meta({
    id: "DriveBitLocker",
    description:
      "A drive of an import job: it starts Specified (R-D1) and becomes Received when it is taken out of its package at the dock (R-D3).",
  });

const DriveListInput = z
  .array(DriveBitLocker)
  .min(1, "An import job lists at least one drive (R-D1).")
  .max(MAX_DRIVES_PER_JOB, `A job has at most ${MAX_DRIVES_PER_JOB} drives.`)
  .superRefine((drives, ctx) => {
    const seen = new Set<string>();
    drives.forEach((d, i) => {
      if (seen.has(d.driveId)) {
        ctx.addIssue({
          code: "custom",
          message: `Drive ${d.driveId} is listed twice.`,
          path: [i, "driveId"],
        });
      }
      seen.add(d.driveId);
    });
  });

export const DeliveryPackageInput = z
  .strictObject({
    carrierName: CarrierName,
    trackingNumber: printableText()
      .max(80)
      .meta({
        description:
          "The package's tracking number, as on its label (spaces and dashes are ignored); checked like the dock checks a scanned label.",
        examples: ["1Z999AA10123456784"],
      }),
    driveCount: z.int().min(1).max(MAX_DRIVES_PER_JOB).optional().meta({
      description:
        "How many drives the package holds. Export jobs: the number of drives you send for the export (R-J7 waits for them all).",
    }),
    shipDate: isoDateInRange(z.union([z.iso.date(), z.iso.datetime({ offset: true })]))
      .optional()
      .meta({ description: "When you shipped the package (a date or a date-time)." }),
  })
  .transform((p, ctx) => {
    const tracking = normalizeTrackingNumber(p.trackingNumber);
    if (!tracking.ok) {
      ctx.addIssue({ code: "custom", message: tracking.refusal.message, path: ["trackingNumber"] });
      return z.NEVER;
    }
    if (tracking.value.carrier !== p.carrierName) {
      ctx.addIssue({
        code: "custom",
        message: `Tracking number ${tracking.value.trackingNumber} is a ${tracking.value.carrier} number, not ${p.carrierName}.`,
        path: ["carrierName"],
      });
      return z.NEVER;
    }
    return {
      carrierName: p.carrierName,
      trackingNumber: tracking.value.trackingNumber,
      ...(p.driveCount !== undefined ? { driveCount: p.driveCount } : {}),
      ...(p.shipDate !== undefined ? { shipDate: new Date(p.shipDate) } : {}),
    };
  })
  .meta({
    id: "DeliveryPackageInput",
    description:
      "The package you ship the drives in. With the return address it lets the job move to Shipping (R-J5), and the dock finds your job when it scans this label.",
  });

const blobPathList = (what: string) =>
  z
    .array(
      printableText()
        .regex(/^\/[^\s]/, `A ${what} starts with / and the container name.`)
        .max(1024),
    )
    .max(MAX_BLOB_PATHS);

export const BlobListInput = z
  .strictObject({
    blobPath: blobPathList("blob path")
      .optional()
      .meta({
        description: "Blobs to export, each by its full path: `/container/path/to/blob`.",
        examples: [["/backups/2026/db.bak"]],
      }),
    blobPathPrefix: blobPathList("blob path prefix")
      .optional()
      .meta({
        description:
          "Every blob whose path begins with one of these: `/container/` or `/container/logs/`.",
        examples: [["/media/"]],
      }),
  })
  .refine(
    (b) => (b.blobPath?.length ?? 0) + (b.blobPathPrefix?.length ?? 0) > 0,
    "An export job names at least one blob path or blob path prefix (R-D2).",
  )
  .meta({ id: "BlobListInput", description: "What an export job copies onto the drives." });

export const ExportInput = z
  .strictObject({ blobList: BlobListInput })
  .meta({ id: "ExportInput", description: "The blobs an export job copies onto its drives." });

const LogLevel = z.enum(["Error", "Verbose"]).meta({
  description: "Verbose adds a verbose log per drive to the error log (R-G4).",
});

const updatableProperties = {
  deliveryPackage: DeliveryPackageInput.optional(),
  returnAddress: ReturnAddress.optional(),
  returnShipping: ReturnShippingInput.optional(),
  logLevel: LogLevel.optional(),
  backupDriveManifest: z.boolean().optional().meta({
    description: "Keep a copy of each drive's manifest in your storage account.",
  }),
};

export const PutJobProperties = z
  .strictObject({
    jobType: z.enum(JOB_TYPES).meta({
      description:
        "Import: data from your drives into storage. Export: data from storage onto drives.",
    }),
    storageAccountId: printableText()
      .min(3)
      .max(400)
      .meta({
        description: "The storage account the data is copied into (import) or from (export).",
        examples: ["/subscriptions/…/storageAccounts/contosostore"],
      }),
    driveList: DriveListInput.optional().meta({
      description: `Import jobs: the drives you will ship, 1 to ${MAX_DRIVES_PER_JOB} (R-D1). Export jobs list none (R-D2).`,
    }),
    export: ExportInput.optional().meta({
      description: "Export jobs: the blobs to export. Import jobs send none.",
    }),
    ...updatableProperties,
  })
  .superRefine((p, ctx) => {
    if (p.jobType === "Import") {
      if (!p.driveList) {
        ctx.addIssue({
          code: "custom",
          message: "An import job lists the drives you will ship in driveList (R-D1).",
          path: ["driveList"],
        });
      }
      if (p.export) {
        ctx.addIssue({
          code: "custom",
          message: "An import job has no export blob list.",
          path: ["export"],
        });
      }
    } else {
      if (p.driveList) {
        ctx.addIssue({
          code: "custom",
          message:
            "An export job lists no drives at creation: they are recorded when they arrive (R-D2).",
          path: ["driveList"],
        });
      }
      if (!p.export) {
        ctx.addIssue({
          code: "custom",
          message: "An export job names the blobs to export in export.blobList.",
          path: ["export"],
        });
      }
    }
  })
  .meta({ id: "PutJobProperties", description: "The job to create." });

export const PutJobParameters = z
  .strictObject(
    { properties: PutJobProperties },
    { error: 'Send the job as JSON: { "properties": { "jobType": ..., ... } }.' },
  )
  .meta({ id: "PutJobParameters", description: "Put Job: create a job in Creating (R-J1)." });
export type PutJobParameters = z.infer<typeof PutJobParameters>;

export const UpdateJobProperties = z
  .strictObject({
    ...updatableProperties,
    driveList: DriveListInput.optional().meta({
      description:
        "Import jobs in Creating only: the new drive list. Drives not named are removed, new ones are added Specified; for a drive already listed, omitted fields keep their values.",
    }),
    state: z
      .literal("Shipping", {
        error:
          'The only state you can set is "Shipping", once the package is on its way (R-J4); the service moves the job on from there.',
      })
      .optional()
      .meta({
        description:
          "Set Shipping once the package is on its way (R-J4); allowed only when deliveryPackage and returnAddress are set (R-J5). Sending it again for a job already Shipping changes nothing.",
      }),
    cancelRequested: z
      .literal(true, {
        error: "cancelRequested can only be set to true: a cancellation cannot be undone (R-J14).",
      })
      .optional()
      .meta({
        description:
          "Cancel the job (R-J14): allowed while it is Creating, Shipping or Received, before any copy begins. Sending it again for a cancelled job changes nothing.",
      }),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: "Give at least one property to change.",
  })
  .meta({
    id: "UpdateJobProperties",
    description:
      "The properties to change; omitted ones keep their values. Applied together or not at all: properties first, then the drive list, then the state, then cancellation.",
  });

export const UpdateJobParameters = z
  .strictObject(
    { properties: UpdateJobProperties },
    { error: 'Send the changes as JSON: { "properties": { ... } }.' },
  )
  .meta({
    id: "UpdateJobParameters",
    description: "Update Job Properties. In Creating it also restarts the 14-day timeout (R-J3).",
  });
export type UpdateJobParameters = z.infer<typeof UpdateJobParameters>;

/** `$filter=state eq 'Shipping'`: the one filter List Jobs understands. */
const FILTER = /^\s*state\s+eq\s+'([A-Za-z]+)'\s*$/;
export const FILTER_RULE =
  "The only filter is `state eq '<State>'`, for example `state eq 'Shipping'`.";

export const ListJobsQuery = z.object({
  $top: z.coerce
    .number({ error: "$top is a whole number from 1 to 100." })
    .int("$top is a whole number from 1 to 100.")
    .min(1, "$top is a whole number from 1 to 100.")
    .max(100, "$top is a whole number from 1 to 100.")
    .default(20),
  $skipToken: z.string().max(200).optional(),
  $filter: z
    .string()
    .max(100)
    .transform((f, ctx) => {
      const state = FILTER.exec(f)?.[1];
      const known = JOB_STATES.find((s) => s === state);
      if (known) return known;
      ctx.addIssue({
        code: "custom",
        message: state ? `${state} is not a job state. ${FILTER_RULE}` : FILTER_RULE,
      });
      return z.NEVER;
    })
    .optional(),
});

// --------------------------------------------------------------------------------------- responses

const isoDateTime = z.iso.datetime();

export const PackageInformation = z
  .object({
    carrierName: z.string(),
    trackingNumber: z.string(),
    driveCount: z.int().optional(),
    shipDate: isoDateTime.optional(),
  })
  .meta({
    id: "PackageInformation",
    description: "A shipment: your delivery package, or the package your drives came back in.",
  });

export const BlobList = z
  .object({ blobPath: z.array(z.string()), blobPathPrefix: z.array(z.string()) })
  .meta({ id: "BlobList", description: "The blobs an export job copies onto its drives." });

export const Export = z
  .object({ blobList: BlobList })
  .meta({ id: "Export", description: "An export job's blob list." });

export const DriveStatus = z
  .object({
    driveId: z.string().meta({ description: "The drive's serial number." }),
    state: z.enum(DRIVE_STATES).meta({ description: "The drive's state (R-G3)." }),
    extra: z.boolean().meta({
      description:
        "True for a drive that came in your package but is not in the drive list: it is not copied and comes back with the job (R-E5, R-D11).",
    }),
    copyStatus: z.string().optional().meta({
      description:
        "What the copy station last reported: InProgress, Completed, CompletedWithIssues.",
    }),
    percentComplete: z.int().min(0).max(100),
    bytesSucceeded: z.int().min(0).meta({ description: "Bytes copied so far." }),
    errorLogUri: z.string().optional().meta({ description: "The drive's error log (R-G4)." }),
    verboseLogUri: z.string().optional().meta({
      description: "The drive's verbose log, only when the job's logLevel is Verbose (R-G4).",
    }),
    manifestFile: z.string().optional(),
    manifestHash: z.string().optional(),
    driveHeaderHash: z.string().optional(),
  })
  .meta({
    id: "DriveStatus",
    description: "One drive of the job (R-G3, R-G4). Its BitLocker key is never returned.",
  });

export const JobDetails = z
  .object({
    jobType: z.enum(JOB_TYPES),
    storageAccountId: z.string(),
    state: z.enum(JOB_STATES).meta({ description: "The job's state (R-G1)." }),
    cancelRequested: z.boolean(),
    percentComplete: z
      .int()
      .min(0)
      .max(100)
      .meta({ description: "Approximately how much of the job is done (R-G2)." }),
    logLevel: z.enum(["Error", "Verbose"]),
    backupDriveManifest: z.boolean(),
    deliveryPackage: PackageInformation.optional(),
    returnAddress: ReturnAddress.optional(),
    returnShipping: ReturnShipping.optional(),
    returnPackage: PackageInformation.optional().meta({
      description: "Once drives have been shipped back: the latest return package.",
    }),
    driveList: z.array(DriveStatus),
    export: Export.optional(),
    provisioningState: z.literal("Succeeded"),
    createdAt: isoDateTime,
    stateChangedAt: isoDateTime,
  })
  .meta({ id: "JobDetails", description: "Everything Get Job tells you (R-G1..R-G4)." });

export const JobResponse = z
  .object({
    id: z.string().meta({ description: "The job's path in this API." }),
    name: JobName,
    type: z.literal("Dockside/jobs"),
    properties: JobDetails,
  })
  .meta({ id: "JobResponse", description: "A job." });
export type JobResponse = z.infer<typeof JobResponse>;

export const ListJobsResponse = z
  .object({
    value: z.array(JobResponse),
    nextLink: z.string().optional().meta({
      description: "The next page, newest first; absent on the last page.",
    }),
  })
  .meta({ id: "ListJobsResponse", description: "A page of your jobs, newest first." });
export type ListJobsResponse = z.infer<typeof ListJobsResponse>;

export const ApiErrorDetail = z
  .object({ code: z.string(), message: z.string(), target: z.string().optional() })
  .meta({ id: "ApiErrorDetail", description: "One more thing about an error: a field or a rule." });

export const ApiError = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          "Unauthenticated, Forbidden, InvalidJson, InvalidRequest, NotFound, Conflict, InvalidState, AlreadyDone, PayloadTooLarge.",
      }),
      message: z.string().meta({ description: "What went wrong, for a person to read." }),
      target: z.string().optional().meta({
        description: "The request field at fault, e.g. `body.properties.driveList.0.driveId`.",
      }),
      details: z.array(ApiErrorDetail).optional().meta({
        description:
          'Every invalid field, or `{ code: "Rule", message: "R-J5" }` naming the rule that refused the change.',
      }),
    }),
  })
  .meta({ id: "ApiError", description: "Every error, shaped like the Azure REST API's." });
