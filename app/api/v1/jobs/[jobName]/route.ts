import { jobRoutes } from "@/lib/server/http/job-routes.ts";

/**
 * One job of the key's customer, by name (Azure's Get Job, Put Job, Update Job Properties and
 * Delete Job). Another customer's job is answered exactly like a job that does not exist. The
 * same operations answer on the ARM paths (app/subscriptions/...).
 */
const routes = jobRoutes("v1");

export const GET = routes.GET;
export const PUT = routes.PUT;
export const PATCH = routes.PATCH;
export const DELETE = routes.DELETE;
