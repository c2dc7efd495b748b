import "server-only";
import { db as defaultDb, type Db } from "@/lib/server/db.ts";
import type { DriveState, JobState, JobType } from "@/lib/generated/prisma/enums.ts";

export const JOBS_PAGE_SIZE = 50;

export type JobListRow = {
  id: string;
  name: string;
  customerName: string;
  type: JobType;
  state: JobState;
  percentComplete: number;
  cancelRequested: boolean;
  drives: { total: number; atDatacenter: number; shippedBack: number; faulted: number };
  extraDrives: number;
  stateChangedAt: Date;
};

export type JobList = {
  rows: JobListRow[];
  total: number;
  page: number;
  pageCount: number;
  countsByState: Partial<Record<JobState, number>>;
};

const AT_DATACENTER: DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "Faulted",
];

/** The jobs page: one page of jobs, newest change first, with drive counts for each. */
export async function listJobs(
  filter: { state?: JobState; search?: string; page?: number },
  database: Db = defaultDb,
): Promise<JobList> {
  const where = {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.search
      ? {
          OR: [
            { name: { contains: filter.search, mode: "insensitive" as const } },
            { customer: { name: { contains: filter.search, mode: "insensitive" as const } } },
            { deliveryTrackingNumber: { contains: filter.search } },
          ],
        }
      : {}),
  };
  const [total, grouped] = await Promise.all([
    database.job.count({ where }),
    database.job.groupBy({ by: ["state"], _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const jobs = await database.job.findMany({
    where,
    orderBy: [{ stateChangedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * JOBS_PAGE_SIZE,
    take: JOBS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      type: true,
      state: true,
      percentComplete: true,
      cancelRequested: true,
      stateChangedAt: true,
      customer: { select: { name: true } },
    },
  });
  const driveCounts = await database.drive.groupBy({
    by: ["jobId", "state", "extra"],
    where: { jobId: { in: jobs.map((j) => j.id) } },
    _count: { _all: true },
  });
  const rows = jobs.map((job): JobListRow => {
    const mine = driveCounts.filter((c) => c.jobId === job.id);
    const listed = mine.filter((c) => !c.extra);
    const sum = (pred: (s: DriveState) => boolean) =>
      listed.filter((c) => pred(c.state)).reduce((n, c) => n + c._count._all, 0);
    return {
      id: job.id,
      name: job.name,
      customerName: job.customer.name,
      type: job.type,
      state: job.state,
      percentComplete: job.percentComplete,
      cancelRequested: job.cancelRequested,
      stateChangedAt: job.stateChangedAt,
      drives: {
        total: sum(() => true),
        atDatacenter: sum((s) => AT_DATACENTER.includes(s)),
        shippedBack: sum((s) => s === "ShippedBack"),
        faulted: sum((s) => s === "Faulted"),
      },
      extraDrives: mine.filter((c) => c.extra).reduce((n, c) => n + c._count._all, 0),
    };
  });
  const countsByState = Object.fromEntries(grouped.map((g) => [g.state, g._count._all]));
  return { rows, total, page, pageCount, countsByState };
}
