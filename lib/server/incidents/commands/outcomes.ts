import "server-only";
import type { ContactChannel } from "@/lib/generated/prisma/enums.ts";
import {
  INCIDENT_DEFINITIONS,
  canCorrectReturnAddress,
  canRecordReturnFailed,
  canWorkIncidents,
  contactWait,
  extendedAnswerDeadline,
  type ContactResult,
} from "@/lib/domain/index.ts";
import type { Db, Tx } from "@/lib/server/db.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  fromRefusal,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import { applyJobEvent } from "@/lib/server/jobs/commands.ts";
import { disposeOfIncidentDrives } from "@/lib/server/incidents/commands/dispose-drives.ts";
import { OUTCOME_LABELS, type IncidentOutcome } from "@/lib/validation/incidents.ts";
import { returnAddressSchema, type ReturnAddress } from "@/lib/validation/return-address.ts";

export type OutcomeInput = {
  outcome: IncidentOutcome;
  note: string;
  channel?: ContactChannel;
  /** contacted: what came of it, chosen (R-F2); askedToWait needs `waitUntil`. */
  result?: ContactResult;
  waitUntil?: Date;
  /** R-E2: the day the customer asked us to wait until; the wait lasts to its end (UTC). */
  extendUntil?: Date;
  method?: string;
  serials?: string[];
  /** R-E4: the right address, from the job's contact person. */
  returnAddress?: ReturnAddress;
};

export type OutcomeResult = {
  incidentId: string;
  jobId: string | null;
  outcome: IncidentOutcome;
  resolved: boolean;
  destructionRecordId?: string;
};

const loadIncident = (tx: Tx, id: string) =>
  tx.incident.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      kind: true,
      status: true,
      jobId: true,
      driveId: true,
      contactDeadline: true,
      answerDeadline: true,
      returnFailedAt: true,
    },
  });

/**
 * A wait the customer asked for moves the deadline it concerns (R-E2's answer, R-E1's contact),
 * never earlier: the queue's countdown then shows the day the sweep will act on.
 */
function deadlinesAfterWait(
  row: { kind: string; contactDeadline: Date | null; answerDeadline: Date | null },
  until: Date | null,
): Record<string, Date> {
  if (until === null) return {};
  const later = (at: Date | null) => at !== null && until.getTime() > at.getTime();
  if (row.kind === "PackageOverdue" && later(row.answerDeadline)) return { answerDeadline: until };
  if (row.kind === "JobNotShipping" && later(row.contactDeadline))
    return { contactDeadline: until };
  return {};
}

/**
 * One outcome a supervisor records on an incident (R-E1..R-E5), in one transaction with a version
 * check on the incident and one event "incident.<outcome>". Outcomes that end the incident resolve
 * it; a resolved incident takes no further outcome.
 */
