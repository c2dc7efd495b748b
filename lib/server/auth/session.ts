import "server-only";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";

/**
 * Who the request's session cookie says it is, and when that session was issued: nothing more is
 * trusted from it. The one place that reads next-auth's token (the authorization tests replace it).
 */
export async function sessionIdentity(): Promise<{ userId: string; issuedAt: Date } | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
  });
  if (!token?.uid) return null;
  return {
    userId: token.uid,
    issuedAt: new Date((typeof token.iat === "number" ? token.iat : 0) * 1000),
  };
}
