"use client";

import { useRef } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

/**
 * Confirm before closing: the drives still missing will be marked NeverReceived (R-D4). It opens
 * on its safe choice, "Keep it open", so an Enter that lands here by accident closes nothing; a
 * scan while it is open cancels it (components/dock/use-scanner-capture.ts) and goes to the field.
 */
export function ClosePackageDialog({
  open,
  missing,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  missing: string[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  // Escape, or a close from outside (a scan came in): cancelled, as "Keep it open".
  return (
    <Dialog open={open} onDismiss={onCancel} labelledBy="close-package-title" initialFocus={keep}>
      <div className="space-y-3 p-5">
        <h2 id="close-package-title" className="text-xl font-bold">
          Close this package?
        </h2>
        {missing.length > 0 ? (
          <>
            <p>
              These drives were not in it and will be marked <strong>never received</strong> (R-D4):
            </p>
            <ul
              aria-label="Drives to mark never received"
              className="max-h-48 overflow-y-auto font-mono"
            >
              {missing.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Every expected drive is in.</p>
        )}
        <div className="flex justify-end gap-2 pt-2">
          <Button ref={keep} onClick={onCancel} variant="secondary">
            Keep it open
          </Button>
          <Button onClick={onConfirm} variant="danger">
            Close package
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
