import "server-only";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";

export type SessionIdentity = { userId: string; sessionId: string; issuedAt: Date };

/**
 * Who the request's session cookie says it is, which session, and when that session was issued:
 * nothing more is trusted from it (lib/server/auth/sessions.ts decides whether it still counts).
 * The one place that reads next-auth's token (the authorization tests replace it).
 */
export async function sessionIdentity(): Promise<SessionIdentity | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
  });
  return identityOf(token);
}

/** The identity a decoded token carries; a token without a session id (older ones) is none. */
export function identityOf(
  token: { uid?: unknown; sid?: unknown; iat?: unknown } | null,
): SessionIdentity | null {
  if (!token || typeof token.uid !== "string" || typeof token.sid !== "string") return null;
  return {
    userId: token.uid,
    sessionId: token.sid,
    issuedAt: new Date((typeof token.iat === "number" ? token.iat : 0) * 1000),
  };
}
