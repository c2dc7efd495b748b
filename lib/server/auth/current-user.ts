import "server-only";
import type { Role } from "@/lib/permissions.ts";
import { db } from "@/lib/server/db.ts";
import { sessionIdentity } from "@/lib/server/auth/session.ts";
import type { ActorRef } from "@/lib/server/actor.ts";

export type CurrentUser = { id: string; email: string; name: string; role: Role; actor: ActorRef };

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
  if (!user || user.disabled) return null;
  // JWT iat has second precision; sessionsValidFrom is truncated to the second to compare fairly.
  if (identity.issuedAt.getTime() < Math.floor(user.sessionsValidFrom.getTime() / 1000) * 1000)
    return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    actor: { type: "user", id: user.id, label: user.name, role: user.role },
  };
}
