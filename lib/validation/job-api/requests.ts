import { z } from "zod";
import { JOB_STATES, JOB_TYPES } from "@/lib/domain/states.ts";
import { caseInsensitiveEnum, EncryptionKeyInput, Tags } from "@/lib/validation/azure-fields.ts";
import { printableText } from "@/lib/validation/text.ts";
import {
  MAX_DRIVES_PER_JOB,
  ReturnAddress,
  ReturnShippingInput,
} from "@/lib/validation/job-api/common.ts";
import {
  DriveListInput,
  DeliveryPackageInput,
  ExportInput,
} from "@/lib/validation/job-api/inputs.ts";

/** The customer Job API's requests: Put Job, Update Job Properties and the List Jobs query. */
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
