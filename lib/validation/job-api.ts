import { z } from "zod";
import { normalizeDriveSerial, normalizeTrackingNumber } from "@/lib/domain/scan-codes.ts";
import { DRIVE_STATES, JOB_STATES, JOB_TYPES } from "@/lib/domain/states.ts";
import {
  CarrierName,
  caseInsensitiveEnum,
  DriveHeaderHash,
  EncryptionKeyDetails,
  EncryptionKeyInput,
  knownCarrier,
  ManifestHash,
  plainTrackingNumber,
  ShipDate,
  Tags,
} from "@/lib/validation/azure-fields.ts";
import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import { printableText } from "@/lib/validation/text.ts";

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

const shortText = (max: number) => printableText().min(1).max(max);

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
    manifestFile: z
      .preprocess((v) => (v === "" ? undefined : v), shortText(260).optional())
      .optional()
      .meta({
        description: "Path of the drive manifest on the drive (the WAImportExport tool writes it).",
        examples: ["\\DriveManifest.xml"],
      }),
    manifestHash: ManifestHash,
    driveHeaderHash: DriveHeaderHash,
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
          "The package's tracking number, as on its label (spaces, dots and dashes are ignored). For UPS, FedEx, DHL and USPS it is checked like the dock checks a scanned label.",
        examples: ["1Z999AA10123456784"],
      }),
    driveCount: z.int().min(1).max(MAX_DRIVES_PER_JOB).optional().meta({
      description:
        "How many drives the package holds. Export jobs: the number of drives you send for the export (R-J7 waits for them all).",
    }),
    shipDate: ShipDate.optional(),
  })
  .transform((p, ctx) => {
    if (!knownCarrier(p.carrierName)) {
      const plain = plainTrackingNumber(p.trackingNumber);
      if (!plain) {
        ctx.addIssue({
          code: "custom",
          message:
            "A tracking number is 4 to 40 letters and digits (spaces, dots and dashes aside).",
          path: ["trackingNumber"],
        });
        return z.NEVER;
      }
      return {
        carrierName: p.carrierName,
        trackingNumber: plain,
        ...(p.driveCount !== undefined ? { driveCount: p.driveCount } : {}),
        ...(p.shipDate !== undefined ? { shipDate: p.shipDate } : {}),
      };
    }
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
      ...(p.shipDate !== undefined ? { shipDate: p.shipDate } : {}),
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
        .regex(
          /^\/(?:\S.*)?$/,
          `A ${what} starts with / and the container name; / alone is every blob.`,
        )
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
          "Every blob whose path begins with one of these: `/container/` or `/container/logs/`; `/` alone is every blob of the account.",
        examples: [["/media/"], ["/"]],
      }),
  })
  .refine(
    (b) => (b.blobPath?.length ?? 0) + (b.blobPathPrefix?.length ?? 0) > 0,
    "An export job names at least one blob path or blob path prefix (R-D2).",
  )
  .meta({ id: "BlobListInput", description: "What an export job copies onto the drives." });

export const BLOB_LIST_BLOB_PATH_RULE =
  "blobListBlobPath is the path of a block blob in your storage account that lists the blob paths and prefixes, beginning with its container name ($root for the root container).";

export const ExportInput = z
  .strictObject({
    blobList: BlobListInput.optional(),
    blobListBlobPath: printableText()
      .regex(/^\/?(?:\$root|[a-z0-9][a-z0-9-]{1,62})\/\S/, BLOB_LIST_BLOB_PATH_RULE)
      .max(1024)
      .optional()
      .meta({ description: BLOB_LIST_BLOB_PATH_RULE, examples: ["/exportlist/blobs.xml"] }),
  })
  .refine(
    (e) => e.blobList !== undefined || e.blobListBlobPath !== undefined,
    "An export job names its blobs in export.blobList or in a list blob, export.blobListBlobPath (R-D2).",
  )
  .meta({
    id: "ExportInput",
    description:
      "The blobs an export job copies onto its drives: listed here, or in a blob of your storage account.",
  });

const LOG_LEVELS = ["Error", "Verbose"] as const;
const LogLevel = caseInsensitiveEnum(LOG_LEVELS, "logLevel is Error or Verbose.").meta({
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
  notificationEmails: z
    .array(z.email("Each notification address must be an email address.").max(254))
    .max(5, "At most 5 notification addresses.")
    .optional()
    .meta({
      description:
        "Dockside extension: who gets an email at each state change, error event and fault of the job. Empty or absent: the return address's email.",
      examples: [["storage-team@contoso.example"]],
    }),
  notificationLanguage: z
    .enum(["en", "fr"], "notificationLanguage is en or fr.")
    .optional()
    .meta({ description: "Dockside extension: the language of those emails (default en)." }),
};

/**
 * The datacenter's address, as Get Job returns it. A client may send it back in a Put Job (the
 * spec's model has it); it is accepted and not stored: the address is the job's site's.
 */
export const ShippingInformationInput = z.looseObject({}).meta({
  id: "ShippingInformationInput",
  description:
    "Accepted so that a job read with Get Job can be sent back as is; ignored: where to ship is the address of the job's location.",
});

export const PutJobProperties = z
  .strictObject({
    jobType: caseInsensitiveEnum(JOB_TYPES, "jobType is Import or Export.").meta({
      description:
        "Import: data from your drives into storage. Export: data from storage onto drives. Any case.",
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
    diagnosticsPath: printableText()
      .max(1024)
      .optional()
      .meta({
        description:
          "The virtual blob directory of your storage account for copy logs and manifest backups.",
        examples: ["waimportexport"],
      }),
    encryptionKey: EncryptionKeyInput.optional(),
    shippingInformation: ShippingInformationInput.optional(),
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
          message:
            "An export job names the blobs to export in export.blobList or export.blobListBlobPath.",
          path: ["export"],
        });
      }
    }
  })
  .meta({ id: "PutJobProperties", description: "The job to create." });

