"use client";

import { useEffect, useRef, useState } from "react";
import { revokeApiKeyAction } from "@/app/(console)/admin/api-keys/actions";
import { useFormSubmission } from "@/components/ui/form-submission";
import { Button } from "@/components/ui/button";

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
  // Submitted by hand (useFormSubmission): "Yes, revoke" keeps the focus while the answer is on its
  // way, then the outcome takes it (the buttons go with the key's revocation, or on a refusal the
  // message says why).
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    revokeApiKeyAction,
    { reset: false },
  );
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

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
            ref={form}
            action={dispatch}
            onSubmit={onSubmit}
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
              <Button
                ref={confirmButton}
                type="submit"
                variant="danger"
                size="sm"
                pending={pending}
                pendingLabel="Revoking…"
              >
                Yes, revoke
              </Button>
              <Button onClick={keep} variant="secondary" size="sm">
                Keep it
              </Button>
            </div>
          </form>
        ) : (
          <Button
            ref={revokeButton}
            onClick={() => setConfirming(true)}
            variant="danger-outline"
            size="sm"
            className="self-start"
          >
            Revoke<span className="sr-only"> {label}</span>
          </Button>
        ))}
      <div
        ref={result}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={`max-w-64 rounded-sm text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2 ${state?.ok ? "text-emerald-800" : "text-red-800"}`}
      >
        {state ? (state.ok ? state.message : state.error) : ""}
      </div>
    </div>
  );
}
