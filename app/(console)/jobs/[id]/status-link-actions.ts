"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state.ts";
import { env } from "@/lib/env.ts";
import { protectedAction } from "@/lib/server/action.ts";
import type { CommandResult } from "@/lib/server/command.ts";
import { db } from "@/lib/server/db.ts";
import {
  createStatusLink,
  revokeStatusLink,
  rotateStatusLink,
  type NewStatusLink,
} from "@/lib/server/status-links/commands.ts";
import { publicOrigin, statusLinkUrl } from "@/lib/server/status-links/link-url.ts";

const jobSchema = z.object({ jobId: z.uuid("There is no such job.") });

/**
 * Where the customer's link starts: NEXTAUTH_URL (the public URL) when set, else this request's
 * own origin. Called outside a request (a test calling the action directly), the link is relative.
 */
async function linkOrigin(): Promise<string | null> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return publicOrigin(new Headers(), configured);
  try {
    return publicOrigin(await headers(), undefined);
  } catch {
    return null;
  }
}

/** A new link's full URL travels once, in `secret`; the page never renders it. */
async function withLink(
  result: CommandResult<NewStatusLink>,
  message: string,
): Promise<ActionState> {
  if (!result.ok) return { ok: false, error: result.error.message };
  revalidatePath(`/jobs/${result.value.jobId}`);
  return { ok: true, message, secret: statusLinkUrl(await linkOrigin(), result.value.token) };
}

/** An action that makes a new link (create or rotate) and hands its URL over once. */
function linkAction(command: typeof createStatusLink | typeof rotateStatusLink, message: string) {
  return protectedAction("statusLinks:manage", jobSchema, async (input, { user, now }) =>
    withLink(await command(db, user.actor, input.jobId, now), message),
  );
}

/** A supervisor or an admin makes the job's customer status link (none may be active yet). */
export const createStatusLinkAction = linkAction(
  createStatusLink,
  "Status link created. Copy it now: it is shown only this once.",
);

/** Revoke the active link and make a new one: the old link stops working at once. */
export const rotateStatusLinkAction = linkAction(
  rotateStatusLink,
  "New status link made; the old one no longer works. Copy it now: it is shown only this once.",
);

/** Revoke the job's link: the customer's page answers "not found" from now on. */
export const revokeStatusLinkAction = protectedAction(
  "statusLinks:manage",
  jobSchema,
  async (input, { user, now }) => {
    const result = await revokeStatusLink(db, user.actor, input.jobId, now);
    if (!result.ok) return { ok: false, error: result.error.message };
    revalidatePath(`/jobs/${input.jobId}`);
    return { ok: true, message: "Status link revoked: it no longer works." };
  },
);
