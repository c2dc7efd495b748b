import { db } from "@/lib/server/db.ts";
import { apiRoute } from "@/lib/server/http/api-v1.ts";
import { reportStationProgress } from "@/lib/server/stations/commands.ts";
import { idempotencyKeyOf, stationReportResponse } from "@/lib/server/stations/http.ts";
import { stationProgressRequest } from "@/lib/validation/station-api.ts";

/** A drive's copy progress (R-D6, R-G2); a lower percent than the one stored is ignored. */
export const POST = apiRoute(
  "station",
  stationProgressRequest,
  async ({ params, body }, { actor, now, request }) => {
    const idempotency = idempotencyKeyOf(request);
    if (!idempotency.ok) return idempotency.response;
    return stationReportResponse(
      await reportStationProgress(db, actor, params.id, body, now, idempotency.key),
    );
  },
  { body: true },
);
