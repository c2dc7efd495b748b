import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { apiCommandError, apiError, apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { ArmJobScope, ArmQuery, ArmSubscription } from "@/lib/validation/arm.ts";
import { deleteJobFromApi, updateJobFromApi, putJob } from "@/lib/server/jobs/commands.ts";
import {
  decodeJobCursor,
  encodeJobCursor,
  findApiJob,
  jobPath,
  listApiJobs,
} from "@/lib/server/jobs/queries.ts";
import { armJobPath, type ArmScope } from "@/lib/server/jobs/arm-scope.ts";
import {
  JobName,
  ListJobsQuery,
  PutJobParameters,
  UpdateJobParameters,
  type ListJobsResponse,
} from "@/lib/validation/job-api.ts";

/**
 * The Job API's operations, once, behind both path styles: Dockside's own (`/api/v1/jobs/...`)
 * and Azure Resource Manager's (`/subscriptions/{s}/resourceGroups/{g}/providers/
 * Microsoft.ImportExport/jobs/...?api-version=2021-01-01`), which Azure's SDKs call. On the ARM
 * paths a customer key may name any subscription and resource group: they sort that customer's
 * jobs, are stored with a new job and reach it there (lib/server/jobs/arm-scope.ts).
 */

type Style = "v1" | "arm";

const noJob = (name: string) =>
  apiError(404, "NotFound", `You have no job named ${name}.`, { target: "params.jobName" });

function scopeOf(style: Style, params: Record<string, string>): ArmScope | null {
  if (style === "v1") return null;
  return { subscriptionId: params.subscriptionId!, resourceGroup: params.resourceGroupName! };
}

function paramsSchema(style: Style) {
  const jobName = { jobName: JobName };
  return style === "v1"
    ? z.object({ params: z.object(jobName) })
    : z.object({ params: ArmJobScope.extend(jobName), query: ArmQuery });
}

/** The job as it is now, after a command changed it. */
async function answer(
  customerId: string,
  name: string,
  scope: ArmScope | null,
  status: number,
  headers: Record<string, string> = {},
) {
  const job = await findApiJob(db, customerId, name, scope);
  return job ? apiJson(job, { status, headers }) : noJob(name);
}

/** Get Job, Put Job (create or update), Update Job Properties and Delete Job. */
export function jobRoutes(style: Style) {
  const byName = paramsSchema(style);
  return {
    GET: apiRoute("customer", byName, async ({ params }, { actor }) =>
      answer(actor.customerId, params.jobName, scopeOf(style, params), 200),
    ),
    PUT: apiRoute(
      "customer",
      byName.extend({ body: PutJobParameters }),
      async ({ params, body }, { actor, now, request }) => {
        const scope = scopeOf(style, params);
        const result = await putJob(db, actor, params.jobName, body, now, scope);
        if (!result.ok) {
          return apiCommandError(
            result.error,
            result.error.code === "conflict" ? "params.jobName" : undefined,
          );
        }
        const path = scope ? armJobPath(scope, params.jobName) : jobPath(params.jobName);
        const location = new URL(path, request.url).toString();
        const status = result.value.created ? 201 : 200;
        return answer(actor.customerId, params.jobName, scope, status, { location });
      },
      { body: true },
    ),
    PATCH: apiRoute(
      "customer",
      byName.extend({ body: UpdateJobParameters }),
      async ({ params, body }, { actor, now }) => {
        const scope = scopeOf(style, params);
        const changes = {
          properties: body.properties ?? {},
          ...(body.tags ? { tags: body.tags } : {}),
        };
        const result = await updateJobFromApi(db, actor, params.jobName, changes, now, scope);
        if (!result.ok) return apiCommandError(result.error);
        return answer(actor.customerId, params.jobName, scope, 200);
      },
      { body: true },
    ),
    // 200, not 204: Azure's SDKs take Delete Job's only success answer to be 200.
    DELETE: apiRoute("customer", byName, async ({ params }, { actor, now }) => {
      const scope = scopeOf(style, params);
      const result = await deleteJobFromApi(db, actor, params.jobName, now, scope);
      if (!result.ok) return apiCommandError(result.error);
      return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
    }),
  };
}

/**
 * List Jobs: the customer's jobs, newest first, a page at a time with `nextLink`. On the ARM
 * paths, those of one subscription or of one resource group.
 */
export function listJobsRoute(style: "v1" | "subscription" | "resourceGroup") {
  const params =
    style === "v1" ? z.object({}) : style === "subscription" ? ArmSubscription : ArmJobScope;
  const query = style === "v1" ? ListJobsQuery : ListJobsQuery.extend(ArmQuery.shape);
  return apiRoute(
    "customer",
    z.object({ params, query }),
    async ({ params: p, query: q }, { actor, request }) => {
      const after = q.$skipToken ? decodeJobCursor(q.$skipToken) : null;
      if (q.$skipToken && !after) {
        return apiError(
          400,
          "InvalidRequest",
          "This $skipToken is not one the API gave out: start again from the first page.",
          { target: "query.$skipToken" },
        );
      }
      const arm = p as { subscriptionId?: string; resourceGroupName?: string };
      const page = await listApiJobs(db, actor.customerId, {
        top: q.$top,
        after,
        ...(q.$filter ? { state: q.$filter } : {}),
        ...(arm.subscriptionId
          ? {
              scope: {
                subscriptionId: arm.subscriptionId,
                ...(arm.resourceGroupName ? { resourceGroup: arm.resourceGroupName } : {}),
              },
            }
          : {}),
      });
      const body: ListJobsResponse = { value: page.jobs };
      if (page.next) {
        const next = new URL(request.url);
        next.searchParams.set("$skipToken", encodeJobCursor(page.next));
        body.nextLink = next.toString();
      }
      return apiJson(body);
    },
  );
}

/**
 * BitLockerKeys_List: not offered. Keys are accepted at Put Job and never leave the datacenter's
 * records; a supervisor reveals one when it is needed, and that is recorded.
 */
export function bitLockerKeysRoute(style: Style) {
  return apiRoute("customer", paramsSchema(style), async () =>
    apiError(
      403,
      "OperationNotOffered",
      "Dockside does not return BitLocker keys: a key you gave with your drives stays with the datacenter and is never sent back through the API. You still have your own copy of each key.",
    ),
  );
}
