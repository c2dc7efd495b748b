import { db } from "@/lib/server/db.ts";
import { faultsPageData } from "@/lib/server/faults/queries.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { parseFaultListParams } from "@/lib/validation/list-params.ts";
import { listQuerySchema } from "@/lib/validation/list-query-schema.ts";

/** One page of the faults queue (R-F2, R-F3) with the page's filters: what `/faults` polls. */
export const GET = staffRoute(
  "faults:resolve",
  listQuerySchema(parseFaultListParams),
  "query",
  async (filter, { now }) =>
    Response.json(await faultsPageData(db, now, filter), {
      headers: { "cache-control": "no-store" },
    }),
);
