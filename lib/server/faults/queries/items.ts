import "server-only";
import type {
  ContactChannel,
  ContactResult,
  DriveState,
  JobState,
} from "@/lib/generated/prisma/enums.ts";
import {
  allowedDriveEvents,
  allowedJobEvents,
  driveResolutionTargets,
  jobResolutionTargets,
  type Actor,
} from "@/lib/domain/index.ts";
import type { Db } from "@/lib/server/db.ts";
import { toJobSnapshot } from "@/lib/server/jobs/snapshot.ts";

const DAY_MS = 86_400_000;

export type FaultContact = {
  channel: ContactChannel;
  at: Date;
  result: ContactResult;
  waitUntil: Date | null;
  outcome: string;
};

type Common = {
  id: string;
  jobId: string;
  jobName: string;
  faultedFrom: string | null;
  reason: string | null;
  since: Date;
  ageDays: number;
  customer: {
    id: string;
    name: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
  };
  contactCount: number;
  lastContact: FaultContact | null;
};

/** One row of the faults queue: a faulted job or drive, and where the domain lets it go (R-F3). */
export type FaultItem =
  | (Common & { kind: "job"; serial: null; targets: JobState[] })
  | (Common & { kind: "drive"; serial: string; targets: DriveState[] });

const CUSTOMER = {
  select: { id: true, name: true, contactName: true, contactEmail: true, contactPhone: true },
} as const;

/**
 * The supervisors' queue (R-F2, R-F3): every Faulted job and drive, oldest first, with its age,
 * the customer's contact, the contact attempts so far and the states the domain offers now.
 */
export async function faultsQueue(db: Db, now: Date): Promise<FaultItem[]> {
  return faultItems(db, now);
}

/**
 * Faulted jobs and drives as the queue shows them; only these ids when given (a page of the
 * queue, or one fault's page). Oldest first.
 */
export async function faultItems(
  db: Db,
  now: Date,
  only?: { jobIds: readonly string[]; driveIds: readonly string[] },
): Promise<FaultItem[]> {
  const [jobs, drives] = await Promise.all([
    only && only.jobIds.length === 0
      ? []
      : db.job.findMany({
          where: { state: "Faulted", ...(only ? { id: { in: [...only.jobIds] } } : {}) },
          include: { customer: CUSTOMER, drives: { select: { state: true, extra: true } } },
        }),
    only && only.driveIds.length === 0
      ? []
      : db.drive.findMany({
          where: {
            state: "Faulted",
            jobId: { not: null },
            ...(only ? { id: { in: [...only.driveIds] } } : {}),
          },
          include: { job: { include: { customer: CUSTOMER } } },
        }),
  ]);
  const jobIds = [...new Set([...jobs.map((j) => j.id), ...drives.flatMap((d) => d.jobId ?? [])])];
  const attempts = jobIds.length
    ? await db.contactAttempt.findMany({
        where: { jobId: { in: jobIds } },
        orderBy: { at: "desc" },
        select: {
          jobId: true,
          driveId: true,
          channel: true,
          at: true,
          result: true,
          waitUntil: true,
          outcome: true,
        },
      })
    : [];
  // A job's fault is discussed on attempts with no drive; a drive's on its own attempts; only
  // those since it became Faulted (an automatic email about an earlier state is not about it).
  const contactsOf = (jobId: string, driveId: string | null, since: Date) => {
    const mine = attempts.filter(
      (a) => a.jobId === jobId && a.driveId === driveId && a.at.getTime() >= since.getTime(),
    );
    const last = mine[0];
    return {
      contactCount: mine.length,
      lastContact: last
        ? {
            channel: last.channel,
            at: last.at,
            result: last.result,
            waitUntil: last.waitUntil,
            outcome: last.outcome,
          }
        : null,
    };
  };
  const age = (since: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));

  const items: FaultItem[] = [
    ...jobs.map((j): FaultItem => ({
      kind: "job",
      id: j.id,
      jobId: j.id,
      jobName: j.name,
      serial: null,
      faultedFrom: j.faultedFrom,
      reason: j.faultReason,
      since: j.stateChangedAt,
      ageDays: age(j.stateChangedAt),
      customer: j.customer,
      ...contactsOf(j.id, null, j.stateChangedAt),
      targets: jobResolutionTargets(toJobSnapshot(j, j.drives)),
    })),
    ...drives.flatMap((d): FaultItem[] =>
      d.job
        ? [
            {
              kind: "drive",
              id: d.id,
              jobId: d.job.id,
              jobName: d.job.name,
              serial: d.serial,
              faultedFrom: d.faultedFrom,
              reason: d.faultReason,
              since: d.stateChangedAt,
              ageDays: age(d.stateChangedAt),
              customer: d.job.customer,
              ...contactsOf(d.job.id, d.id, d.stateChangedAt),
              targets: driveResolutionTargets(
                { state: d.state, faultedFrom: d.faultedFrom, extra: d.extra },
                {
                  job: {
                    type: d.job.type,
                    state: d.job.state,
                    cancelRequested: d.job.cancelRequested,
                  },
                },
              ),
            },
          ]
        : [],
    ),
  ];
  return items.sort((a, b) => a.since.getTime() - b.since.getTime() || a.id.localeCompare(b.id));
}

/**
 * What this actor may move to Faulted on the job page (R-F1): the job itself and which drives,
 * as the domain's allowed events say. Nothing for an unknown job.
 */
export async function faultableOnJob(
  db: Db,
  jobId: string,
  actor: Actor,
  now: Date,
): Promise<{ job: boolean; drives: { id: string; serial: string }[] }> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job) return { job: false, drives: [] };
  const drives = await db.drive.findMany({
    where: { jobId },
    orderBy: [{ extra: "asc" }, { createdAt: "asc" }, { serial: "asc" }],
    select: { id: true, serial: true, state: true, faultedFrom: true, extra: true },
  });
  const ctx = { job: { type: job.type, state: job.state, cancelRequested: job.cancelRequested } };
  return {
    job: allowedJobEvents(toJobSnapshot(job, drives), actor, now).includes("fault"),
    drives: drives
      .filter((d) => allowedDriveEvents(d, actor, ctx).includes("fault"))
      .map((d) => ({ id: d.id, serial: d.serial })),
  };
}
