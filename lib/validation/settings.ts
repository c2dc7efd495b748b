import { z } from "zod";
import { isTimeZone } from "@/lib/time/format.ts";
import { printableText } from "@/lib/validation/text.ts";

/** The time zone a reader picks on the settings page: an IANA name Intl knows, or "browser". */
export const timeZoneChoiceSchema = z.object({
  timeZone: printableText()
    .min(1, "Choose a time zone.")
    .max(64, "That is not a time zone.")
    .refine((v) => v === "browser" || isTimeZone(v), "That is not a time zone."),
});
