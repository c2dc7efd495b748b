import { z } from "zod";
import { printableText } from "@/lib/validation/text.ts";

const optionalText = (max: number, tooLong: string) =>
  printableText()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || undefined);

/** A customer of the service: who the jobs and the customer API keys belong to. */
export const newCustomerSchema = z.object({
  name: printableText().min(1, "Give the customer's name.").max(100, "Use at most 100 characters."),
  contactName: printableText()
    .min(1, "Give the name of the person to contact.")
    .max(100, "Use at most 100 characters."),
  contactEmail: z
    .string("Give a valid email address.")
    .trim()
    .pipe(z.email("Give a valid email address.").max(254, "Use at most 254 characters.")),
  contactPhone: optionalText(40, "Use at most 40 characters.").pipe(
    z
      .string()
      .regex(/^\+?[0-9 ().-]{5,}$/, "Give a phone number: digits, spaces, + ( ) - only.")
      .optional(),
  ),
});

export type NewCustomer = z.infer<typeof newCustomerSchema>;
