"use client";

import { ErrorMessage, useRetry } from "@/components/errors/error-page";

/**
 * A console page that failed to render: the message stands inside the console's layout, so the
 * navigation, the signed-in user and sign-out stay where they were.
 */
export default function ConsolePageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorMessage digest={error.digest} onRetry={useRetry(reset)} />;
}
