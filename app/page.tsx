import Link from "next/link";
import { redirect } from "next/navigation";
import { START_PAGES } from "@/lib/permissions.ts";
import { currentUser } from "@/lib/server/auth/current-user.ts";

export default async function LandingPage() {
  // Signed in: straight to the role's start page (operators the dock, supervisors and admins the
  // dashboard); the sign-in form comes here when no callbackUrl was given.
  const user = await currentUser();
  if (user) redirect(START_PAGES[user.role]);
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <div>
        <p className="text-sm font-semibold tracking-wide text-blue-700 uppercase">Dockside</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-slate-900">
          Drive import and export, from the dock to the customer.
        </h1>
        <p className="mt-4 text-lg text-slate-700">
          Receive packages and drives with a barcode scanner, follow every job through its life
          cycle, resolve faults and incidents before their deadlines, and give each customer a
          read-only page with the state of their job.
        </p>
      </div>
      <ul className="grid gap-3 text-slate-700 sm:grid-cols-3">
        <li className="rounded-lg border border-slate-200 bg-white p-4">
          <span className="font-semibold text-slate-900">Operators</span> scan arriving drives and
          ship them back.
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-4">
          <span className="font-semibold text-slate-900">Supervisors</span> work faults and
          incidents against their deadlines.
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-4">
          <span className="font-semibold text-slate-900">Customers</span> see their job&apos;s state
          and each drive&apos;s progress.
        </li>
      </ul>
      <div>
        <Link
          href="/sign-in"
          className="inline-flex items-center rounded-md bg-blue-700 px-5 py-3 text-base font-semibold text-white hover:bg-blue-800"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
