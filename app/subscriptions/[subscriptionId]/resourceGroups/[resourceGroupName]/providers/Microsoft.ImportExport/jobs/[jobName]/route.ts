import { jobRoutes } from "@/lib/server/http/job-routes.ts";

/**
 * Azure's Jobs_Get, Jobs_Create, Jobs_Update and Jobs_Delete on the ARM resource path, as Azure's
 * SDKs call them (`?api-version=2021-01-01`): the same operations as /api/v1/jobs/{jobName}.
 */
const routes = jobRoutes("arm");

export const GET = routes.GET;
export const PUT = routes.PUT;
export const PATCH = routes.PATCH;
export const DELETE = routes.DELETE;
