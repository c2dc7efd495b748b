import { db } from "@/lib/server/db.ts";
import { openDockPackage } from "@/lib/server/dock/commands.ts";
import { commandErrorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";
import { openPackageSchema } from "@/lib/validation/dock.ts";

/** Open (or pick up) a package by its label: inbound at receiving, or a return package. */
export const POST = staffRoute(
  "dock:work",
  openPackageSchema,
  "body",
  async (input, { user, now }) => {
    const result = await openDockPackage(db, user.actor, input, now);
    return result.ok
      ? Response.json(result.value, { status: 201 })
      : commandErrorResponse(result.error);
  },
);
