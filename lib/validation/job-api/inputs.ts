import { z } from "zod";
import { normalizeDriveSerial, normalizeTrackingNumber } from "@/lib/domain/scan-codes.ts";
import {
  CarrierName,
  DriveHeaderHash,
  knownCarrier,
  ManifestHash,
  plainTrackingNumber,
  ShipDate,
} from "@/lib/validation/azure-fields.ts";
import { printableText } from "@/lib/validation/text.ts";
import { MAX_DRIVES_PER_JOB, MAX_BLOB_PATHS, shortText } from "@/lib/validation/job-api/common.ts";

/** The parts of a job a request brings: its drives, the delivery package, the blob list of an export. */
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

export const DriveListInput = z
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
