"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { revealBitLockerKey } from "@/lib/server/drives/commands.ts";
import { cancelJob } from "@/lib/server/jobs/commands.ts";
import { multiLineText } from "@/lib/validation/text.ts";

const revealKeySchema = z.object({ driveId: z.uuid() });

const cancelJobSchema = z.object({
  jobId: z.uuid(),
  reason: multiLineText()
    .min(3, "Say why the job is cancelled (3 characters at least).")
    .max(500, "Keep the reason under 500 characters."),
});

/**
 * A supervisor reveals one drive's BitLocker key: the key travels only in this response, never in
 * the page (which re-renders to list the recorded reveal among the job's events).
 */
export const revealKeyAction = protectedAction(
  "keys:reveal",
  revealKeySchema,
  async (input, { user, now }) => {
    const result = await revealBitLockerKey(db, user.actor, input.driveId, now);
    if (result.ok && result.value.jobId) revalidatePath(`/jobs/${result.value.jobId}`);
    return fromCommand(result, (r) => r.key);
  },
);

/** R-J14: a supervisor cancels a job, with a reason, where the domain allows it now. */
export const cancelJobAction = protectedAction(
  "jobs:cancel",
  cancelJobSchema,
  async (input, { user, now }) => {
    const result = await cancelJob(db, user.actor, input.jobId, input.reason, now);
    if (result.ok) {
      revalidatePath(`/jobs/${input.jobId}`);
      revalidatePath("/jobs");
    }
    return fromCommand(result, (r) => `The job is cancelled; it is now ${r.to}.`);
  },
);
