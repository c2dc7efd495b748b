import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { locationPath } from "@/lib/server/jobs/arm-scope.ts";
import { siteCode, type LocationResponse } from "@/lib/validation/sites.ts";

/** A site as the Locations API shows it: its shipping address and the carriers it receives. */

/** The columns of a site's shipping address (Get Job's shippingInformation shows the same). */
export const SITE_ADDRESS_SELECT = {
  name: true,
  recipientName: true,
  streetAddress1: true,
  streetAddress2: true,
  city: true,
  stateOrProvince: true,
  postalCode: true,
  countryOrRegion: true,
  phone: true,
  additionalShippingInformation: true,
} as const satisfies Prisma.SiteSelect;

export const SITE_SELECT = {
  id: true,
  code: true,
  ...SITE_ADDRESS_SELECT,
  supportedCarriers: true,
  active: true,
} as const satisfies Prisma.SiteSelect;

export type SiteRow = Prisma.SiteGetPayload<{ select: typeof SITE_SELECT }>;

export function toApiLocation(site: SiteRow): LocationResponse {
  return {
    id: locationPath(site.code),
    name: site.name,
    type: "Microsoft.ImportExport/locations",
    properties: {
      recipientName: site.recipientName,
      streetAddress1: site.streetAddress1,
      ...(site.streetAddress2 ? { streetAddress2: site.streetAddress2 } : {}),
      city: site.city,
      stateOrProvince: site.stateOrProvince,
      postalCode: site.postalCode,
      countryOrRegion: site.countryOrRegion,
      ...(site.phone ? { phone: site.phone } : {}),
      ...(site.additionalShippingInformation
        ? { additionalShippingInformation: site.additionalShippingInformation }
        : {}),
      supportedCarriers: site.supportedCarriers,
      alternateLocations: site.active ? [locationPath(site.code)] : [],
    },
  };
}

/** Every open site, by name. */
export async function listApiLocations(db: Db): Promise<LocationResponse[]> {
  const sites = await db.site.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: SITE_SELECT,
  });
  return sites.map(toApiLocation);
}

/** An open site by its code or its name ("westus", "West US"), or null. */
export async function findOpenSite(db: Db | Tx, name: string): Promise<SiteRow | null> {
  const code = siteCode(name);
  if (!code) return null;
  return db.site.findFirst({ where: { code, active: true }, select: SITE_SELECT });
}

/** Put Job without a location: the one open site, when there is exactly one. */
export async function onlyOpenSite(db: Db | Tx): Promise<SiteRow | null> {
  const open = await db.site.findMany({ where: { active: true }, take: 2, select: SITE_SELECT });
  return open.length === 1 ? open[0]! : null;
}

/** Every site, open and closed, for the admin page. */
export function listSitesForAdmin(db: Db) {
  return db.site.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { ...SITE_SELECT, _count: { select: { jobs: true } } },
  });
}
