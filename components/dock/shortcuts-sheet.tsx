"use client";

import { useRef } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

const SHORTCUTS: [keys: string, what: string][] = [
  ["Scan, or type and Enter", "Open a package by its label, then scan its drives"],
  ["Alt+U", "Undo your last scan (within 5 minutes)"],
  ["Alt+C", "Close the open package (asks first)"],
  ["Alt+M", "Mute or unmute the dock's sounds"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close this sheet or a question"],
];

/** The dock's keyboard shortcuts (`?`). Any scan closes it and goes to the scan field. */
export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onDismiss={onClose}
      labelledBy="shortcuts-title"
      initialFocus={close}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/50"
    >
      <div className="space-y-3 p-5">
        <h2 id="shortcuts-title" className="text-xl font-bold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-400 bg-slate-50 px-1.5 py-0.5 font-mono text-sm">
                  {keys}
                </kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-700">
          A scan always goes to the scan field, wherever the focus is; it closes this sheet.
        </p>
        <div className="flex justify-end">
          <Button ref={close} onClick={onClose} variant="secondary">
            Close
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
