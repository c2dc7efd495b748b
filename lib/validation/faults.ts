import { z } from "zod";
import { FAULT_REASON_CODES } from "@/lib/domain/fault-reasons.ts";
import { DRIVE_STATES, JOB_STATES } from "@/lib/domain/states.ts";
import { checkContactResult, contactResultFields } from "@/lib/validation/contact-result.ts";
import { multiLineText } from "@/lib/validation/text.ts";

const note = multiLineText()
  .min(3, "Write a note of at least 3 characters.")
  .max(500, "Keep the note under 500 characters.");
const reason = z.enum(FAULT_REASON_CODES, "Pick a reason.");

export const faultJobSchema = z.object({ jobId: z.uuid("Unknown job."), reason, note });
export const faultDriveSchema = z.object({ driveId: z.uuid("Unknown drive."), reason, note });

// The target is only a well-formed state here: the domain decides whether it is allowed now (R-F3).
export const resolveJobFaultSchema = z.object({
  jobId: z.uuid("Unknown job."),
  to: z.enum(JOB_STATES, "Pick the state to return to."),
  note,
});
export const resolveDriveFaultSchema = z.object({
  driveId: z.uuid("Unknown drive."),
  to: z.enum(DRIVE_STATES, "Pick the state to return to."),
  note,
});

export const CONTACT_CHANNELS = ["email", "phone"] as const;
/** R-F2: one attempt to reach the customer; `outcome` is the note, `result` what came of it. */
export const contactAttemptSchema = z
  .object({
    jobId: z.uuid("Unknown job."),
    driveId: z
      .union([z.uuid("Unknown drive."), z.literal("")])
      .optional()
      .transform((v) => v || undefined),
    channel: z.enum(CONTACT_CHANNELS, "Pick email or phone."),
    ...contactResultFields,
    outcome: multiLineText()
      .min(3, "Write a note of at least 3 characters.")
      .max(500, "Keep the note under 500 characters."),
  })
  .superRefine(checkContactResult);
