/**
 * Is this error the database not answering (stopped, unreachable, restarting, out of connections,
 * or too busy to take the request now), rather than a bug? Such a request gets 503 with
 * Retry-After: the client should try again, and nothing was changed (a transaction that lost its
 * connection is rolled back by the server). Every route wrapper asks here, so the answer is the
 * same everywhere. Only type imports: the sweep and scripts use it too.
 */
import type { ApiErrorBody } from "./api-v1.ts";
import type { ApiError } from "./route-handler.ts";

export type DatabaseFault = "unavailable" | "busy";

/** The second argument Next.js passes a route handler. */
export type RouteContext = { params?: Promise<Record<string, string>> };

/** Seconds a client should wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_FAULT_MESSAGES: Record<DatabaseFault, string> = {
  unavailable: "The database is not answering. Nothing was changed: try again in a few seconds.",
  busy: "The database is busy. Nothing was changed: try again in a few seconds.",
};

// Prisma: can't reach (P1001), timed out connecting (P1002), server closed the connection (P1017),
// timed out waiting for a pooled connection (P2024).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1017", "P2024"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// PostgreSQL: shutting down or starting (57P01-57P03), too many connections (53300); class 08 is
// "connection exception".
const SQLSTATE_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300"]);
// Lock timeout (55P03) and statement timeout (57014): the database is there but busy.
const SQLSTATE_BUSY = new Set(["55P03", "57014"]);
// What the driver adapter reports (DriverAdapterError's cause.kind).
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Timed out fetching a new connection from the connection pool/i,
  /the database system is (shutting down|starting up)/i,
  /terminating connection due to administrator command/i,
  /too many clients already/i,
];
const BUSY_MESSAGES = [/canceling statement due to (statement|lock) timeout/i, /lock timeout/i];

type Inspectable = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };

/** The kind of database fault this error is, or null when it is something else (a bug). */
export function databaseFault(error: unknown): DatabaseFault | null {
  let busy = false;
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, kind, message, cause } = e as Inspectable;
    if (typeof code === "string") {
      if (PRISMA_UNAVAILABLE.has(code) || SOCKET_CODES.has(code)) return "unavailable";
      if (SQLSTATE_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return "unavailable";
      if (SQLSTATE_BUSY.has(code)) busy = true;
    }
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return "unavailable";
    if (typeof message === "string") {
      if (MESSAGES.some((m) => m.test(message))) return "unavailable";
      if (BUSY_MESSAGES.some((m) => m.test(message))) busy = true;
    }
    queue.push(cause);
    // AggregateError (a connection attempt to several addresses) keeps its errors here.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return busy ? "busy" : null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFault(error) !== null;
}

/**
 * Run a route handler; if the database fails under it, answer with `respond` (the route's own
 * error shape, status 503, Retry-After) instead of a 500, and log one line. Other errors go on.
 */
export function guardDatabase<A extends unknown[]>(
  respond: (fault: DatabaseFault, message: string) => Response,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const fault = databaseFault(error);
      if (!fault) throw error;
      console.error(`database ${fault}: ${describeDatabaseError(error)}`);
      return respond(fault, DATABASE_FAULT_MESSAGES[fault]);
    }
  };
}

/** The short cause of a database error, for a log line (no query text, no parameters). */
export function describeDatabaseError(error: unknown): string {
  const e = error as Inspectable;
  const code = typeof e?.code === "string" ? `${e.code} ` : "";
  const first = String(e?.message ?? error)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return `${code}${first ?? "unknown error"}`.slice(0, 200);
}

const RETRY_HEADERS = {
  "cache-control": "no-store",
  "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
};

/** For the staff routes (/api/dock, /api/faults, ...): their `{ error: { code, message } }`. */
export function staffDatabaseFault(fault: DatabaseFault, message: string): Response {
  const body: ApiError = { error: { code: `database_${fault}`, message } };
  return Response.json(body, { status: 503, headers: RETRY_HEADERS });
}

/** For the Job and station APIs (/api/v1): the Azure-shaped `ServiceUnavailable`. */
export function apiDatabaseFault(_fault: DatabaseFault, message: string): Response {
  const body: ApiErrorBody = { error: { code: "ServiceUnavailable", message } };
  return Response.json(body, { status: 503, headers: RETRY_HEADERS });
}
