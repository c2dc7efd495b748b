/**
 * A plain HTTP client of Dockside's copy-station API (`/api/v1/stations/...`): what a copy
 * station's agent would run. No server code: it works against any Dockside it can reach.
 */
import {
  StationDriveList,
  StationDriveReport,
  type StationDrive,
  type StationFinish,
  type StationProgress,
} from "../validation/station-api.ts";

/** The API said no: an answer to act on (taken by another station, gone, refused), not to retry. */
export type ApiRefusal = { ok: false; status: number; code: string; message: string };
export type ApiAnswer<T> = { ok: true; value: T } | ApiRefusal;

/** Worth trying again: the network failed, or the server is overloaded or restarting. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type StationClient = ReturnType<typeof stationClient>;

export function stationClient(config: {
  baseUrl: string;
  key: string;
  fetch?: typeof fetch;
  /** How long one request may take before it counts as a network failure. */
  timeoutMs?: number;
}) {
  const doFetch = config.fetch ?? fetch;
  const base = config.baseUrl.replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? 15_000;

  async function send<T>(
    method: "GET" | "POST",
    path: string,
    parse: (json: unknown) => T,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${config.key}`,
      accept: "application/json",
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new TransientError(networkMessage(e));
    }
    if (response.status >= 500 || response.status === 429) {
      const retryAfter = Number(response.headers.get("retry-after"));
      throw new TransientError(
        `HTTP ${response.status} from ${method} ${path}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      );
    }
    const json = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return { ok: true, value: parse(json) };
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    return {
      ok: false,
      status: response.status,
      code: error?.code ?? `HTTP${response.status}`,
      message: error?.message ?? `HTTP ${response.status} from ${method} ${path}`,
    };
  }

  const report = (json: unknown) => StationDriveReport.parse(json);
  const drivePath = (id: string, action: string) =>
    `/api/v1/stations/drives/${encodeURIComponent(id)}/${action}`;

  return {
    queue(filter: {
      state: "Received" | "Transferring";
      top?: number;
      jobName?: string;
    }): Promise<ApiAnswer<StationDrive[]>> {
      const query = new URLSearchParams({ state: filter.state, $top: String(filter.top ?? 50) });
      if (filter.jobName) query.set("jobName", filter.jobName);
      return send(
        "GET",
        `/api/v1/stations/drives?${query}`,
        (json) => StationDriveList.parse(json).value,
      );
    },
    start: (id: string, idempotencyKey?: string) =>
      send("POST", drivePath(id, "start"), report, undefined, idempotencyKey),
    progress: (id: string, body: StationProgress, idempotencyKey?: string) =>
      send("POST", drivePath(id, "progress"), report, body, idempotencyKey),
    finish: (id: string, body: StationFinish, idempotencyKey?: string) =>
      send("POST", drivePath(id, "finish"), report, body, idempotencyKey),
  };
}

function networkMessage(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    if (e.name === "TimeoutError") return "the request timed out";
    return cause?.code ?? cause?.message ?? e.message;
  }
  return String(e);
}
