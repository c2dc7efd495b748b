import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { dockPackageView } from "@/lib/server/dock/queries.ts";
import { errorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";

/** The open package, its expected drives and the recent scans: what the dock page polls. */
export const GET = staffRoute(
  "dock:work",
  z.object({ id: z.uuid("Unknown package.") }),
  "query",
  async ({ id }) => {
    const view = await dockPackageView(db, id);
    if (!view) return errorResponse(404, "not_found", "There is no such package.");
    return Response.json(view, { headers: { "cache-control": "no-store" } });
  },
);
