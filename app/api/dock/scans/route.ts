import { db } from "@/lib/server/db.ts";
import { scanDriveIn, scanDriveOut } from "@/lib/server/dock/commands.ts";
import {
  commandErrorResponse,
  errorResponse,
  staffRoute,
} from "@/lib/server/http/route-handler.ts";
import { can } from "@/lib/permissions.ts";
import { scanSchema } from "@/lib/validation/dock.ts";

/**
 * One drive scan into the open package: received (inbound) or shipped back (return). The dock
 * page queues scans and sends them here one by one; this does not re-render any page.
 */
export const POST = staffRoute("dock:work", scanSchema, "body", async (input, { user, now }) => {
  if (input.supervisorOverride && !can(user.role, "faults:resolve")) {
    return errorResponse(
      403,
      "forbidden",
      "Only a supervisor can ship back a drive whose copy is not finished.",
    );
  }
  const pkg = await db.package.findUnique({
    where: { id: input.packageId },
    select: { direction: true },
  });
  if (!pkg)
    return errorResponse(404, "not_found", "There is no such package: scan its label again.");
  const result =
    pkg.direction === "Inbound"
      ? await scanDriveIn(db, user.actor, input, now)
      : await scanDriveOut(db, user.actor, input, now);
  return result.ok ? Response.json(result.value) : commandErrorResponse(result.error);
});
