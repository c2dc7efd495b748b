import "server-only";
import type { JobState } from "@/lib/generated/prisma/enums.ts";
import type { Db } from "@/lib/server/db.ts";
import type { JobResponse } from "@/lib/validation/job-api.ts";
import { scopeWhere } from "@/lib/server/jobs/arm-scope.ts";
import { API_JOB_SELECT, toApiJob } from "@/lib/server/jobs/queries/api-job.ts";

/** Where a page of List Jobs starts: after this job, newest first. */
export type JobCursor = { createdAt: Date; id: string };

export function encodeJobCursor(c: JobCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

/** A cursor's instant is one a job was created at: not before 2000, not after 9999. */
const CURSOR_FROM = Date.UTC(2000, 0, 1);
const CURSOR_UNTIL = Date.UTC(10000, 0, 1);
/** Ids are UUIDs; any id this API gave out is printable ASCII, and nothing else reaches the query. */
const CURSOR_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * The cursor in a `$skipToken`, or null when it is not one this API gave out. Only what
 * encodeJobCursor writes comes back: an ISO instant that round-trips exactly (a year -100000 or
 * 275760 is a valid JavaScript date that PostgreSQL cannot compare) and a printable id.
 */
export function decodeJobCursor(token: string): JobCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !CURSOR_ID.test(id)) return null;
    const createdAt = new Date(at);
    const time = createdAt.getTime();
    if (Number.isNaN(time) || time < CURSOR_FROM || time >= CURSOR_UNTIL) return null;
    return createdAt.toISOString() === at ? { createdAt, id } : null;
  } catch {
    return null;
  }
}

/**
 * List Jobs: one page of this customer's jobs, newest first, after the cursor. Ordered by
 * (createdAt, id), both descending, so a page boundary is stable while jobs come and go.
 */
export async function listApiJobs(
  db: Db,
  customerId: string,
  page: {
    top: number;
    after: JobCursor | null;
    state?: JobState;
    /** The ARM list paths: a subscription's jobs, or one resource group's. */
    scope?: { subscriptionId: string; resourceGroup?: string };
  },
): Promise<{ jobs: JobResponse[]; next: JobCursor | null }> {
  const after = page.after;
  const rows = await db.job.findMany({
    where: {
      customerId,
      ...(page.scope ? scopeWhere(page.scope) : {}),
      ...(page.state ? { state: page.state } : {}),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.top + 1,
    select: API_JOB_SELECT,
  });
  const shown = rows.slice(0, page.top);
  const last = shown[shown.length - 1];
  return {
    jobs: shown.map(toApiJob),
    next: rows.length > page.top && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
