"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** How often a supervisor's live view asks again (only while its tab is visible). */
export const POLL_MS = 5_000;

type Snapshot = { generatedAt: string };

async function fetchView<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store" }).catch((e: unknown) => {
    if (signal.aborted) throw e;
    throw new Error("the server cannot be reached");
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok || json === null) {
    const refusal = json as { error?: { message?: string } } | null;
    throw new Error(refusal?.error?.message ?? `the server answered ${response.status}`);
  }
  return json as T;
}

/**
 * A page's data, kept fresh by polling its route handler (docs/architecture.md). The first paint
 * uses the server-rendered data (no fetch). When a server action re-renders the page with newer
 * data than the last poll, that data wins. The components below stay mounted across refetches
 * (keyed by item id), so nothing a supervisor is typing is lost.
 */
export function useLiveView<T extends Snapshot>(key: string, url: string, initial: T) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [key],
    queryFn: ({ signal }) => fetchView<T>(url, signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    staleTime: POLL_MS,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    const current = queryClient.getQueryData<T>([key]);
    if (!current || Date.parse(initial.generatedAt) > Date.parse(current.generatedAt)) {
      queryClient.setQueryData([key], initial, { updatedAt: Date.parse(initial.generatedAt) });
    }
  }, [initial, key, queryClient]);
  // The query always holds data (initialData); the fallback only satisfies the generic types.
  return { data: query.data ?? initial, error: query.error };
}
