import type { Role } from "@/lib/permissions.ts";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
  interface User {
    id: string;
    name: string;
    email: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The server-side session (UserSession.id): checked on every request. */
    sid?: string;
    role?: Role;
  }
}
