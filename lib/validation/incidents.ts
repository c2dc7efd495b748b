import { z } from "zod";
import { CONTACT_CHANNELS } from "@/lib/validation/faults.ts";
import { checkContactResult, contactResultFields } from "@/lib/validation/contact-result.ts";
import { returnAddressSchema, type ReturnAddress } from "@/lib/validation/return-address.ts";
import { multiLineText, printableText } from "@/lib/validation/text.ts";
import { formDate } from "@/lib/validation/dates.ts";

/** What a supervisor records on an incident (R-E1..R-E5). Each is one event "incident.<outcome>". */
export const INCIDENT_OUTCOMES = [
  "contacted",
  "extended",
  "jobCancelled",
  "drivesReturned",
  "returnFailed",
  "drivesDestroyed",
  "addressCorrected",
  "resolved",
] as const;
export type IncidentOutcome = (typeof INCIDENT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<IncidentOutcome, string> = {
  contacted: "Contacted the customer",
  extended: "Extended the wait (R-E2)",
  jobCancelled: "Job cancelled",
  drivesReturned: "Drives returned",
  returnFailed: "Return failed: the drives came back (R-E1)",
  drivesDestroyed: "Drives destroyed",
  addressCorrected: "Return address corrected (R-E4)",
  resolved: "Resolved",
};

/**
 * Every outcome but a contact attempt, an extended wait and a failed return resolves the incident
 * (outcomes.ts); a failed return starts the 90-day destruction clock of R-E1 instead.
 */
export function resolvesIncident(outcome: IncidentOutcome): boolean {
  return outcome !== "contacted" && outcome !== "extended" && outcome !== "returnFailed";
}

/** A blank form field counts as not given. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const note = multiLineText()
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
      .array(printableText().max(64, "A serial is at most 64 characters."))
      .min(1, "List the serial of every destroyed drive.")
      .max(200, "At most 200 serials."),
  );

/** The return address fields as a form sends them (flat, each blank one absent), in display order. */
export const RETURN_ADDRESS_FIELDS = [
  "recipientName",
  "streetAddress1",
  "streetAddress2",
  "city",
  "stateOrProvince",
  "postalCode",
  "countryOrRegion",
  "phone",
  "email",
] as const satisfies readonly (keyof ReturnAddress)[];
type ReturnAddressField = (typeof RETURN_ADDRESS_FIELDS)[number];

const optionalText = () => z.preprocess(blank, printableText().optional());
const addressFields = Object.fromEntries(
  RETURN_ADDRESS_FIELDS.map((f) => [f, optionalText()]),
) as Record<ReturnAddressField, ReturnType<typeof optionalText>>;

/** The fields the address rules let be absent; a blank required one reads as "" so its own message shows. */
const OPTIONAL_ADDRESS_FIELDS = RETURN_ADDRESS_FIELDS.filter(
  (f) => returnAddressSchema.shape[f].safeParse(undefined).success,
);
const addressOf = (v: Partial<Record<ReturnAddressField, string>>) =>
  Object.fromEntries(
    RETURN_ADDRESS_FIELDS.flatMap((f) =>
      v[f] !== undefined
        ? [[f, v[f]]]
        : (OPTIONAL_ADDRESS_FIELDS as string[]).includes(f)
          ? []
          : [[f, ""]],
    ),
  );

export const recordOutcomeSchema = z
  .object({
    incidentId: z.uuid("Unknown incident."),
    outcome: z.enum(INCIDENT_OUTCOMES, "Pick an outcome."),
    note,
    channel: z.preprocess(blank, z.enum(CONTACT_CHANNELS, "Pick email or phone.").optional()),
    result: z.preprocess(blank, contactResultFields.result.optional()),
    waitUntil: contactResultFields.waitUntil,
    extendUntil: z.preprocess(blank, formDate().optional()),
    method: z.preprocess(
      blank,
      printableText()
        .min(3, "Name the destruction method (at least 3 characters).")
        .max(200, "Keep the method under 200 characters.")
        .optional(),
    ),
    serials: z.preprocess(blank, serials.optional()),
    ...addressFields,
  })
  .superRefine((v, ctx) => {
    // R-F2, R-E2: a contact says what came of it, chosen from four results (never read from the note).
    if (v.outcome === "contacted" && !v.result) {
      ctx.addIssue({ code: "custom", path: ["result"], message: "Say what came of it." });
    }
    if (v.outcome !== "contacted" && (v.result || v.waitUntil)) {
      ctx.addIssue({
        code: "custom",
        path: ["result"],
        message: "What came of a contact goes only with a contact attempt.",
      });
    }
    if (v.outcome === "contacted") checkContactResult(v, ctx);
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
    // R-E4: the corrected address is checked field by field with the job's own address rules.
    if (v.outcome === "addressCorrected") {
      const parsed = returnAddressSchema.safeParse(addressOf(v));
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: issue.path.slice(0, 1), message: issue.message });
      }
    }
  })
  .transform((v) => ({
    incidentId: v.incidentId,
    outcome: v.outcome,
    note: v.note,
    channel: v.channel,
    result: v.result,
    waitUntil: v.waitUntil,
    extendUntil: v.extendUntil,
    method: v.method,
    serials: v.serials,
    returnAddress:
      v.outcome === "addressCorrected" ? returnAddressSchema.parse(addressOf(v)) : undefined,
  }));
export type RecordOutcomeInput = z.infer<typeof recordOutcomeSchema>;

/** An incident a supervisor opens by hand (R-E3, R-E4): the job and what is wrong. */
const handOpened = (what: string) =>
  z.object({
    jobId: z.uuid("Pick a job."),
    summary: multiLineText()
      .min(3, `${what} (at least 3 characters).`)
      .max(500, "Keep it under 500 characters."),
  });

/** R-E3: returned drives of an export job lost or damaged, opened by hand. */
export const openReturnedDrivesSchema = handOpened("Say what happened");

/** R-E4: the return address of a Transferring or Packaging job is wrong or missing. */
export const openReturnAddressSchema = handOpened("Say what is wrong with the return address");
