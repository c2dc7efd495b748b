"use client";

import { useEffect, useRef, type ReactNode, type RefObject } from "react";

/**
 * A modal dialog on the native `<dialog>` and `showModal()`: the browser keeps the focus inside
 * it and the rest of the page inert while it is open. The parent owns `open`:
 *
 * - On opening, the focus goes to `initialFocus` (a dialog that asks opens on its safe choice),
 *   else to the dialog's first focusable element, as the browser does.
 * - Escape, or a `close()` from outside (a scan at the dock), calls `onDismiss`; the parent then
 *   sets `open` to false. The dialog never closes behind its parent's back.
 * - On closing, the focus goes back to what had it before the dialog opened, unless something
 *   else took it meanwhile (the dock's scan field, say).
 */
export function Dialog({
  open,
  onDismiss,
  labelledBy,
  initialFocus,
  className = "m-auto max-w-md rounded-lg p-0 backdrop:bg-black/50",
  children,
}: {
  open: boolean;
  onDismiss: () => void;
  /** The id of the dialog's heading, its accessible name. */
  labelledBy: string;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && d.open) d.close();
    if (!open && opener.current) {
      const active = document.activeElement;
      // Back to the opener, unless the focus already went somewhere on purpose.
      if (!active || active === document.body || d.contains(active)) opener.current.focus();
      opener.current = null;
    }
  }, [open, initialFocus]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onDismiss();
      }}
      onClose={() => {
        if (open) onDismiss();
      }}
      className={className}
    >
      {children}
    </dialog>
  );
}
