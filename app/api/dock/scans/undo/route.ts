import { db } from "@/lib/server/db.ts";
import { undoLastScan } from "@/lib/server/dock/commands.ts";
import { commandErrorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";
import { packageIdSchema } from "@/lib/validation/dock.ts";

/** Undo the caller's own last scan in the open package, within a few minutes (recorded as an event). */
export const POST = staffRoute(
  "dock:work",
  packageIdSchema,
  "body",
  async ({ packageId }, { user, now }) => {
    const actor = { type: "user" as const, id: user.id, label: user.name, role: user.role };
    const result = await undoLastScan(db, actor, packageId, now);
    return result.ok ? Response.json(result.value) : commandErrorResponse(result.error);
  },
);
