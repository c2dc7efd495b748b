import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { apiError, apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { findOpenSite, listApiLocations, toApiLocation } from "@/lib/server/sites/queries.ts";
import { ArmQuery } from "@/lib/validation/arm.ts";
import { LocationName } from "@/lib/validation/sites.ts";
import { OFFERED_OPERATIONS } from "@/lib/api/arm-operations.ts";

/**
 * Where to ship: the datacenter sites an admin keeps (Azure's Locations_List and Locations_Get),
 * on /api/v1/locations and on ARM's /providers/Microsoft.ImportExport/locations; and ARM's
 * Operations_List. Customer keys only, like the rest of the Job API.
 */

type Style = "v1" | "arm";
const queryOf = (style: Style) => (style === "arm" ? ArmQuery : z.object({}));

export function listLocationsRoute(style: Style) {
  return apiRoute("customer", z.object({ query: queryOf(style) }), async () =>
    apiJson({ value: await listApiLocations(db) }),
  );
}

export function getLocationRoute(style: Style) {
  return apiRoute(
    "customer",
    z.object({ params: z.object({ locationName: LocationName }), query: queryOf(style) }),
    async ({ params }) => {
      const site = await findOpenSite(db, params.locationName);
      if (!site) {
        return apiError(
          404,
          "NotFound",
          `There is no open datacenter site called ${params.locationName}: list them with GET /api/v1/locations.`,
          { target: "params.locationName" },
        );
      }
      return apiJson(toApiLocation(site));
    },
  );
}

export function operationsRoute() {
  return apiRoute("customer", z.object({ query: ArmQuery }), async () =>
    apiJson({ value: OFFERED_OPERATIONS }),
  );
}
