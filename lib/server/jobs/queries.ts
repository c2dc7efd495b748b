/**
 * The jobs' readers. Callers import them from here; the pieces live in `queries/`: the console's
 * list and its CSV export (`list.ts`, `csv-export.ts`), one job's page (`detail.ts`), and the
 * customer Job API's view of a job and its pages (`api-job.ts`, `api-list.ts`).
 */
export { JOB_EVENTS_LIMIT, jobDetail } from "@/lib/server/jobs/queries/detail.ts";
export {
  jobIdsPage,
  jobRowsByIds,
  listJobs,
  type JobList,
  type JobListRow,
  type Keyset,
} from "@/lib/server/jobs/queries/list.ts";
export { CSV_BATCH, csvFileName, jobsCsvStream } from "@/lib/server/jobs/queries/csv-export.ts";
export {
  API_JOB_SELECT,
  findApiJob,
  jobPath,
  readBlobList,
  toApiJob,
  type ApiJobRow,
} from "@/lib/server/jobs/queries/api-job.ts";
export {
  decodeJobCursor,
  encodeJobCursor,
  listApiJobs,
  type JobCursor,
} from "@/lib/server/jobs/queries/api-list.ts";
