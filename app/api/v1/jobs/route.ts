import { listJobsRoute } from "@/lib/server/http/job-routes.ts";

/** List Jobs: this key's customer's jobs, newest first, a page at a time. */
export const GET = listJobsRoute("v1");
