import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AlertsBadge } from "@/components/alerts/alerts-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CommandPalette } from "@/components/search/command-palette";
import { MainNav } from "@/components/ui/main-nav";
import { TimeZoneProvider } from "@/components/ui/time";
import { TimeZoneDetector } from "@/components/ui/time-zone-detector";
import { NAVIGATION, ROLE_LABELS, can } from "@/lib/permissions.ts";
import { currentUser } from "@/lib/server/auth/current-user.ts";
import { readerTimeZone } from "@/lib/server/settings/time-zone.ts";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Each page checks its own permission too; this only keeps the shell from rendering signed out.
  if (!user) redirect("/sign-in");
  const nav = NAVIGATION.filter((item) => can(user.role, item.permission));
  const { timeZone, chosen } = await readerTimeZone();
  return (
    <TimeZoneProvider timeZone={timeZone} renderedAt={new Date().toISOString()}>
      <TimeZoneDetector chosen={chosen} />
      <div className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/jobs" className="text-lg font-bold text-slate-900">
              Dockside
            </Link>
            <MainNav items={nav.map(({ href, label }) => ({ href, label }))} />
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <CommandPalette />
              {can(user.role, "alerts:read") && <AlertsBadge />}
              <span className="text-slate-700">
                <span className="font-semibold text-slate-900">{user.name}</span> ·{" "}
                {ROLE_LABELS[user.role]}
              </span>
              <Link
                href="/settings"
                className="text-slate-700 underline hover:text-blue-800"
                title={`Times are shown in ${timeZone}`}
              >
                Settings<span className="sr-only"> (time zone: {timeZone})</span>
              </Link>
              <SignOutButton />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-screen-2xl px-4 py-6">
          {children}
        </main>
      </div>
    </TimeZoneProvider>
  );
}
