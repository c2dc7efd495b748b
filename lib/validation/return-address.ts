import { z } from "zod";
import { printableText } from "@/lib/validation/text.ts";

/**
 * A return address as the Azure API shapes it (returnAddress.*). Shared by actions, routes and
 * commands. Every field is one line of printable text (PostgreSQL refuses NUL in JSON).
 */
export const returnAddressSchema = z.object({
  recipientName: printableText().min(1, "Give the recipient's name.").max(200),
  streetAddress1: printableText().min(1, "Give the street address.").max(200),
  streetAddress2: printableText().max(200).optional(),
  city: printableText().min(1, "Give the city.").max(100),
  stateOrProvince: printableText().max(100).optional(),
  postalCode: printableText().min(1, "Give the postal code.").max(20),
  countryOrRegion: printableText().min(2, "Give the country or region.").max(60),
  phone: printableText().min(5, "Give a phone number.").max(40),
  email: z.email("Give a valid email address.").optional(),
});

export type ReturnAddress = z.infer<typeof returnAddressSchema>;

/** R-J5 needs a return address that a carrier can deliver to, not just any JSON. */
export function isCompleteReturnAddress(value: unknown): boolean {
  return returnAddressSchema.safeParse(value).success;
}
