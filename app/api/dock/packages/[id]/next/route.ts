import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { advanceDockPackage } from "@/lib/server/dock/commands.ts";
import { commandErrorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";
import { openPackageSchema } from "@/lib/validation/dock.ts";

/**
 * The next package's label, scanned while this inbound package is open: closes this one when every
 * expected drive is in and opens the next, in one command; otherwise says what is still missing.
 */
export const POST = staffRoute(
  "dock:work",
  z.object({ id: z.uuid("Unknown package."), code: openPackageSchema.shape.code }),
  "body",
  async ({ id, code }, { user, now }) => {
    const result = await advanceDockPackage(db, user.actor, { fromPackageId: id, code }, now);
    return result.ok
      ? Response.json(result.value, { status: 201 })
      : commandErrorResponse(result.error);
  },
);
