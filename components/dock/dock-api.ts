"use client";

/** The dock's HTTP calls: JSON in, JSON out, and a readable message whatever goes wrong. */
export async function dockCall<T>(
  url: string,
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!response)
    return { ok: false, message: "The dock is offline: check the network and scan again." };
  const json = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
  if (!response.ok) {
    return {
      ok: false,
      message: json?.error?.message ?? `The server answered ${response.status}.`,
    };
  }
  return { ok: true, data: json as T };
}
