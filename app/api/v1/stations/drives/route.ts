import { db } from "@/lib/server/db.ts";
import { apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { stationQueue } from "@/lib/server/stations/queries.ts";
import { stationQueueRequest, type StationDriveList } from "@/lib/validation/station-api.ts";

/**
 * The copy queue: drives waiting for their copy (R-D6), oldest received first; with
 * `?state=Transferring`, the drives being copied, for a station that restarts.
 */
export const GET = apiRoute("station", stationQueueRequest, async ({ query }) => {
  const value = await stationQueue(db, {
    state: query.state,
    top: query.$top,
    ...(query.jobName ? { jobName: query.jobName } : {}),
  });
  return apiJson({ value } satisfies StationDriveList);
});
