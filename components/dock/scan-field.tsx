"use client";

import type { FormEvent, Ref } from "react";
import type { DockMode } from "./package-outcomes";

/** Receive or ship back: two toggle buttons, the pressed one is the dock's mode. */
export function ModeSwitch({
  mode,
  onChange,
}: {
  mode: DockMode;
  onChange: (mode: DockMode) => void;
}) {
  return (
    <nav aria-label="Dock mode" className="flex gap-2">
      {(["receive", "ship"] as const).map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={mode === m}
          onClick={() => onChange(m)}
          className="rounded-md border border-slate-400 px-4 py-2 font-semibold aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {m === "receive" ? "Receive" : "Ship back"}
        </button>
      ))}
    </nav>
  );
}

/**
 * The one field the dock exists for: a scanner types the code and presses Enter. Its label says
 * what to scan now (a package label, or a drive), and it has focus from the first paint.
 */
export function ScanField({
  ref,
  mode,
  packageOpen,
  onScan,
}: {
  ref: Ref<HTMLInputElement>;
  mode: DockMode;
  packageOpen: boolean;
  onScan: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const label = packageOpen
    ? mode === "ship"
      ? "Scan a drive going back"
      : "Scan a drive"
    : mode === "ship"
      ? "Scan the return package label"
      : "Scan the package label";
  return (
    <form onSubmit={onScan} className="space-y-2">
      <label htmlFor="scan" className="block text-xl font-bold">
        {label}
      </label>
      <input
        ref={ref}
        id="scan"
        // The dock page exists to take scans: the field has focus from the first paint.
        autoFocus
        name="scan"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="send"
        aria-describedby="scan-help"
        className="w-full rounded-lg border-4 border-slate-800 bg-white px-4 py-4 font-mono text-2xl tracking-wide focus:border-blue-700 2xl:text-4xl"
      />
      <p id="scan-help" className="text-sm text-slate-700">
        Scan, or type and press Enter.{" "}
        {packageOpen ? "Alt+U undoes your last scan. Alt+C closes the package. " : ""}? shows every
        shortcut.
      </p>
    </form>
  );
}