export function recordIncidentOutcome(
  database: Db,
  actor: ActorRef,
  incidentId: string,
  input: OutcomeInput,
  now: Date,
): Promise<CommandResult<OutcomeResult>> {
  return runCommand(database, async (tx) => {
    if (actor.type !== "user") return fail("forbidden", "Only staff record incident outcomes.");
    const row = await loadIncident(tx, incidentId);
    if (!row) return fail("not_found", "There is no such incident.");
    const def = INCIDENT_DEFINITIONS[row.kind];
    const who = canWorkIncidents(domainActor(actor), def.rule);
    if (!who.ok) return fromRefusal(who.refusal);
    if (row.status !== "Open") {
      return fail(
        "already_done",
        `This incident is already resolved: "${OUTCOME_LABELS[input.outcome]}" cannot be recorded on it.`,
        def.rule,
      );
    }
    const event = (extra: Record<string, unknown> = {}, toState?: string) =>
      appendEvent(tx, {
        actor,
        at: now,
        kind: `incident.${input.outcome}`,
        jobId: row.jobId,
        driveId: row.driveId,
        incidentId: row.id,
        ...(toState ? { fromState: "Open", toState } : {}),
        reason: input.note,
        data: { kind: row.kind, rule: def.rule, ...extra } as never,
      });
    const result = (resolved: boolean, more: Partial<OutcomeResult> = {}) =>
      done<OutcomeResult>({
        incidentId: row.id,
        jobId: row.jobId,
        outcome: input.outcome,
        resolved,
        ...more,
      });
    const resolve = (resolution: string) =>
      updateVersioned(tx.incident, "incident", row, {
        status: "Resolved",
        resolvedAt: now,
        resolvedById: actor.id,
        resolution,
      });

    switch (input.outcome) {
      case "contacted": {
        if (!input.result) return fail("invalid", "Say what came of the contact.", def.rule);
        const wait = contactWait(input.result, input.waitUntil, now);
        if (!wait.ok) return fromRefusal(wait.refusal);
        const attempt = await tx.contactAttempt.create({
          data: {
            jobId: row.jobId,
            driveId: row.driveId,
            incidentId: row.id,
            channel: input.channel ?? "email",
            result: input.result,
            waitUntil: wait.value,
            outcome: input.note,
            at: now,
            byUserId: actor.id,
          },
          select: { id: true },
        });
        const moved = deadlinesAfterWait(row, wait.value);
        await updateVersioned(tx.incident, "incident", row, moved);
        await event({
          contactAttemptId: attempt.id,
          channel: input.channel ?? "email",
          result: input.result,
          waitUntil: wait.value?.toISOString() ?? null,
          ...Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.toISOString()])),
        });
        return result(false);
      }
      case "returnFailed": {
        const allowed = canRecordReturnFailed(row);
        if (!allowed.ok) return fromRefusal(allowed.refusal);
        await updateVersioned(tx.incident, "incident", row, { returnFailedAt: now });
        await event({});
        return result(false);
      }
      case "extended": {
        if (!input.extendUntil) {
          return fail("invalid", "Give the date the customer asked to wait until (R-E2).", "R-E2");
        }
        const until = extendedAnswerDeadline(row, input.extendUntil, now);
        if (!until.ok) return fromRefusal(until.refusal);
        await updateVersioned(tx.incident, "incident", row, { answerDeadline: until.value });
        await event({
          answerDeadline: until.value.toISOString(),
          previousAnswerDeadline: row.answerDeadline?.toISOString() ?? null,
        });
        return result(false);
      }
      case "jobCancelled": {
        if (!row.jobId) return fail("refused", "This incident has no job to cancel.", def.rule);
        const cancelled = await applyJobEvent(
          tx,
          actor,
          row.jobId,
          { type: "cancel", reason: input.note },
          now,
        );
        if (!cancelled.ok) return cancelled;
        await resolve(`Job cancelled: ${input.note}`);
        await event({ jobFrom: cancelled.value.from, jobTo: cancelled.value.to }, "Resolved");
        return result(true);
      }
      case "drivesReturned": {
        const returned = await disposeOfIncidentDrives(tx, actor, row, "drivesReturned", now);
        if (!returned.ok) return returned;
        const which = returned.value.serials;
        await resolve(
          `Drives returned${which.length ? ` (${which.join(", ")})` : ""}: ${input.note}`,
        );
        await event({ serials: which }, "Resolved");
        return result(true);
      }
      case "drivesDestroyed": {
        if (!input.method || !input.serials?.length) {
          return fail("invalid", "Name the destruction method and every destroyed drive's serial.");
        }
        // R-E1, R-E4: only the incident's own drives, still here and not part of a live job's path.
        const destroyed = await disposeOfIncidentDrives(
          tx,
          actor,
          row,
          "drivesDestroyed",
          now,
          input.serials,
        );
        if (!destroyed.ok) return destroyed;
        const serials = destroyed.value.serials;
        const record = await tx.destructionRecord.create({
          data: {
            incidentId: row.id,
            destroyedAt: now,
            method: input.method,
            serials,
            byUserId: actor.id,
            byName: actor.label,
          },
          select: { id: true },
        });
        await resolve(`Drives destroyed (${input.method}): ${serials.join(", ")}. ${input.note}`);
        await event({ destructionRecordId: record.id, method: input.method, serials }, "Resolved");
        return result(true, { destructionRecordId: record.id });
      }
      case "addressCorrected": {
        // Checked again here: the command is the last line, whatever called it.
        const address = returnAddressSchema.safeParse(input.returnAddress);
        if (!address.success) {
          return fail(
            "invalid",
            address.error.issues[0]?.message ?? "Give the complete corrected return address.",
            "R-E4",
          );
        }
        const job = row.jobId
          ? await tx.job.findUnique({
              where: { id: row.jobId },
              select: {
                id: true,
                version: true,
                state: true,
                faultedFrom: true,
                returnAddress: true,
              },
            })
          : null;
        const allowed = canCorrectReturnAddress(
          { kind: row.kind, resolvedAt: null },
          job,
          domainActor(actor),
          address.data,
        );
        if (!allowed.ok) return fromRefusal(allowed.refusal);
        if (!job) return fail("not_found", "There is no such job.", "R-E4");
        // The job keeps its state: only its address changes, under its own version check.
        await updateVersioned(tx.job, "job", job, { returnAddress: address.data });
        await resolve(`Return address corrected to ${oneLine(address.data)}. ${input.note}`);
        await event(
          { returnAddress: address.data, previousReturnAddress: job.returnAddress ?? null },
          "Resolved",
        );
        return result(true);
      }
      case "resolved":
        await resolve(input.note);
        await event({}, "Resolved");
        return result(true);
    }
  });
}

/** An address on one line, as a resolution note shows it. */
function oneLine(a: ReturnAddress): string {
  return [
    a.recipientName,
    a.streetAddress1,
    a.streetAddress2,
    [a.postalCode, a.city].join(" "),
    a.stateOrProvince,
    a.countryOrRegion,
  ]
    .filter(Boolean)
    .join(", ");
}
