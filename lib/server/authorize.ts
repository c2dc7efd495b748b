import "server-only";
import { can, type Permission } from "@/lib/permissions.ts";
import { currentUser, type CurrentUser } from "@/lib/server/auth/current-user.ts";

export type Authorization =
  { ok: true; user: CurrentUser } | { ok: false; status: 401 | 403; message: string };

/**
 * The check at every entry point (server action, route handler, page query): a live session of an
 * enabled user whose role has the permission. The proxy's redirect is a convenience, not this.
 */
export async function authorize(permission: Permission): Promise<Authorization> {
  const user = await currentUser();
  if (!user)
    return { ok: false, status: 401, message: "You are signed out. Sign in again to continue." };
  if (!can(user.role, permission)) {
    return {
      ok: false,
      status: 403,
      message: "Your role does not allow this. Ask a supervisor or an administrator.",
    };
  }
  return { ok: true, user };
}
