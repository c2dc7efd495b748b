import { db } from "@/lib/server/db.ts";
import { guardDatabase, staffDatabaseFault } from "@/lib/server/http/database-unavailable.ts";

/**
 * Is this instance able to serve: 200 when the database answers, 503 with Retry-After when it does
 * not. For load balancers, and for the error page, which says which of the two went wrong. It
 * tells nothing else, so it needs no sign-in.
 */
export const GET = guardDatabase(staffDatabaseFault, async () => {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
});
