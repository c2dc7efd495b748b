import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { supervisorAlerts } from "@/lib/server/notify/alerts.ts";

/** The supervisors' alerts (open faults and incidents, deadlines within 48 h), for live views. */
export const GET = staffRoute("faults:resolve", z.object({}), "query", async (_input, { now }) =>
  Response.json(await supervisorAlerts(db, now), { headers: { "cache-control": "no-store" } }),
);