export const Location = printableText()
  .min(1)
  .max(100)
  .meta({
    description:
      "The datacenter site you ship to, by name or code (`West US` or `westus`; see List Locations). When omitted and there is only one site, that one.",
    examples: ["West US"],
  });

export const PutJobParameters = z
  .strictObject(
    { location: Location.optional(), tags: Tags.optional(), properties: PutJobProperties },
    { error: 'Send the job as JSON: { "properties": { "jobType": ..., ... } }.' },
  )
  .meta({
    id: "PutJobParameters",
    description:
      "Put Job: create a job in Creating (R-J1), or, for a job you already have, apply what may still change (create or update).",
  });
export type PutJobParameters = z.infer<typeof PutJobParameters>;

export const UpdateJobProperties = z
  .strictObject({
    ...updatableProperties,
    driveList: DriveListInput.optional().meta({
      description:
        "Import jobs in Creating only: the new drive list. Drives not named are removed, new ones are added Specified; for a drive already listed, omitted fields keep their values.",
    }),
    state: z
      .string()
      .trim()
      .transform((s, ctx) => {
        if (s === "") return undefined;
        if (s.toLowerCase() === "shipping") return "Shipping" as const;
        ctx.addIssue({
          code: "custom",
          message:
            'The only state you can set is "Shipping", once the package is on its way (R-J4); the service moves the job on from there.',
        });
        return z.NEVER;
      })
      .optional()
      .meta({
        enum: ["Shipping", ""],
        description:
          "Set Shipping once the package is on its way (R-J4); allowed only when deliveryPackage and returnAddress are set (R-J5). Sending it again for a job already Shipping changes nothing. An empty string (as in Azure's examples) leaves the state as it is.",
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
  .meta({
    id: "UpdateJobProperties",
    description:
      "The properties to change; omitted ones keep their values. Applied together or not at all: properties first, then the drive list, then the state, then cancellation.",
  });

export const UpdateJobParameters = z
  .strictObject(
    { tags: Tags.optional(), properties: UpdateJobProperties.optional() },
    { error: 'Send the changes as JSON: { "properties": { ... } }.' },
  )
  .refine(
    (p) => p.tags !== undefined || Object.values(p.properties ?? {}).some((v) => v !== undefined),
    { message: "Give at least one property or the tags to change." },
  )
  .meta({
    id: "UpdateJobParameters",
    description: "Update Job Properties. In Creating it also restarts the 14-day timeout (R-J3).",
  });
export type UpdateJobParameters = z.infer<typeof UpdateJobParameters>;

/** `$filter=state eq 'Shipping'` (or Azure's `properties/state eq 'Shipping'`): the one filter. */
const FILTER = /^\s*(?:properties\/)?state\s+eq\s+'([A-Za-z]+)'\s*$/i;
export const FILTER_RULE =
  "The only filter is `state eq '<State>'` (or `properties/state eq '<State>'`), for example `state eq 'Shipping'`.";

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
      const known = JOB_STATES.find((s) => s.toLowerCase() === state?.toLowerCase());
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
  .object({ blobList: BlobList, blobListBlobPath: z.string().optional() })
  .meta({ id: "Export", description: "An export job's blob list, or the blob that holds it." });

export const ShippingInformation = z
  .object({
    recipientName: z.string(),
    streetAddress1: z.string(),
    streetAddress2: z.string().optional(),
    city: z.string(),
    stateOrProvince: z.string(),
    postalCode: z.string(),
    countryOrRegion: z.string(),
    phone: z.string().optional(),
    additionalInformation: z.string().optional(),
  })
  .meta({
    id: "ShippingInformation",
    description: "Where to ship the drives: the address of the job's datacenter site.",
  });

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
    diagnosticsPath: z.string().optional(),
    shippingInformation: ShippingInformation.optional().meta({
      description: "Where to ship the drives: the address of the job's location (its site).",
    }),
    encryptionKey: EncryptionKeyDetails,
    provisioningState: z.literal("Succeeded"),
    createdAt: isoDateTime,
    stateChangedAt: isoDateTime,
  })
  .meta({ id: "JobDetails", description: "Everything Get Job tells you (R-G1..R-G4)." });

export const JobResponse = z
  .object({
    id: z.string().meta({
      description:
        "The job's resource path: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ImportExport/jobs/{jobName}` for a job made through the ARM paths, `/api/v1/jobs/{jobName}` otherwise.",
    }),
    name: JobName,
    type: z.literal("Microsoft.ImportExport/jobs"),
    location: z.string().optional().meta({ description: "The job's datacenter site, by name." }),
    tags: z.record(z.string(), z.string()).optional(),
    identity: z.object({ type: z.literal("None") }),
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
          "Unauthenticated, Forbidden, InvalidJson, InvalidRequest, NotFound, Conflict, InvalidState, AlreadyDone, PayloadTooLarge, OperationNotOffered.",
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
