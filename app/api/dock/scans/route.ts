import { db } from "@/lib/server/db.ts";
import { sessionIdentity } from "@/lib/server/auth/session.ts";
import { scanDrive } from "@/lib/server/dock/commands.ts";
import {
  commandErrorResponse,
  errorResponse,
  parseRequest,
} from "@/lib/server/http/route-handler.ts";
import { scanSchema } from "@/lib/validation/dock.ts";
import { guardDatabase, staffDatabaseFault } from "@/lib/server/http/database-unavailable.ts";

/**
 * One drive scan into the open package: received (inbound) or shipped back (return). The dock
 * page queues scans and sends them here one by one; this does not re-render any page.
 *
 * The hot path of the dock: unlike the other staff routes it does not re-read the user through
 * authorize() first. The session cookie is verified here, and the user (enabled, session still
 * valid, role allowed) is re-read inside the scan's own first statement (lib/server/dock/commands/scan),
 * so a disabled user is still refused from their next scan, at no round trip of its own.
 */
export const POST = guardDatabase(staffDatabaseFault, async (request: Request) => {
  const session = await sessionIdentity();
  if (!session)
    return errorResponse(401, "unauthenticated", "You are signed out. Sign in again to continue.");
  const parsed = await parseRequest(request, scanSchema, "body");
  if (!parsed.ok) return parsed.response;
  const result = await scanDrive(db, { session }, parsed.data, new Date());
  return result.ok ? Response.json(result.value) : commandErrorResponse(result.error);
});
