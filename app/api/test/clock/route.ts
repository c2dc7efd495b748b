import { z } from "zod";
import { env } from "@/lib/env.ts";
import { db } from "@/lib/server/db.ts";
import { errorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";
import { runSweep } from "@/lib/server/sweep/sweep.ts";

/**
 * TEST-ONLY: advance the clock for the timers, by running the sweep at a `now` the test chooses.
 * It answers 404 unless the server was started with DOCKSIDE_TEST_HOOKS=1 (the e2e suite does;
 * never set it in production), and even then only to a signed-in supervisor.
 */
const sweepAt = staffRoute(
  "faults:resolve",
  z.object({ now: z.iso.datetime() }),
  "body",
  async ({ now }) => {
    const report = await runSweep(db, new Date(now));
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  },
);

export async function POST(request: Request): Promise<Response> {
  if (!env().DOCKSIDE_TEST_HOOKS) return errorResponse(404, "not_found", "Not found.");
  return sweepAt(request);
}
