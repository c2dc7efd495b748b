import "server-only";
import { redirect } from "next/navigation";
import type { Permission } from "@/lib/permissions.ts";
import { authorize } from "@/lib/server/authorize.ts";
import type { CurrentUser } from "@/lib/server/auth/current-user.ts";

/**
 * For pages: a signed-out visitor goes to the sign-in page (and comes back after); a signed-in
 * user without the permission gets `{ ok: false }` and the page shows why.
 */
export async function requirePage(
  permission: Permission,
  returnTo: string,
): Promise<{ ok: true; user: CurrentUser } | { ok: false }> {
  const auth = await authorize(permission);
  if (auth.ok) return auth;
  if (auth.status === 401) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { ok: false };
}
