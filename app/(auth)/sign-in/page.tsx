import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath, signInErrorMessage } from "@/lib/auth/sign-in-errors.ts";
import { START_PAGES } from "@/lib/permissions.ts";
import { currentUser } from "@/lib/server/auth/current-user.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : null;
  const user = await currentUser();
  // Signed in already: where the link asked to go, else the role's own start page.
  if (user) redirect(callbackUrl ? safeReturnPath(callbackUrl) : START_PAGES[user.role]);
  // next-auth's redirects carry an error code: only known codes are shown, in our words.
  const error = signInErrorMessage(typeof params.error === "string" ? params.error : null);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div>
          <Link href="/" className="text-sm font-semibold tracking-wide text-blue-800 uppercase">
            Dockside
          </Link>
          <h1 className="mt-1 text-2xl font-bold">Sign in</h1>
          <p className="text-slate-700">
            Operators, supervisors and administrators of the datacenter.
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </div>
      </div>
    </main>
  );
}
