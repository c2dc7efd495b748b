import "server-only";
import type { Role } from "@/lib/permissions.ts";
import { db } from "@/lib/server/db.ts";
import { sessionIdentity } from "@/lib/server/auth/session.ts";
import { liveSessionUser } from "@/lib/server/auth/sessions.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

export type CurrentUser = { id: string; email: string; name: string; role: Role; actor: ActorRef };

/**
 * Whether a session still speaks for its user: the user exists, is enabled, and the session was
 * issued after the user's sessions were last ended. Shared with the scan path, which re-reads the
 * user inside its own first statement. Given the session's row (UserSession), it must also be the
 * user's, not ended (signed out) and not expired.
 */
export function isLiveSession(
  identity: { issuedAt: Date },
  user: { disabled: boolean; sessionsValidFrom: Date },
  session?: { ownerMatches: boolean; endedAt: Date | null; expiresAt: Date; now: Date } | null,
): boolean {
  if (user.disabled) return false;
  if (session === null) return false;
  if (session && (!session.ownerMatches || session.endedAt || session.expiresAt <= session.now))
    return false;
  // JWT iat has second precision; sessionsValidFrom is truncated to the second to compare fairly.
  return identity.issuedAt.getTime() >= Math.floor(user.sessionsValidFrom.getTime() / 1000) * 1000;
}

/**
 * The signed-in user, read fresh from the database on every call: a role change applies at once,
 * and a signed-out session, a disabled user, or a session issued before a password reset, gets
 * nothing.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const user = await liveSessionUser(db, identity, new Date());
  if (!user) return null;
  return { ...user, actor: { type: "user", id: user.id, label: user.name, role: user.role } };
}
