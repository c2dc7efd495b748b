import { z } from "zod";
import { CarrierName } from "@/lib/validation/azure-fields.ts";
import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import { printableText } from "@/lib/validation/text.ts";

/** What requests and responses of the customer Job API share: names, limits, the return address. */
/** At most this many drives per job, as in Azure Import/Export. */
export const MAX_DRIVES_PER_JOB = 10;
export const MAX_BLOB_PATHS = 1000;

export const JOB_NAME_RULE =
  "A job name has 3 to 64 characters: letters, digits, hyphens and underscores, beginning and ending with a letter or digit.";

export const JobName = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9_-]{1,62})[A-Za-z0-9]$/, JOB_NAME_RULE)
  .meta({ description: JOB_NAME_RULE, examples: ["contoso-backup-2026-03"] });

export const shortText = (max: number) => printableText().min(1).max(max);

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
