import { listJobsRoute } from "@/lib/server/http/job-routes.ts";

/** Azure's Jobs_ListByResourceGroup: the customer's jobs made under this resource group. */
export const GET = listJobsRoute("resourceGroup");
