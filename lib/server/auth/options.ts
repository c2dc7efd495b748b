import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { signInWithPassword } from "@/lib/server/auth/sign-in.ts";
import { clientKey } from "@/lib/server/rate-limit.ts";

/** A dock shift: a session lasts 10 hours, then the operator signs in again. */
export const SESSION_SECONDS = 10 * 60 * 60;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** The address the sign-in throttle counts by: the one our own proxy saw (see `clientKey`). */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const list = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  const key = clientKey(new Headers(list ? { "x-forwarded-for": list } : {}));
  if (key !== "direct") return key;
  const real = headers?.["x-real-ip"];
  return (Array.isArray(real) ? real[0] : real) || "unknown";
}

export const authOptions: NextAuthOptions = {
  // JWT sessions (Credentials requires them). They cannot be revoked one by one, so every
  // request re-reads the user (lib/server/auth/current-user.ts) and honours sessionsValidFrom.
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and your password.");
        const result = await signInWithPassword(
          db,
          parsed.data,
          clientAddress(req?.headers),
          new Date(),
        );
        // next-auth hands this message to the sign-in form.
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = {
          id: token.uid,
          name: token.name ?? "",
          email: token.email ?? "",
          role: token.role,
        };
      }
      return session;
    },
  },
};
