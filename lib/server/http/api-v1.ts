import "server-only";
import { type z } from "zod";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums.ts";
import { db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { CommandError } from "@/lib/server/command.ts";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate.ts";
import { apiDatabaseFault, guardDatabase, type RouteContext } from "./database-unavailable.ts";
import { MAX_BODY_BYTES, pathParams, readBody } from "@/lib/server/http/body.ts";
import { isJsonContentType } from "@/lib/http/request-guards.ts";

/** The error body of the Azure REST APIs: clients written for Azure Import/Export read it as is. */
export type ApiErrorDetail = { code: string; message: string; target?: string };
export type ApiErrorBody = {
  error: { code: string; message: string; target?: string; details?: ApiErrorDetail[] };
};

const NO_STORE = { "cache-control": "no-store" };

export function apiError(
  status: number,
  code: string,
  message: string,
  extra: { target?: string; details?: ApiErrorDetail[]; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = {
    error: {
      code,
      message,
      ...(extra.target ? { target: extra.target } : {}),
      ...(extra.details ? { details: extra.details } : {}),
    },
  };
  return Response.json(body, { status, headers: { ...NO_STORE, ...extra.headers } });
}

/** A command's refusal on the API: a status code and an Azure-style error code. */
const COMMAND_ERRORS: Record<CommandError["code"], { status: number; code: string }> = {
  not_found: { status: 404, code: "NotFound" },
  invalid: { status: 400, code: "InvalidRequest" },
  forbidden: { status: 403, code: "Forbidden" },
  refused: { status: 409, code: "InvalidState" },
  conflict: { status: 409, code: "Conflict" },
  already_done: { status: 409, code: "AlreadyDone" },
  unauthenticated: { status: 401, code: "AuthenticationFailed" },
  key_reused: { status: 422, code: "IdempotencyKeyReused" },
  busy: { status: 503, code: "ServiceUnavailable" },
};

export function apiCommandError(error: CommandError, target?: string): Response {
  // One 503 shape for a busy database, whether a command or the route met it.
  if (error.code === "busy") return apiDatabaseFault("busy", error.message);
  const { status, code } = COMMAND_ERRORS[error.code];
  return apiError(status, code, error.message, {
    ...(target ? { target } : {}),
    ...(error.rule ? { details: [{ code: "Rule", message: error.rule }] } : {}),
  });
}

export function apiJson(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { ...NO_STORE, ...init.headers },
  });
}

/** zod's issues as the error's details, each with the field it concerns as `target`. */
export function validationError(error: z.ZodError): Response {
  const details = error.issues.map((issue) => ({
    code: "InvalidValue",
    message: issue.message,
    target: issue.path.map(String).join(".") || undefined,
  }));
  const first = details[0];
  return apiError(400, "InvalidRequest", first?.message ?? "The request is not valid.", {
    ...(first?.target ? { target: first.target } : {}),
    details: details.map((d) => (d.target ? d : { code: d.code, message: d.message })),
  });
}

export { MAX_BODY_BYTES };

export type ApiContext<A extends ActorRef> = {
  actor: A;
  now: Date;
  request: Request;
  params: Record<string, string>;
};

type Actors = {
  customer: Extract<ActorRef, { type: "apiKey" }>;
  station: Extract<ActorRef, { type: "station" }>;
};

/**
 * A route of the public API: authenticate the key (of the kind this route is for), parse the path
 * parameters, the query and the JSON body with zod, then run. Every refusal is an Azure-shaped
 * error with a status code, and changes nothing.
 */
export function apiRoute<K extends ApiKeyKind, S extends z.ZodType>(
  kind: K,
  schema: S,
  run: (input: z.infer<S>, ctx: ApiContext<Actors[K]>) => Promise<Response>,
  options: { body?: boolean } = {},
) {
  return guardDatabase(apiDatabaseFault, async (request: Request, context?: RouteContext) => {
    const now = new Date();
    const caller = await authenticateApiKey(db, request, kind, now);
    if (!caller.ok) {
      return apiError(caller.status, caller.code, caller.message, {
        ...(caller.status === 401 ? { headers: { "www-authenticate": "Bearer" } } : {}),
      });
    }
    const params = await pathParams(context);
    if (!params) return apiError(404, "NotFound", "There is nothing at this address.");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    let body: unknown = undefined;
    if (options.body) {
      const text = await readBody(request, MAX_BODY_BYTES);
      if (text === null) {
        return apiError(
          413,
          "PayloadTooLarge",
          `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
        );
      }
      if (text.trim()) {
        if (!isJsonContentType(request.headers)) {
          return apiError(415, "UnsupportedMediaType", "Send the body as application/json.");
        }
        try {
          body = JSON.parse(text);
        } catch {
          return apiError(400, "InvalidJson", "The request body is not valid JSON.");
        }
      }
    }
    const parsed = schema.safeParse({ params, query, body });
    if (!parsed.success) return validationError(parsed.error);
    return run(parsed.data, { actor: caller.actor as Actors[K], now, request, params });
  });
}
