import { listJobsRoute } from "@/lib/server/http/job-routes.ts";

/** Azure's Jobs_ListBySubscription: the customer's jobs made under this subscription. */
export const GET = listJobsRoute("subscription");
