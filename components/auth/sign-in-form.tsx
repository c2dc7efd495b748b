"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { safeReturnPath, signInErrorMessage } from "@/lib/auth/sign-in-errors.ts";
import { Button } from "@/components/ui/button";

type Missing = { email: boolean; password: boolean };

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [missing, setMissing] = useState<Missing>({ email: false, password: false });
  // Each refusal moves the focus, once its message is on the page: to the first empty field, else
  // to the password, to type it again.
  const [refusal, setRefusal] = useState<{ field: "email" | "password" } | null>(null);
  const [pending, setPending] = useState(false);
  // Set at once (state waits for a render): a second Enter while signing in is ignored.
  const sending = useRef(false);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (refusal) (refusal.field === "email" ? emailField : passwordField).current?.focus();
  }, [refusal]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Not a form action: React would reset the form, and the email typed would be lost.
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    setPending(true);
    setError(null);
    setMissing({ email: false, password: false });
    // next-auth posts to its own callback with its CSRF token; errors come back as messages.
    const result = await signIn("credentials", { email, password, redirect: false }).catch(
      () => "unreachable" as const,
    );
    if (result === "unreachable" || !result || result.error) {
      sending.current = false;
      setPending(false);
      setError(
        result === "unreachable"
          ? "Dockside did not answer. Check the connection and try again."
          : (signInErrorMessage(result?.error ?? "WrongCredentials") ?? ""),
      );
      // The email stays; the password is never kept after a check that failed (nor sent back by
      // the server).
      const empty = { email: email.trim() === "", password: password === "" };
      if (result !== "unreachable" && !empty.email && !empty.password && passwordField.current) {
        passwordField.current.value = "";
      }
      setMissing(empty);
      setRefusal({ field: empty.email ? "email" : "password" });
      return;
    }
    // Stays "Signing in…" (and ignores Enter) until the next page is in. Without a callbackUrl,
    // `/` sends the user on to their role's start page (the dock, or the dashboard).
    router.replace(safeReturnPath(callbackUrl));
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4"
      aria-describedby={error ? "sign-in-error" : undefined}
      noValidate
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-semibold text-slate-800">
          Email
        </label>
        <input
          ref={emailField}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-invalid={missing.email || undefined}
          aria-describedby={error && missing.email ? "sign-in-error" : undefined}
          className="rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-semibold text-slate-800">
          Password
        </label>
        <input
          ref={passwordField}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={missing.password || undefined}
          aria-describedby={error && !missing.email ? "sign-in-error" : undefined}
          className="rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        />
      </div>
      <p id="sign-in-error" role="alert" className="min-h-6 font-medium text-red-800">
        {error}
      </p>
      <Button
        type="submit"
        size="lg"
        className="w-full"
        pending={pending}
        pendingLabel="Signing in…"
      >
        Sign in
      </Button>
    </form>
  );
}
