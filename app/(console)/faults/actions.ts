"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { resolveDriveFault } from "@/lib/server/drives/commands.ts";
import { resolveJobFault } from "@/lib/server/jobs/commands.ts";
import {
  raiseDriveFault,
  raiseJobFault,
  recordContactAttempt,
} from "@/lib/server/faults/commands.ts";
import {
  contactAttemptSchema,
  faultDriveSchema,
  faultJobSchema,
  resolveDriveFaultSchema,
  resolveJobFaultSchema,
} from "@/lib/validation/faults.ts";

const FAULTS_PAGE = "/faults";

function revalidate(jobId: string) {
  // The queue and every fault page under it.
  revalidatePath(FAULTS_PAGE, "layout");
  revalidatePath(`/jobs/${jobId}`);
}

export const faultJobAction = protectedAction(
  "faults:raise",
  faultJobSchema,
  async (input, { user, now }) => {
    const result = await raiseJobFault(db, user.actor, input.jobId, input, now);
    if (result.ok) revalidate(input.jobId);
    return fromCommand(result, () => "The job is Faulted; a supervisor will pick it up.");
  },
);

export const faultDriveAction = protectedAction(
  "faults:raise",
  faultDriveSchema,
  async (input, { user, now }) => {
    const result = await raiseDriveFault(db, user.actor, input.driveId, input, now);
    if (result.ok) revalidate(result.value.jobId);
    return fromCommand(result, (d) => `Drive ${d.serial} is Faulted.`);
  },
);

export const resolveJobFaultAction = protectedAction(
  "faults:resolve",
  resolveJobFaultSchema,
  async (input, { user, now }) => {
    const result = await resolveJobFault(db, user.actor, input.jobId, input.to, input.note, now);
    if (result.ok) revalidate(input.jobId);
    return fromCommand(result, (r) => `The job is back in ${r.to}.`);
  },
);

export const resolveDriveFaultAction = protectedAction(
  "faults:resolve",
  resolveDriveFaultSchema,
  async (input, { user, now }) => {
    const result = await resolveDriveFault(
      db,
      user.actor,
      input.driveId,
      input.to,
      input.note,
      now,
    );
    if (result.ok) revalidate(result.value.jobId);
    return fromCommand(result, (d) => `Drive ${d.serial} is back in ${d.to}.`);
  },
);

export const recordContactAction = protectedAction(
  "faults:resolve",
  contactAttemptSchema,
  async (input, { user, now }) => {
    const result = await recordContactAttempt(db, user.actor, input, now);
    if (result.ok) revalidate(input.jobId);
    return fromCommand(result, () => `The ${input.channel} contact is recorded.`);
  },
);
