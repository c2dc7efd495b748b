import "server-only";
import type { Role } from "@/lib/permissions.ts";
import { db } from "@/lib/server/db.ts";
import { sessionIdentity } from "@/lib/server/auth/session.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

export type CurrentUser = { id: string; email: string; name: string; role: Role; actor: ActorRef };

/**
 * Whether a session still speaks for its user: the user exists, is enabled, and the session was
 * issued after the user's sessions were last ended. Shared with the scan path, which re-reads the
 * user inside its own first statement.
 */
export function isLiveSession(
  identity: { issuedAt: Date },
  user: { disabled: boolean; sessionsValidFrom: Date },
): boolean {
  if (user.disabled) return false;
  // JWT iat has second precision; sessionsValidFrom is truncated to the second to compare fairly.
  return identity.issuedAt.getTime() >= Math.floor(user.sessionsValidFrom.getTime() / 1000) * 1000;
}

/**
 * The signed-in user, read fresh from the database on every call: a role change applies at once,
 * and a disabled user, or a session issued before a password reset, gets nothing.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const user = await db.user.findUnique({
    where: { id: identity.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      sessionsValidFrom: true,
    },
  });
  if (!user || !isLiveSession(identity, user)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    actor: { type: "user", id: user.id, label: user.name, role: user.role },
  };
}
