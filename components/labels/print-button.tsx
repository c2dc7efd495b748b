"use client";

import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

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
  return <Button onClick={() => window.print()}>{label}</Button>;
}
