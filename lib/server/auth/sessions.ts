import "server-only";
import type { Role } from "@/lib/permissions.ts";
import type { Db } from "@/lib/server/db.ts";

/**
 * Server-side sessions. next-auth's JWT says who signed in and which session that is; the session
 * row says whether it still counts. Signing out, an expired session, a disabled user or a
 * password reset (User.sessionsValidFrom) all end it here, on every request, whatever the cookie.
 */
export type LiveUser = { id: string; email: string; name: string; role: Role };

export async function startSession(
  database: Db,
  userId: string,
  now: Date,
  seconds: number,
): Promise<string> {
  const session = await database.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + seconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** Sign-out: the session ends now (a copied cookie stops working with it). */
export async function endSession(database: Db, sessionId: string, now: Date): Promise<void> {
  await database.userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: now },
  });
}

/** The user of a live session, read fresh (role, name), or null. */
export async function liveSessionUser(
  database: Db,
  identity: { sessionId: string; userId: string; issuedAt: Date },
  now: Date,
): Promise<LiveUser | null> {
  const session = await database.userSession.findUnique({
    where: { id: identity.sessionId },
    select: {
      userId: true,
      expiresAt: true,
      endedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          disabled: true,
          sessionsValidFrom: true,
        },
      },
    },
  });
  if (!session) return null;
  const { user } = session;
  const live = isLiveSession(identity, user, {
    ownerMatches: session.userId === identity.userId,
    endedAt: session.endedAt,
    expiresAt: session.expiresAt,
    now,
  });
  return live ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

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
