import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { incidentsPageData } from "@/lib/server/incidents/queries.ts";

/** The incidents (R-E1..R-E5) and the jobs open to a hand-opened one, as the page renders them. */
export const GET = staffRoute("incidents:work", z.object({}), "query", async (_input, { now }) =>
  Response.json(await incidentsPageData(db, now), { headers: { "cache-control": "no-store" } }),
);
