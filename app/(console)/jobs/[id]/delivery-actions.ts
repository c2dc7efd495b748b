"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { db } from "@/lib/server/db.ts";
import { resendDelivery } from "@/lib/server/notify/resend.ts";

/** A supervisor sends a message about the job again (lib/server/notify/resend.ts). */
export const resendDeliveryAction = protectedAction(
  "faults:resolve",
  z.object({ deliveryId: z.uuid("There is no such message.") }),
  async (input, { user, now }) => {
    const result = await resendDelivery(db, user.actor, input.deliveryId, now);
    if (result.ok && result.value.jobId) revalidatePath(`/jobs/${result.value.jobId}`);
    return fromCommand(result, () => "Queued: it goes out within a few seconds.");
  },
);
