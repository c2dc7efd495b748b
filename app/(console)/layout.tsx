import Link from "next/link";
import type { ReactNode } from "react";

const NAV = [{ href: "/jobs", label: "Jobs" }];

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-slate-900">
            Dockside
          </Link>
          <nav aria-label="Main">
            <ul className="flex gap-4">
              {NAV.map((item) => (
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
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
