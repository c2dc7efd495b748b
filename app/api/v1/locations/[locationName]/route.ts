import { getLocationRoute } from "@/lib/server/http/location-routes.ts";

/** Locations_Get: one open datacenter site, by its code (`westus`) or its name (`West US`). */
export const GET = getLocationRoute("v1");
