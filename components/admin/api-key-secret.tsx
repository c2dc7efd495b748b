"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A new API key, shown once. It lives only in the issuing form's state: dismissing it, leaving the
 * page (including into the back/forward cache) or reloading forgets it, and the server never
 * renders it into a page.
 */
export function ApiKeySecret({
  secret,
  keyName,
  onDismiss,
}: {
  secret: string;
  keyName: string;
  onDismiss: () => void;
}) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [copyNote, setCopyNote] = useState("");

  // Keyboard and screen-reader users land on the key, which appears far from the submit button.
  useEffect(() => {
    box.current?.focus();
  }, [secret]);

  useEffect(() => {
    window.addEventListener("pagehide", onDismiss);
    return () => window.removeEventListener("pagehide", onDismiss);
  }, [onDismiss]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(secret);
      setCopyNote("Copied to the clipboard.");
    } catch {
      // Insecure origins and some browsers refuse: select the text so a key press copies it.
      field.current?.focus();
      field.current?.select();
      setCopyNote(
        "Your browser did not let us copy: the key is selected, press Ctrl+C (⌘C on a Mac).",
      );
    }
  }

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-slate-950"
    >
      <h3 id={`${id}-title`} className="text-base font-bold">
        New key for {keyName}
      </h3>
      <p className="font-semibold">Store it now: it cannot be shown again.</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-key`} className="text-sm font-semibold text-slate-800">
          New API key
        </label>
        <textarea
          ref={field}
          id={`${id}-key`}
          readOnly
          value={secret}
          rows={1}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
          className="field-sizing-content w-full max-w-full min-w-0 resize-none rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm break-all"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={copy}>Copy key</Button>
        <Button onClick={onDismiss} variant="secondary">
          I have stored it
        </Button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-slate-900">
        {copyNote}
      </p>
    </section>
  );
}
