import { z } from "zod";
import { formDate } from "@/lib/validation/dates.ts";
import { CONTACT_RESULTS } from "@/lib/domain/contact-results.ts";

/** A blank form field counts as not given. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * What came of a contact attempt, as the form sends it (R-F2, R-E2): one of four explicit results,
 * and the day the customer asked us to wait until when that is the result. The domain checks the
 * day against the clock (contactWait); here only its shape and its presence.
 */
export const contactResultFields = {
  result: z.enum(CONTACT_RESULTS, "Say what came of it."),
  waitUntil: z.preprocess(blank, formDate().optional()),
};

/** The cross-field rule of contactResultFields, for a schema's superRefine. */
export function checkContactResult(
  v: { result?: string; waitUntil?: Date },
  ctx: z.RefinementCtx,
): void {
  if (v.result === "askedToWait" && !v.waitUntil) {
    ctx.addIssue({
      code: "custom",
      path: ["waitUntil"],
      message: "Give the date the customer asked us to wait until.",
    });
  }
  if (v.result !== undefined && v.result !== "askedToWait" && v.waitUntil) {
    ctx.addIssue({
      code: "custom",
      path: ["waitUntil"],
      message: "A date goes only with “asked us to wait until a date”.",
    });
  }
}
