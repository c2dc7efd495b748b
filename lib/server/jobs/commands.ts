/**
 * The jobs' writers. Callers import them from here; the pieces live in `commands/`: a job created
 * and moved through the job machine from the console, the dock and the sweep (`lifecycle.ts`), and
 * the customer Job API's Put, Update and Delete (`api-put.ts`, `api-update.ts`, `api-delete.ts`).
 * A command's shared steps inside a transaction (`loadJob`, settling a job after a drive changed)
 * are in `job-state.ts`.
 */
export {
  applyJobEvent,
  cancelJob,
  changeJob,
  createJob,
  createJobIn,
  faultJob,
  jobEventRecord,
  markJobShipping,
  propertyColumns,
  resolveJobFault,
  updateJobProperties,
  type JobProperties,
  type NewDrive,
  type NewJob,
} from "@/lib/server/jobs/commands/lifecycle.ts";
export { putJob } from "@/lib/server/jobs/commands/api-put.ts";
export {
  updateJobFromApi,
  type ApiCustomer,
  type JobChanges,
} from "@/lib/server/jobs/commands/api-update.ts";
export { deleteJobFromApi } from "@/lib/server/jobs/commands/api-delete.ts";
