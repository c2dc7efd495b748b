"use client";

import { useEffect, useId, useRef, useState } from "react";
import {
  createStatusLinkAction,
  revokeStatusLinkAction,
  rotateStatusLinkAction,
} from "@/app/(console)/jobs/[id]/status-link-actions";
import { Time } from "@/components/ui/time";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import type { ActionState } from "@/lib/action-state.ts";
import { Button, type ButtonVariant } from "@/components/ui/button";

type Op = "create" | "rotate" | "revoke";
type Props = {
  jobId: string;
  jobName: string;
  active: { createdAt: Date; createdByName: string | null } | null;
};

/** The previous answer (maybe a link) is not sent back with the next request: no action reads it. */
function run(_previous: ActionState, form: FormData): Promise<ActionState> {
  switch (form.get("op") as Op) {
    case "rotate":
      return rotateStatusLinkAction(null, form);
    case "revoke":
      return revokeStatusLinkAction(null, form);
    default:
      return createStatusLinkAction(null, form);
  }
}

/**
 * The job's customer status link, for supervisors and admins: create it, rotate it, revoke it. A
 * new link's URL comes back once in the action's answer and lives only in this component's state:
 * the page itself never holds it, and reloading forgets it.
 */
export function StatusLinkSection({ jobId, jobName, active }: Props) {
  const [confirming, setConfirming] = useState<Exclude<Op, "create"> | null>(null);
  const [copied, setCopied] = useState<{ url: string; text: string } | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Submitted by hand (useFormSubmission): the pressed button keeps the focus (and the confirmation
  // stays open) while the answer is on its way; a refusal's message then takes the focus.
  const { state, pending, dispatch, onSubmit, result } = useFormSubmission(run, {
    reset: false,
    onSuccess: (answer) => {
      setConfirming(null);
      // A new link takes the focus: a keyboard or screen-reader user lands on it, ready to copy.
      // After a revoke the buttons it came from are gone: the focus goes back to the section.
      (answer.secret ? linkField : heading).current?.focus();
      return true;
    },
  });
  const triggers = {
    rotate: useRef<HTMLButtonElement>(null),
    revoke: useRef<HTMLButtonElement>(null),
  };
  // "Keep the current link" gives the focus back to the button that asked.
  const returnFocusTo = useRef<Exclude<Op, "create"> | null>(null);
  const id = useId();
  const url = state?.ok && state.secret ? state.secret : null;

  useEffect(() => {
    if (confirming !== null || returnFocusTo.current === null) return;
    triggers[returnFocusTo.current].current?.focus();
    returnFocusTo.current = null;
  });
  const keep = () => {
    returnFocusTo.current = confirming;
    setConfirming(null);
  };

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ url: link, text: "Link copied to the clipboard." });
    } catch {
      // No clipboard access (an http page, a refused permission): select it for Ctrl+C instead.
      linkField.current?.focus();
      linkField.current?.select();
      setCopied({
        url: link,
        text: "Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac).",
      });
    }
  }

  const form = (op: Op, label: string, variant: ButtonVariant) => (
    <form action={dispatch} onSubmit={onSubmit}>
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="op" value={op} />
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
    </form>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="text-xl font-semibold">
        Customer status link
      </h2>
      <p className="max-w-2xl text-sm text-slate-700">
        A read-only page for the customer of <span className="font-mono">{jobName}</span>: its
        state, progress, drives, logs and tracking numbers, nothing secret. Anyone who has the link
        can open it, without signing in.
      </p>

      {url && (
        <div className="max-w-2xl space-y-2 rounded-md border border-emerald-500 bg-emerald-50 p-3">
          <label htmlFor={`${id}-url`} className="block text-sm font-semibold text-slate-900">
            New status link (shown only this once)
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              ref={linkField}
              id={`${id}-url`}
              type="text"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={`${id}-copy-status`}
              className="w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-950"
            />
            <Button onClick={() => copy(url)} className="shrink-0 whitespace-nowrap">
              Copy link
            </Button>
          </div>
          <p
            id={`${id}-copy-status`}
            role="status"
            aria-live="polite"
            className="min-h-5 text-sm text-slate-800"
          >
            {copied?.url === url ? copied.text : ""}
          </p>
        </div>
      )}

      {active ? (
        <div className="space-y-3">
          <p>
            The active link was made <Time at={active.createdAt} /> by{" "}
            {active.createdByName ?? "a user who no longer exists"}.
          </p>
          {confirming === null && (
            <div className="flex flex-wrap gap-3">
              <Button
                ref={triggers.rotate}
                onClick={() => setConfirming("rotate")}
                variant="secondary"
              >
                Rotate link
              </Button>
              <Button
                ref={triggers.revoke}
                onClick={() => setConfirming("revoke")}
                variant="danger-outline"
              >
                Revoke link
              </Button>
            </div>
          )}
          {confirming !== null && (
            <div
              role="group"
              aria-labelledby={`${id}-confirm`}
              onKeyDown={(e) => {
                if (e.key === "Escape") keep();
              }}
              className="max-w-2xl space-y-2 rounded-md border border-red-300 bg-red-50 p-3"
            >
              <p id={`${id}-confirm`} className="text-sm text-red-950">
                {confirming === "rotate"
                  ? "Rotate the status link? The old link stops working at once; send the customer the new one."
                  : "Revoke the status link? The customer's link stops working at once, and the job has no link until you create one."}
              </p>
              <div className="flex flex-wrap items-center gap-3">
                {form(
                  confirming,
                  pending
                    ? "Working…"
                    : confirming === "rotate"
                      ? "Yes, rotate the link"
                      : "Yes, revoke the link",
                  "danger",
                )}
                {/* The safe choice has the focus: Enter or Escape keeps the link. */}
                <Button autoFocus onClick={keep} variant="secondary">
                  Keep the current link
                </Button>
              </div>
            </div>
          )}
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-slate-800">This job has no active status link.</p>
          {form("create", pending ? "Creating…" : "Create status link", "primary")}
        </div>
      )}
      <FormResult ref={result} state={state} />
    </section>
  );
}
