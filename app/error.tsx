"use client";

import { ErrorPage, useRetry } from "@/components/errors/error-page";

/** A page that failed to render (a database outage, or a bug): Dockside's own page, not a blank. */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPage digest={error.digest} onRetry={useRetry(reset)} />;
}
