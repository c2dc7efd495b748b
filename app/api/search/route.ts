import { db } from "@/lib/server/db.ts";
import { staffRoute } from "@/lib/server/http/route-handler.ts";
import { searchEverything } from "@/lib/server/search/search.ts";
import { searchQuerySchema } from "@/lib/validation/search.ts";
import type { SearchAnswer } from "@/lib/views/search.ts";

/** Drive serials, tracking numbers, jobs and customers matching `q`: what Ctrl+K asks. */
export const GET = staffRoute("jobs:read", searchQuerySchema, "query", async ({ q }) => {
  const answer: SearchAnswer = { q, hits: await searchEverything(db, q, 5) };
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});
