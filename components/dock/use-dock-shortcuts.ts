"use client";

import { useEffect, useRef } from "react";
import { saveSoundSettings, soundSettings } from "./dock-sounds";

/**
 * The dock's Alt shortcuts: Alt+M mutes or unmutes the sounds anywhere; with a package open, Alt+U
 * undoes the operator's last scan and Alt+C asks to close the package. The latest handlers are
 * used, without adding and removing the listener on every render.
 */
export function useDockShortcuts(
  packageId: string | null,
  handlers: { undo: () => void; close: () => void },
) {
  const latest = useRef({ packageId, ...handlers });
  useEffect(() => {
    latest.current = { packageId, ...handlers };
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey) return;
      if (e.code === "KeyM" || e.key.toLowerCase() === "m") {
        e.preventDefault();
        saveSoundSettings({ ...soundSettings(), muted: !soundSettings().muted });
        return;
      }
      const { packageId: open, undo, close } = latest.current;
      if (!open) return;
      if (e.key.toLowerCase() === "u") {
        e.preventDefault();
        undo();
      } else if (e.key.toLowerCase() === "c") {
        e.preventDefault();
        close();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
