import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

const LINKS = [
  { href: "/jobs", label: "Jobs" },
  { href: "/dock", label: "Dock" },
  { href: "/help", label: "Help" },
  { href: "/sign-in", label: "Sign in" },
];

/**
 * Any address with nothing behind it (and a path with a malformed percent-escape, proxy.ts): the
 * site's own page, with the way back, answered with status 404. It reads no session, so it is the
 * same for everyone; the console's pages send a signed-out visitor to sign in first.
 */
export default function NotFound() {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-slate-900">
            Dockside
          </Link>
          <nav aria-label="Main" className="flex-1">
            <ul className="flex gap-4">
              {LINKS.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-medium text-slate-700 hover:text-blue-800">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-12">
        <p className="text-sm font-semibold tracking-wide text-blue-800 uppercase">Error 404</p>
        <h1 className="mt-1 text-3xl font-bold text-slate-900">Page not found</h1>
        <p className="mt-3 text-lg text-slate-700">
          There is nothing at this address. The link may be wrong, or what it pointed to was deleted
          after its retention period.
        </p>
        <ul className="mt-6 flex flex-wrap gap-3">
          <li>
            <Link
              href="/jobs"
              className="inline-flex rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
            >
              Go to the jobs list
            </Link>
          </li>
          <li>
            <Link
              href="/"
              className="inline-flex rounded-md border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
            >
              Go to the start page
            </Link>
          </li>
        </ul>
      </main>
    </div>
  );
}
