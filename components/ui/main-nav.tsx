"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The page is this item's, or one below it (/jobs/abc is under Jobs). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The item the page belongs to: the longest match, so /dock/expected is Expected, not Dock. */
export function currentItem(pathname: string, items: NavItem[]): string | undefined {
  return items
    .filter((item) => isCurrent(pathname, item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** The main navigation, marking the page the reader is on (aria-current and a visible bar). */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const currentHref = currentItem(pathname, items);
  return (
    <nav aria-label="Main" className="flex-1">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className="inline-block border-b-2 border-transparent py-1 font-medium text-slate-700 hover:text-blue-800 aria-[current=page]:border-blue-800 aria-[current=page]:font-semibold aria-[current=page]:text-blue-900"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
