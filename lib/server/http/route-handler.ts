import "server-only";
import { z } from "zod";
import type { Permission } from "@/lib/permissions.ts";
import { authorize } from "@/lib/server/authorize.ts";
import type { CurrentUser } from "@/lib/server/auth/current-user.ts";
import type { CommandError } from "@/lib/server/command.ts";
import { staffDatabaseFault, guardDatabase, type RouteContext } from "./database-unavailable.ts";
import { isJsonContentType, isSameOrigin } from "@/lib/http/request-guards.ts";
import { MAX_BODY_BYTES, pathParams, readBody } from "@/lib/server/http/body.ts";

export type ApiError = {
  error: { code: string; message: string; fields?: Record<string, string[]> };
};

const STATUS: Record<CommandError["code"], number> = {
  not_found: 404,
  invalid: 422,
  forbidden: 403,
  refused: 409,
  conflict: 409,
  already_done: 409,
  unauthenticated: 401,
  key_reused: 422,
  busy: 503,
};

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string[]>,
) {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } } satisfies ApiError,
    {
      status,
      headers: { "cache-control": "no-store" },
    },
  );
}

export function commandErrorResponse(error: CommandError) {
  // A command that met a busy database (a lock or statement timeout, no connection in time)
  // answers like a route that met it: one 503 shape, with Retry-After.
  if (error.code === "busy") return staffDatabaseFault("busy", error.message);
  return errorResponse(STATUS[error.code], error.code, error.message);
}

/**
 * A route handler for signed-in staff: authorize (a live session whose role has the permission,
 * re-read from the database), parse the JSON body or the query with zod, then run. Refusals are
 * JSON errors with a message a person can read, and change nothing.
 */
export function staffRoute<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  source: "body" | "query",
  run: (
    input: z.infer<S>,
    ctx: { user: CurrentUser; now: Date; request: Request },
  ) => Promise<Response>,
) {
  return guardDatabase(staffDatabaseFault, async (request: Request, context?: RouteContext) => {
    const auth = await authorize(permission);
    if (!auth.ok)
      return errorResponse(
        auth.status,
        auth.status === 401 ? "unauthenticated" : "forbidden",
        auth.message,
      );
    const params = await pathParams(context);
    if (!params) return errorResponse(404, "not_found", "There is nothing at this address.");
    const parsed = await parseRequest(request, schema, source, params);
    if (!parsed.ok) return parsed.response;
    return run(parsed.data, { user: auth.user, now: new Date(), request });
  });
}

/**
 * What a route that changes data accepts before anything parses it: a request from a page of this
 * site (a cross-site form post riding on the cookie is refused), of at most 1 MB, with a JSON body
 * (a `text/plain` form post is a "simple" request a browser sends cross-site without asking; an
 * empty body, closing a package, needs no type) that is an object. The body, or the answer.
 */
async function jsonBodyFromOurSite(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const refuse = (status: number, code: string, message: string) => ({
    ok: false as const,
    response: errorResponse(status, code, message),
  });
  if (!isSameOrigin(request.headers))
    return refuse(403, "forbidden", "This request came from another site.");
  const text = await readBody(request, MAX_BODY_BYTES);
  if (text === null) return refuse(413, "too_large", "The request body is larger than 1 MB.");
  if (!text.trim()) return { ok: true, body: undefined };
  if (!isJsonContentType(request.headers))
    return refuse(415, "unsupported_media_type", "Send the body as application/json.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, "invalid_json", "The request body is not valid JSON.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return refuse(400, "invalid_json", "The request body is a JSON object.");
  return { ok: true, body };
}

/**
 * The request's JSON body (checked by jsonBodyFromOurSite) or query, with the route's params,
 * parsed by the schema; a refusal is the answer to give (422 naming each field when the schema
 * refuses).
 */
export async function parseRequest<S extends z.ZodType>(
  request: Request,
  schema: S,
  source: "body" | "query",
  params: Record<string, string> = {},
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  if (source === "query") raw = Object.fromEntries(new URL(request.url).searchParams);
  else {
    const body = await jsonBodyFromOurSite(request);
    if (!body.ok) return body;
    raw = body.body;
  }
  const parsed = schema.safeParse(
    raw && typeof raw === "object" ? { ...raw, ...params } : { ...params },
  );
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const first = Object.values(fields).flat()[0] ?? "The request is not valid.";
    return { ok: false, response: errorResponse(422, "invalid", first, fields) };
  }
  return { ok: true, data: parsed.data };
}
