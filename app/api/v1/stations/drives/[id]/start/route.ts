import { db } from "@/lib/server/db.ts";
import { apiRoute } from "@/lib/server/http/api-v1.ts";
import { startStationCopy } from "@/lib/server/stations/commands.ts";
import { idempotencyKeyOf, stationReportResponse } from "@/lib/server/stations/http.ts";
import { stationStartRequest } from "@/lib/validation/station-api.ts";

/** R-D6: the station begins the drive's copy; its job becomes Transferring (R-J8). */
export const POST = apiRoute(
  "station",
  stationStartRequest,
  async ({ params }, { actor, now, request }) => {
    const idempotency = idempotencyKeyOf(request);
    if (!idempotency.ok) return idempotency.response;
    return stationReportResponse(
      await startStationCopy(db, actor, params.id, now, idempotency.key),
    );
  },
  { body: true },
);
