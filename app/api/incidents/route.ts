import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { incidentsPageData } from "@/lib/server/incidents/queries.ts";
import { parseIncidentListParams } from "@/lib/validation/list-params.ts";
import { listQuerySchema } from "@/lib/validation/list-query-schema.ts";

/**
 * One page of the incidents (R-E1..R-E5) with the page's filters, its counts and the jobs open to
 * a hand-opened one, as the page renders them: what `/incidents` polls.
 */
export const GET = staffRoute(
  "incidents:work",
  listQuerySchema(parseIncidentListParams),
  "query",
  async (filter, { now }) =>
    Response.json(await incidentsPageData(db, now, filter), {
      headers: { "cache-control": "no-store" },
    }),
);
