import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { apiError, apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { decodeJobCursor, encodeJobCursor, listApiJobs } from "@/lib/server/jobs/api-view.ts";
import { ListJobsQuery, type ListJobsResponse } from "@/lib/validation/job-api.ts";

/** List Jobs: this key's customer's jobs, newest first, a page at a time. */
export const GET = apiRoute(
  "customer",
  z.object({ query: ListJobsQuery }),
  async ({ query }, { actor, request }) => {
    const after = query.$skipToken ? decodeJobCursor(query.$skipToken) : null;
    if (query.$skipToken && !after) {
      return apiError(
        400,
        "InvalidRequest",
        "This $skipToken is not one the API gave out: start again from the first page.",
        { target: "query.$skipToken" },
      );
    }
    const page = await listApiJobs(db, actor.customerId, {
      top: query.$top,
      after,
      ...(query.$filter ? { state: query.$filter } : {}),
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
