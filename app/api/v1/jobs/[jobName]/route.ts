import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { apiCommandError, apiError, apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { deleteJobFromApi, putJob, updateJobFromApi } from "@/lib/server/jobs/api-commands.ts";
import { findApiJob, jobPath } from "@/lib/server/jobs/api-view.ts";
import { JobName, PutJobParameters, UpdateJobParameters } from "@/lib/validation/job-api.ts";

/**
 * One job of the key's customer, by name (Azure's Get Job, Put Job, Update Job Properties and
 * Delete Job). Another customer's job is answered exactly like a job that does not exist.
 */
const byName = z.object({ params: z.object({ jobName: JobName }) });

const notFound = (name: string) =>
  apiError(404, "NotFound", `You have no job named ${name}.`, { target: "params.jobName" });

/** The job as it is now, after a command changed it. */
async function answer(customerId: string, name: string, status: number, headers = {}) {
  const job = await findApiJob(db, customerId, name);
  return job ? apiJson(job, { status, headers }) : notFound(name);
}

export const GET = apiRoute("customer", byName, async ({ params }, { actor }) =>
  answer(actor.customerId, params.jobName, 200),
);

export const PUT = apiRoute(
  "customer",
  byName.extend({ body: PutJobParameters }),
  async ({ params, body }, { actor, now, request }) => {
    const result = await putJob(db, actor, params.jobName, body.properties, now);
    if (!result.ok) {
      return apiCommandError(
        result.error,
        result.error.code === "conflict" ? "params.jobName" : undefined,
      );
    }
    const location = new URL(jobPath(params.jobName), request.url).toString();
    return answer(actor.customerId, params.jobName, 201, { location });
  },
  { body: true },
);

export const PATCH = apiRoute(
  "customer",
  byName.extend({ body: UpdateJobParameters }),
  async ({ params, body }, { actor, now }) => {
    const result = await updateJobFromApi(db, actor, params.jobName, body.properties, now);
    if (!result.ok) return apiCommandError(result.error);
    return answer(actor.customerId, params.jobName, 200);
  },
  { body: true },
);

export const DELETE = apiRoute("customer", byName, async ({ params }, { actor, now }) => {
  const result = await deleteJobFromApi(db, actor, params.jobName, now);
  if (!result.ok) return apiCommandError(result.error);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
