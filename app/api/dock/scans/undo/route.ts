import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { undoLastScan } from "@/lib/server/dock/undo.ts";
import { commandErrorResponse, staffRoute } from "@/lib/server/http/route-handler.ts";

/** Undo the caller's own last scan, within a few minutes (recorded as an event). */
export const POST = staffRoute("dock:work", z.object({}), "body", async (_input, { user, now }) => {
  const actor = { type: "user" as const, id: user.id, label: user.name, role: user.role };
  const result = await undoLastScan(db, actor, now);
  return result.ok ? Response.json(result.value) : commandErrorResponse(result.error);
});
