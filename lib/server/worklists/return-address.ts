import { returnAddressSchema } from "@/lib/validation/return-address.ts";
import type { ReturnAddressView } from "@/lib/views/worklists.ts";

/**
 * A job's stored return address as the lines printed on a parcel, or null when it is missing or
 * incomplete (R-E4: then the drives cannot go back and the page says so).
 */
export function returnAddressView(stored: unknown): ReturnAddressView | null {
  const parsed = returnAddressSchema.safeParse(stored);
  if (!parsed.success) return null;
  const a = parsed.data;
  const cityLine = [a.city, a.stateOrProvince, a.postalCode].filter(Boolean).join(" ");
  return {
    recipientName: a.recipientName,
    lines: [a.streetAddress1, a.streetAddress2, cityLine, a.countryOrRegion].filter(
      (line): line is string => Boolean(line),
    ),
    phone: a.phone || null,
    email: a.email ?? null,
  };
}
