import { listLocationsRoute } from "@/lib/server/http/location-routes.ts";

/** Locations_List: every open datacenter site you can ship drives to. */
export const GET = listLocationsRoute("arm");
