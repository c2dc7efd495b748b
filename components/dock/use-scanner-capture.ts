"use client";

import { useEffect, useRef, type RefObject } from "react";
import {
  BURST,
  continuesRun,
  endsBurst,
  remember,
  type KeyStroke,
} from "@/lib/dock/scanner-burst.ts";

/** A field where a person types text of their own: their keys are theirs, never a scan. */
function isOtherTextEntry(el: EventTarget | null, field: HTMLInputElement | null): boolean {
  if (!(el instanceof HTMLElement) || el === field) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return ["text", "search", "email", "password", "number", "tel", "url", "date", "time"].includes(
    el.type,
  );
}

/**
 * Every scan reaches the scan field, wherever the focus is (issue 13, hazards 1 and 2). One
 * keydown listener on the document, in the capture phase, sees each key before anything on the
 * page does:
 *
 * - A character typed anywhere but a text field (the page after a click on empty space, a button,
 *   an open dialog) goes to the scan field: the open dialogs close as cancelled (the close dialog's
 *   "Keep it open": nothing closes), the field takes focus and the character, and the keys after it
 *   land in the field by themselves. Nothing is lost and no button sees it.
 * - An Enter or a space at scanner speed right after those characters (lib/dock/scanner-burst.ts)
 *   is part of the scan: it never activates the button that has focus; the Enter submits the scan.
 *   A person's Enter or space on a button still presses it.
 * - `?` opens the keyboard shortcuts (`onShortcuts`) when it starts nothing: it waits one burst
 *   gap, and if the next key comes at scanner speed the `?` was the start of a code and goes to
 *   the field with it.
 */
export function useScannerCapture(
  field: RefObject<HTMLInputElement | null>,
  onShortcuts: () => void,
): void {
  const shortcuts = useRef(onShortcuts);
  useEffect(() => {
    shortcuts.current = onShortcuts;
  });

  useEffect(() => {
    let strokes: KeyStroke[] = [];
    let question: ReturnType<typeof setTimeout> | null = null;

    /** Put text at the end of the scan field, with focus, after closing whatever dialog is open. */
    function deliver(text: string) {
      const input = field.current;
      if (!input) return;
      for (const dialog of document.querySelectorAll<HTMLDialogElement>("dialog[open]"))
        dialog.close("scan");
      if (document.activeElement !== input) input.focus();
      input.value += text;
      input.setSelectionRange(input.value.length, input.value.length);
    }

    function takeQuestionMark(): string {
      if (question === null) return "";
      clearTimeout(question);
      question = null;
      return "?";
    }

    function onKeyDown(e: KeyboardEvent) {
      if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      const input = field.current;
      if (!input) return;
      const at = e.timeStamp;
      const before = strokes;
      const character = e.key.length === 1;
      if (character || e.key === "Enter") strokes = remember(strokes, { key: e.key, at });
      else return;
      if (isOtherTextEntry(e.target, input)) {
        strokes = [];
        return;
      }
      const inField = e.target === input;

      if (e.key === "?" && !continuesRun(before, at) && (!inField || input.value === "")) {
        // The shortcuts, unless this is the first character of a scanner burst.
        e.preventDefault();
        e.stopPropagation();
        takeQuestionMark();
        question = setTimeout(() => {
          question = null;
          shortcuts.current();
        }, BURST.maxGapMs + 10);
        return;
      }
      const held = takeQuestionMark();
      if (inField) {
        if (held) deliver(held);
        return;
      }
      if (e.key === "Enter" || e.key === " ") {
        const scanner = held !== "" || endsBurst(before, at) || continuesRun(before, at);
        if (!scanner) return; // a person pressing the button that has focus
        e.preventDefault();
        e.stopPropagation();
        if (e.key === " ") return deliver(`${held} `);
        deliver(held);
        input.form?.requestSubmit();
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      deliver(held + e.key);
    }

    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      if (question !== null) clearTimeout(question);
    };
  }, [field]);
}
