import { z } from "zod";
import { printableText } from "@/lib/validation/text.ts";

const code = printableText()
  .min(1, "Nothing was scanned.")
  .max(200, "That scan is too long to be a label.");

export const openPackageSchema = z.object({ code, direction: z.enum(["Inbound", "Return"]) });
export const scanSchema = z.object({
  packageId: z.uuid("Open a package first."),
  code,
  /** Made by the dock page for each scan, so a retried request is applied once. */
  scanId: z.uuid(),
  supervisorOverride: z.boolean().optional(),
  /** The same serial again, right after the dock asked "did you mean ...?": record it (R-E5). */
  confirmExtra: z.boolean().optional(),
});
export const packageIdSchema = z.object({ packageId: z.uuid("Unknown package.") });
