"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * Opens the browser's print dialog. Shown only once scripts run: without them the page is still
 * the whole label, printed with the browser's own Print command.
 */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!scripted) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
    >
      {label}
    </button>
  );
}
