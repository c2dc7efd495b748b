import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/lib/permissions.ts";
import { authorize } from "@/lib/server/authorize.ts";
import type { CurrentUser } from "@/lib/server/auth/current-user.ts";

/**
 * For pages: a signed-out visitor goes to the sign-in page (and comes back after); a signed-in
 * user without the permission gets the console's "not for your role" page with status 403
 * (app/(console)/forbidden.tsx).
 */
export async function requirePage(
  permission: Permission,
  returnTo: string,
): Promise<{ ok: true; user: CurrentUser }> {
  const auth = await authorize(permission);
  if (auth.ok) return auth;
  if (auth.status === 401) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  forbidden();
}
