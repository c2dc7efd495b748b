import { db } from "@/lib/server/db.ts";
import { apiRoute } from "@/lib/server/http/api-v1.ts";
import { finishStationCopy } from "@/lib/server/stations/commands.ts";
import { idempotencyKeyOf, stationReportResponse } from "@/lib/server/stations/http.ts";
import { stationFinishRequest } from "@/lib/validation/station-api.ts";

/**
 * The end of a drive's copy: Completed (R-D7) or CompletedMoreInfo (R-D8) with its counts and log
 * URIs; the job's last drive to finish moves it to Packaging (R-J9).
 */
export const POST = apiRoute(
  "station",
  stationFinishRequest,
  async ({ params, body }, { actor, now, request }) => {
    const idempotency = idempotencyKeyOf(request);
    if (!idempotency.ok) return idempotency.response;
    return stationReportResponse(
      await finishStationCopy(db, actor, params.id, body, now, idempotency.key),
    );
  },
  { body: true },
);
