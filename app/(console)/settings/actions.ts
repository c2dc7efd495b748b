"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/server/action.ts";
import { TIME_ZONE_COOKIE } from "@/lib/time/format.ts";
import { timeZoneChoiceSchema } from "@/lib/validation/settings.ts";

/**
 * Every staff page writes times in the zone chosen here (a cookie of this browser: the zone is
 * where the reader sits, not a fact about them). "browser" forgets the choice: the console then
 * takes the browser's zone again.
 */
export const saveTimeZoneAction = protectedAction(
  "jobs:read",
  timeZoneChoiceSchema,
  async ({ timeZone }) => {
    const jar = await cookies();
    if (timeZone === "browser") jar.delete(TIME_ZONE_COOKIE);
    else
      jar.set(TIME_ZONE_COOKIE, timeZone, {
        path: "/",
        maxAge: 365 * 24 * 3600,
        sameSite: "lax",
      });
    revalidatePath("/", "layout");
    return {
      ok: true,
      message:
        timeZone === "browser"
          ? "Times follow this browser's time zone."
          : `Times are shown in ${timeZone}.`,
    };
  },
);
