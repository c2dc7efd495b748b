import { z } from "zod";

/** A return address as the Azure API shapes it (returnAddress.*). Shared by actions, routes and commands. */
export const returnAddressSchema = z.object({
  recipientName: z.string().trim().min(1, "Give the recipient's name.").max(200),
  streetAddress1: z.string().trim().min(1, "Give the street address.").max(200),
  streetAddress2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1, "Give the city.").max(100),
  stateOrProvince: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().min(1, "Give the postal code.").max(20),
  countryOrRegion: z.string().trim().min(2, "Give the country or region.").max(60),
  phone: z.string().trim().min(5, "Give a phone number.").max(40),
  email: z.email("Give a valid email address.").optional(),
});

export type ReturnAddress = z.infer<typeof returnAddressSchema>;

/** R-J5 needs a return address that a carrier can deliver to, not just any JSON. */
export function isCompleteReturnAddress(value: unknown): boolean {
  return returnAddressSchema.safeParse(value).success;
}
