import { z } from "zod";
import { CONTACT_CHANNELS } from "@/lib/validation/faults.ts";

/** What a supervisor records on an incident (R-E1..R-E5). Each is one event "incident.<outcome>". */
export const INCIDENT_OUTCOMES = [
  "contacted",
  "extended",
  "jobCancelled",
  "drivesReturned",
  "drivesDestroyed",
  "resolved",
] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<IncidentOutcome, string> = {
  contacted: "Contacted the customer",
  extended: "Extended the wait (R-E2)",
  jobCancelled: "Job cancelled",
  drivesReturned: "Drives returned",
  drivesDestroyed: "Drives destroyed",
  resolved: "Resolved",
};

/** A blank form field counts as not given. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const note = z
  .string()
  .trim()
  .min(3, "Write a note of at least 3 characters.")
  .max(500, "Keep the note under 500 characters.");

/** Drive serials as typed or scanned: separated by spaces, commas or new lines; upper-cased. */
const serials = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,;]+/)
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().max(64, "A serial is at most 64 characters."))
      .min(1, "List the serial of every destroyed drive.")
      .max(200, "At most 200 serials."),
  );

export const recordOutcomeSchema = z
  .object({
    incidentId: z.uuid("Unknown incident."),
    outcome: z.enum(INCIDENT_OUTCOMES, "Pick an outcome."),
    note,
    channel: z.preprocess(blank, z.enum(CONTACT_CHANNELS, "Pick email or phone.").optional()),
    extendUntil: z.preprocess(blank, z.coerce.date("Give a valid date.").optional()),
    method: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .min(3, "Name the destruction method (at least 3 characters).")
        .max(200, "Keep the method under 200 characters.")
        .optional(),
    ),
    serials: z.preprocess(blank, serials.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "extended" && !v.extendUntil) {
      ctx.addIssue({
        code: "custom",
        path: ["extendUntil"],
        message: "Give the date the customer asked to wait until (R-E2).",
      });
    }
    if (v.outcome !== "extended" && v.extendUntil) {
      ctx.addIssue({
        code: "custom",
        path: ["extendUntil"],
        message: "A wait date is only for an extended wait (R-E2).",
      });
    }
    if (v.outcome === "drivesDestroyed") {
      if (!v.method)
        ctx.addIssue({ code: "custom", path: ["method"], message: "Name the destruction method." });
      if (!v.serials)
        ctx.addIssue({
          code: "custom",
          path: ["serials"],
          message: "List the serial of every destroyed drive.",
        });
    }
  });
export type RecordOutcomeInput = z.infer<typeof recordOutcomeSchema>;

/** R-E3: returned drives of an export job lost or damaged, opened by hand. */
export const openReturnedDrivesSchema = z.object({
  jobId: z.uuid("Pick a job."),
  summary: z
    .string()
    .trim()
    .min(3, "Say what happened (at least 3 characters).")
    .max(500, "Keep it under 500 characters."),
});
