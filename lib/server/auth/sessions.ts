import "server-only";
import type { Role } from "@/lib/permissions.ts";
import type { Db } from "@/lib/server/db.ts";
import { sqlRead } from "@/lib/server/sql/read.ts";
import { fromSqlTime } from "@/lib/server/sql/transaction.ts";

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
  // Every console request asks this: one statement (the session joined to its user), not the two
  // that a nested Prisma select sends.
  const sql = sqlRead(database);
  const [row] = await sql.rows<{
    sessionUserId: string;
    expiresAt: string;
    endedAt: string | null;
    id: string;
    email: string;
    name: string;
    role: Role;
    disabled: boolean;
    sessionsValidFrom: string;
  }>(
    `SELECT s."userId" AS "sessionUserId", s."expiresAt"::text AS "expiresAt",
            s."endedAt"::text AS "endedAt", u."id", u."email", u."name", u."role"::text AS "role",
            u."disabled", u."sessionsValidFrom"::text AS "sessionsValidFrom"
       FROM ${sql.t("UserSession")} s JOIN ${sql.t("User")} u ON u."id" = s."userId"
      WHERE s."id" = $1`,
    [identity.sessionId],
  );
  if (!row) return null;
  const user = {
    id: row.id,
    disabled: row.disabled,
    sessionsValidFrom: fromSqlTime(row.sessionsValidFrom),
  };
  const live = isLiveSession(identity, user, {
    ownerMatches: row.sessionUserId === identity.userId,
    endedAt: fromSqlTime(row.endedAt),
    expiresAt: fromSqlTime(row.expiresAt),
    now,
  });
  return live ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
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
