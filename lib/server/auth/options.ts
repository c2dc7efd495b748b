import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/sign-in-errors.ts";
import { db } from "@/lib/server/db.ts";
import { signInWithPassword } from "@/lib/server/auth/sign-in.ts";
import { identityOf } from "@/lib/server/auth/session.ts";
import { endSession, liveSessionUser, startSession } from "@/lib/server/auth/sessions.ts";
import { clientAddressOf } from "@/lib/server/http/client-address.ts";
import { passwordText, printableText } from "@/lib/validation/text.ts";

/** A dock shift: a session lasts 10 hours, then the operator signs in again. */
export const SESSION_SECONDS = 10 * 60 * 60;

const credentialsSchema = z.object({
  email: printableText().min(1).max(254),
  password: passwordText().min(1).max(200),
});

/** Thrown from the jwt callback: next-auth then clears the cookie and answers "no session". */
class SessionEnded extends Error {
  constructor() {
    super("SessionEnded");
  }
}

export const authOptions: NextAuthOptions = {
  // JWT sessions (Credentials requires them), each bound to a UserSession row that is checked on
  // every request (lib/server/auth/sessions.ts), so signing out ends the session on the server.
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
        if (!parsed.success) throw new Error("MissingCredentials");
        const result = await signInWithPassword(
          db,
          parsed.data,
          clientAddressOf(req?.headers),
          new Date(),
        );
        // next-auth hands this to the sign-in form, which shows only known codes.
        if (!result.ok) throw new Error(result.code ?? "WrongCredentials");
        return result.value;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = new Date();
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sid = await startSession(db, user.id, now, SESSION_SECONDS);
        return token;
      }
      // Every later read (`/api/auth/session`, the client's session refresh): the session must
      // still be live, and the role and name are the database's, not the cookie's.
      const identity = identityOf(token);
      const live = identity ? await liveSessionUser(db, identity, now) : null;
      if (!live) throw new SessionEnded();
      token.role = live.role;
      token.name = live.name;
      token.email = live.email;
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
    // Only paths of this site (next-auth's default lets `/\evil.example` through to the browser).
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl)) url = url.slice(baseUrl.length) || "/";
      return `${baseUrl}${safeReturnPath(url)}`;
    },
  },
  events: {
    async signOut({ token }) {
      const identity = identityOf(token);
      if (identity) await endSession(db, identity.sessionId, new Date());
    },
  },
  logger: {
    // An ended session is an expected answer ("signed out"), not an error worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && String(metadata).includes("SessionEnded")) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
