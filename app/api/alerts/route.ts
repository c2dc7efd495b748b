import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { supervisorAlerts } from "@/lib/server/notify/alerts.ts";

/** `?view=count`: the counts only (the navigation's badge), no alert listed. */
const query = z.object({
  view: z.enum(["count"], "Ask for view=count or leave it out.").optional(),
});

/**
 * The supervisors' alerts (open faults and incidents, deadlines within 48 hours) for live views:
 * every one counted, the nearest deadlines and newest openings listed.
 */
export const GET = staffRoute("alerts:read", query, "query", async ({ view }, { now }) =>
  Response.json(await supervisorAlerts(db, now, view === "count" ? 0 : undefined), {
    headers: { "cache-control": "no-store" },
  }),
);
