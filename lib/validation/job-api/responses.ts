import { z } from "zod";
import { DRIVE_STATES, JOB_STATES, JOB_TYPES } from "@/lib/domain/states.ts";
import { EncryptionKeyDetails } from "@/lib/validation/azure-fields.ts";
import { JobName, ReturnAddress, ReturnShipping } from "@/lib/validation/job-api/common.ts";

/** The customer Job API's answers: a job (JobDetails, DriveStatus) and a page of jobs, and its errors. */
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
