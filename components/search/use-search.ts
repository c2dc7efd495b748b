"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { SearchAnswer } from "@/lib/views/search.ts";

const DEBOUNCE_MS = 150;

async function fetchSearch(q: string, signal: AbortSignal): Promise<SearchAnswer> {
  const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, {
    signal,
    cache: "no-store",
  });
  const json = (await response.json().catch(() => null)) as
    SearchAnswer | { error?: { message?: string } } | null;
  if (!response.ok || json === null || !("hits" in json)) {
    const message = json && "error" in json ? json.error?.message : undefined;
    throw new Error(message ?? `the server answered ${response.status}`);
  }
  return json;
}

/** What `GET /api/search` finds for the typed text, asked once typing pauses. */
export function useSearch(text: string) {
  const [q, setQ] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useQuery({
    queryKey: ["search", q],
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: q.length > 0,
    staleTime: 10_000,
  });
  return {
    q,
    hits: q.length > 0 ? (query.data?.hits ?? []) : [],
    loading: q.length > 0 && query.isFetching,
    error: q.length > 0 ? query.error : null,
    settled: q === text.trim() && !query.isFetching,
  };
}
