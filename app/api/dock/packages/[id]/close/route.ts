import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { closeDockPackage } from "@/lib/server/dock/commands.ts";
import { commandErrorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";

/** Close a package; an inbound one marks its missing drives NeverReceived (R-D4). */
export const POST = staffRoute(
  "dock:work",
  z.object({ id: z.uuid("Unknown package.") }),
  "body",
  async ({ id }, { user, now }) => {
    const result = await closeDockPackage(db, user.actor, id, now);
    return result.ok ? Response.json(result.value) : commandErrorResponse(result.error);
  },
);
