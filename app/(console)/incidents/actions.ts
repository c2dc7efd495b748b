"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { openIncidentByHand, recordIncidentOutcome } from "@/lib/server/incidents/commands.ts";
import {
  OUTCOME_LABELS,
  openReturnAddressSchema,
  openReturnedDrivesSchema,
  recordOutcomeSchema,
} from "@/lib/validation/incidents.ts";

const INCIDENTS_PAGE = "/incidents";

function revalidate(jobId: string | null) {
  // The list and every incident page under it.
  revalidatePath(INCIDENTS_PAGE, "layout");
  if (jobId) revalidatePath(`/jobs/${jobId}`);
}

export const recordOutcomeAction = protectedAction(
  "incidents:work",
  recordOutcomeSchema,
  async ({ incidentId, ...input }, { user, now }) => {
    const result = await recordIncidentOutcome(db, user.actor, incidentId, input, now);
    if (result.ok) revalidate(result.value.jobId);
    return fromCommand(
      result,
      (r) =>
        `${OUTCOME_LABELS[r.outcome]}: recorded${r.resolved ? "; the incident is resolved" : ""}.`,
    );
  },
);

/** A supervisor opens an incident of one of the hand-opened kinds on a job (R-E3, R-E4). */
function openByHand(
  kind: "ReturnedDrivesLostOrDamaged" | "ReturnAddressInvalid",
  schema: typeof openReturnedDrivesSchema | typeof openReturnAddressSchema,
  opened: string,
) {
  return protectedAction("incidents:work", schema, async (input, { user, now }) => {
    const result = await openIncidentByHand(
      db,
      user.actor,
      { kind, jobId: input.jobId, summary: input.summary },
      now,
    );
    if (result.ok) revalidate(input.jobId);
    return fromCommand(result, () => opened);
  });
}

/** R-E3: returned drives of a Completed or Closed export job never arrived or came back damaged. */
export const openReturnedDrivesIncidentAction = openByHand(
  "ReturnedDrivesLostOrDamaged",
  openReturnedDrivesSchema,
  "The R-E3 incident is open.",
);

/** R-E4: the return address of a Transferring or Packaging job is wrong or missing. */
export const openReturnAddressIncidentAction = openByHand(
  "ReturnAddressInvalid",
  openReturnAddressSchema,
  "The R-E4 incident is open: contact the job's contact person for the right address (drives destroyed in 90 days if unreachable).",
);
