import { POLL_MS } from "@/components/ui/use-live-view";
import { Time } from "@/components/ui/time";

/**
 * When the list on screen was read, and a quiet note if the last refresh failed (the list stays as
 * it was, and the page keeps trying). The time itself is not announced: it changes every few seconds.
 */
export function LiveStatus({ generatedAt, error }: { generatedAt: string; error: Error | null }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
      <p className="text-slate-700">
        Updated <Time at={generatedAt} clock />
        <span className="text-slate-600"> · refreshes every {POLL_MS / 1000} s</span>
      </p>
      <p role="status" aria-live="polite" className="text-amber-900">
        {error
          ? `Could not refresh (${error.message}); showing the list as of then, retrying.`
          : ""}
      </p>
    </div>
  );
}
