"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorPage } from "@/components/errors/error-page";

/** A page that failed to render (a database outage, or a bug): Dockside's own page, not a blank. */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const router = useRouter();
  return (
    <ErrorPage
      digest={error.digest}
      onRetry={() =>
        // Re-render from the server, then reset the boundary: a plain reset() would reuse the
        // failed server payload.
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
