import "server-only";
import type { Db } from "@/lib/server/db.ts";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: "operator" | "supervisor" | "admin";
  disabled: boolean;
  lastSignInAt: Date | null;
};

/** The users page: everyone, by role (operators first) then by name. Never the password hash. */
export async function listUsers(database: Db): Promise<UserRow[]> {
  return database.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      lastSignInAt: true,
    },
  });
}
