"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { revokeApiKeyAction } from "@/app/(console)/admin/api-keys/actions";
import type { ActionState } from "@/lib/action-state.ts";

/**
 * Revoke one key, after a confirmation: programs using it stop working at once, and it cannot be
 * undone. Stays mounted once the key is revoked, so that its outcome is still read out.
 */
export function ApiKeyRevoke({
  apiKeyId,
  label,
  revoked,
}: {
  apiKeyId: string;
  /** How the key is named to a person: its name and masked prefix. */
  label: string;
  revoked: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeApiKeyAction, null);
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  // The buttons go with the key's revocation: keep the keyboard user's place on the outcome.
  useEffect(() => {
    if (state?.ok) status.current?.focus();
  }, [state]);

  function keep() {
    setConfirming(false);
    // The Revoke button is back on the next render.
    requestAnimationFrame(() => revokeButton.current?.focus());
  }

  return (
    <div className="flex flex-col gap-1">
      {!revoked &&
        (confirming ? (
          <form
            action={action}
            aria-label={`Revoke ${label}`}
            onKeyDown={(e) => {
              if (e.key === "Escape") keep();
            }}
            className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-2"
          >
            <input type="hidden" name="apiKeyId" value={apiKeyId} />
            <p className="max-w-64 text-sm text-red-950">
              Revoke {label}? Requests with it are refused at once. This cannot be undone.
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                ref={confirmButton}
                type="submit"
                disabled={pending}
                className="rounded-md bg-red-800 px-3 py-1 text-sm font-semibold text-white hover:bg-red-900 disabled:opacity-60"
              >
                {pending ? "Revoking…" : "Yes, revoke"}
              </button>
              <button
                type="button"
                onClick={keep}
                className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100"
              >
                Keep it
              </button>
            </div>
          </form>
        ) : (
          <button
            ref={revokeButton}
            type="button"
            onClick={() => setConfirming(true)}
            className="self-start rounded-md border border-red-800 bg-white px-3 py-1 text-sm font-semibold text-red-900 hover:bg-red-50"
          >
            Revoke<span className="sr-only"> {label}</span>
          </button>
        ))}
      <p
        ref={status}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={`max-w-64 text-sm font-medium ${state?.ok ? "text-emerald-800" : "text-red-800"}`}
      >
        {state ? (state.ok ? state.message : state.error) : ""}
      </p>
    </div>
  );
}
