import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { faultsPageData } from "@/lib/server/faults/queries.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";

/** The faults queue (R-F2, R-F3) as the page renders it: what `/faults` polls. */
export const GET = staffRoute("faults:resolve", z.object({}), "query", async (_input, { now }) =>
  Response.json(await faultsPageData(db, now), { headers: { "cache-control": "no-store" } }),
);
