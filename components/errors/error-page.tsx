"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";

/**
 * The page shown when a page fails to render outside the console (app/error.tsx,
 * app/global-error.tsx): its own header with the way to every area, and the message.
 */
export function ErrorPage({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-slate-900">
            Dockside
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-4">
              {AREAS.map((a) => (
                <li key={a.href}>
                  <Link href={a.href} className="font-medium text-slate-700 hover:text-blue-800">
                    {a.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-12">
        <ErrorMessage digest={digest} onRetry={onRetry} />
      </main>
    </div>
  );
}

/**
 * What went wrong and a retry. It asks /api/health whether the database answers, so it can say
 * which went wrong. Inside the console (app/(console)/error.tsx) it stands in the console's own
 * layout, whose navigation stays usable.
 */
export function ErrorMessage({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const database = useDatabaseAnswers();
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="max-w-2xl">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900 outline-none">
        {database === false ? "The database is not answering" : "This page could not be shown"}
      </h1>
      <div role="status" aria-live="polite" className="mt-4 space-y-3 text-slate-700">
        {database === false ? (
          <p>
            Dockside cannot reach its database just now, so nothing can be read or saved. Work
            already saved is safe. Try again in a few seconds; if it lasts, tell whoever runs
            Dockside.
          </p>
        ) : (
          <p>
            Something went wrong on our side while preparing this page. Nothing you did caused it.
            Try again, or go to another part of Dockside.
          </p>
        )}
        {digest ? (
          <p className="text-sm text-slate-600">
            Reference for support: <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      <button
        type="button"
        onClick={onRetry}
        className="mt-6 rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Try again
      </button>
    </div>
  );
}

/**
 * An error boundary's retry: re-render from the server, then reset the boundary (a plain reset()
 * would reuse the failed server payload).
 */
export function useRetry(reset: () => void): () => void {
  const router = useRouter();
  return () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
}

const AREAS = [
  { href: "/dock", label: "Dock" },
  { href: "/jobs", label: "Jobs" },
  { href: "/faults", label: "Faults" },
  { href: "/incidents", label: "Incidents" },
  { href: "/help", label: "Help" },
  { href: "/sign-in", label: "Sign in" },
];

/** true, false, or null while asking (or when the server itself does not answer). */
function useDatabaseAnswers(): boolean | null {
  const [answers, setAnswers] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => live && setAnswers(r.ok ? true : r.status === 503 ? false : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return answers;
}
