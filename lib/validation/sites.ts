import { z } from "zod";
import { CarrierName } from "@/lib/validation/azure-fields.ts";
import { printableText } from "@/lib/validation/text.ts";

/**
 * Datacenter sites: where customers ship their drives (Azure's Locations). Admins keep them on
 * /admin/locations; the Job API lists them and a job names one as its `location`.
 */

/** The code a site is known by in paths: its name in lowercase letters and digits ("westus"). */
export function siteCode(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const line = (what: string, max: number) => printableText().min(1, `Give the ${what}.`).max(max);
const optionalLine = (max: number) =>
  printableText()
    .max(max)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

/** A site as an admin writes it (the form's fields; carriers comma-separated). */
const SiteFields = z.object({
  name: line("site's name", 60).refine(
    (n) => siteCode(n).length >= 2,
    "A site's name has at least two letters or digits.",
  ),
  recipientName: line("recipient", 200),
  streetAddress1: line("street address", 200),
  streetAddress2: optionalLine(200),
  city: line("city", 100),
  stateOrProvince: line("state or province", 100),
  postalCode: line("postal code", 20),
  countryOrRegion: line("country or region", 60),
  phone: optionalLine(40),
  additionalShippingInformation: optionalLine(500),
  supportedCarriers: z
    .string()
    .max(300)
    .transform((text, ctx) => {
      const names = text
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean);
      const carriers: string[] = [];
      for (const name of names) {
        const parsed = CarrierName.safeParse(name);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `"${name}" is not a carrier's name.` });
          return z.NEVER;
        }
        if (!carriers.includes(parsed.data)) carriers.push(parsed.data);
      }
      if (carriers.length === 0) {
        ctx.addIssue({ code: "custom", message: "Name at least one carrier the site receives." });
        return z.NEVER;
      }
      return carriers;
    }),
});
const withCode = <T extends { name: string }>(s: T) => ({ ...s, code: siteCode(s.name) });

export const SiteInput = SiteFields.transform(withCode);
export type SiteInput = z.infer<typeof SiteInput>;

export const SiteId = z.uuid("There is no such site.");

export const UpdateSiteInput = SiteFields.extend({ siteId: SiteId }).transform(withCode);

export const SiteActiveInput = z.object({
  siteId: SiteId,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

// --------------------------------------------------------------------------- API responses

export const LocationProperties = z.object({
  recipientName: z.string(),
  streetAddress1: z.string(),
  streetAddress2: z.string().optional(),
  city: z.string(),
  stateOrProvince: z.string(),
  postalCode: z.string(),
  countryOrRegion: z.string(),
  phone: z.string().optional(),
  additionalShippingInformation: z.string().optional(),
  supportedCarriers: z.array(z.string()),
  alternateLocations: z.array(z.string()).meta({
    description:
      "Where to ship instead: the site itself while it is open, as a location `id`. A closed site is not listed.",
  }),
});

export const LocationResponse = z
  .object({
    id: z.string().meta({ description: "`/providers/Microsoft.ImportExport/locations/{code}`" }),
    name: z.string().meta({ description: "The site's name; Put Job's `location` takes it." }),
    type: z.literal("Microsoft.ImportExport/locations"),
    properties: LocationProperties,
  })
  .meta({ id: "Location", description: "A datacenter site you can ship drives to." });
export type LocationResponse = z.infer<typeof LocationResponse>;

export const LocationsResponse = z
  .object({ value: z.array(LocationResponse) })
  .meta({ id: "LocationsResponse", description: "Every open datacenter site, by name." });

export const LocationName = printableText()
  .min(1)
  .max(100)
  .meta({ description: "A site's code or name: `westus` or `West US`." });
