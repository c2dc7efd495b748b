import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { csvFileName, jobsCsvStream } from "@/lib/server/jobs/queries.ts";
import { parseJobListParams } from "@/lib/validation/list-params.ts";
import { listQuerySchema } from "@/lib/validation/list-query-schema.ts";

/** The jobs list with the page's filters and order, every page of it, as a streamed CSV file. */
export const GET = staffRoute(
  "jobs:read",
  listQuerySchema(parseJobListParams),
  "query",
  // Every page: the stream walks the whole list (the page number is not read).
  async (filter, { now }) =>
    new Response(jobsCsvStream(db, filter), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFileName(now)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    }),
);
