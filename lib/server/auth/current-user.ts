import "server-only";
import { cache } from "react";
import type { Role } from "@/lib/permissions.ts";
import { db } from "@/lib/server/db.ts";
import { sessionIdentity } from "@/lib/server/auth/session.ts";
import { isLiveSession, liveSessionUser } from "@/lib/server/auth/sessions.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

export type CurrentUser = { id: string; email: string; name: string; role: Role; actor: ActorRef };

// The scan path (lib/server/dock/commands/scan) checks sessions with the same rule.
export { isLiveSession };

/**
 * The signed-in user, read fresh from the database for every request: a role change applies at
 * once, and a signed-out session, a disabled user, or a session issued before a password reset,
 * gets nothing. Read once per request (React's `cache`): the layout, the page and its access
 * check share one read. Outside a request (tests, scripts) every call reads again.
 */
export const currentUser = cache(async function currentUser(): Promise<CurrentUser | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const user = await liveSessionUser(db, identity, new Date());
  if (!user) return null;
  return { ...user, actor: { type: "user", id: user.id, label: user.name, role: user.role } };
});
