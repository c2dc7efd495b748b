"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useSearch } from "@/components/search/use-search";
import { SEARCH_KIND_LABELS } from "@/lib/views/search.ts";

/**
 * Search everywhere (Ctrl+K or ⌘K, or the header's button): a modal dialog holding a combobox and
 * its listbox of results. The native <dialog> keeps focus inside while open and Escape closes
 * it; focus goes back to where it was. Arrow keys move through the results, Enter opens one (or,
 * with none chosen, the full results page).
 */
export function CommandPalette() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const router = useRouter();
  const [text, setText] = useState("");
  const { q, hits, loading, error, settled } = useSearch(text);
  // The chosen option belongs to one answer: new text, nothing chosen.
  const [chosen, setChosen] = useState({ q: "", index: -1 });
  const active = chosen.q === q ? chosen.index : -1;
  const setActive = (next: (current: number) => number) => setChosen({ q, index: next(active) });
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  const open = useCallback(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    returnTo.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    d.showModal();
    input.current?.focus();
    input.current?.select();
  }, []);
  const close = useCallback(() => dialog.current?.close(), []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const go = (href: string) => {
    close();
    setText("");
    router.push(href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === "Home" && hits.length && e.ctrlKey) {
      e.preventDefault();
      setActive(() => 0);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const hit = hits[active];
      if (hit) go(hit.href);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    }
  };

  const status = !q
    ? "Type a drive serial, a tracking number, a job or a customer."
    : error
      ? `Search failed: ${error.message}`
      : loading || !settled
        ? "Searching…"
        : hits.length === 0
          ? `Nothing matches “${q}”.`
          : `${hits.length} ${hits.length === 1 ? "result" : "results"}; arrow keys to choose, Enter to open.`;

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-keyshortcuts="Control+K"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50"
      >
        Search
        <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-600">Ctrl K</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${ids}-title`}
        onClose={() => {
          setChosen({ q: "", index: -1 });
          returnTo.current?.focus();
        }}
        onClick={(e) => {
          if (e.target === dialog.current) close();
        }}
        className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-2 p-3">
          <h2 id={`${ids}-title`} className="sr-only">
            Search everything
          </h2>
          <label htmlFor={`${ids}-input`} className="text-sm font-semibold text-slate-800">
            Search drives, tracking numbers, jobs and customers
          </label>
          <input
            ref={input}
            id={`${ids}-input`}
            type="text"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            className="w-full rounded-md border border-slate-400 px-3 py-2 font-mono"
          />
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {status}
          </p>
          <ul
            id={listId}
            role="listbox"
            aria-label="Results"
            className="max-h-[50vh] overflow-y-auto"
          >
            {hits.map((hit, i) => (
              <li
                key={`${hit.kind}-${hit.id}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(hit.href)}
                onMouseMove={() => setActive(() => i)}
                className="flex cursor-pointer flex-wrap items-baseline gap-x-2 rounded px-2 py-1.5 aria-selected:bg-blue-100"
              >
                <span className="w-28 shrink-0 text-xs font-semibold text-slate-600 uppercase">
                  {SEARCH_KIND_LABELS[hit.kind]}
                </span>
                <span className="font-mono font-medium text-slate-900">{hit.label}</span>
                <span className="text-sm text-slate-700">{hit.detail}</span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-600">
            Esc closes ·{" "}
            <a
              href={`/search?q=${encodeURIComponent(text.trim())}`}
              className="text-blue-800 underline"
            >
              All results
            </a>
          </p>
        </div>
      </dialog>
    </>
  );
}
