"use client";

/** Why a call could not be answered: the database is down (503), or the server is unreachable. */
export type Unavailable = "database" | "network";

export type DockCallResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; unavailable?: Unavailable; retryAfterSeconds?: number };

/** A poll that failed because of an outage, so the page can say so once, not as an error. */
export class DockUnavailableError extends Error {
  constructor(
    message: string,
    readonly unavailable: Unavailable,
  ) {
    super(message);
  }
}

/** The dock's HTTP calls: JSON in, JSON out, and a readable message whatever goes wrong. */
export async function dockCall<T>(url: string, body?: unknown): Promise<DockCallResult<T>> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!response)
    return {
      ok: false,
      message: "The dock is offline: check the network and scan again.",
      unavailable: "network",
    };
  const json = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
  if (!response.ok) {
    return {
      ok: false,
      message: json?.error?.message ?? `The server answered ${response.status}.`,
      ...(response.status === 503
        ? {
            unavailable: "database" as const,
            retryAfterSeconds: Number(response.headers.get("retry-after")) || undefined,
          }
        : {}),
    };
  }
  return { ok: true, data: json as T };
}
