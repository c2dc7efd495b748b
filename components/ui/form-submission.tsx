"use client";

import {
  useActionState,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type Ref,
} from "react";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state.ts";

type ServerAction = (previous: ActionState, data: FormData) => Promise<ActionState>;
export type Success = Extract<ActionState, { ok: true }>;

/**
 * A form's server action, submitted by hand. React resets a `<form action={fn}>` after every
 * submission, refused or not; calling the action from `onSubmit` inside a transition keeps what was
 * typed when the server refuses it, and the form is reset only on success. A second submit while
 * one is on its way is ignored, so the button stays enabled (`aria-disabled`) and keeps the
 * keyboard focus. Once the answer is in, focus goes to the result message (success) or to the
 * first field marked invalid (refusal; the message when the refusal names no field).
 *
 * `onSuccess` runs after the reset (skipped with `reset: false`, for a form that clears only some
 * of its fields); it returns true when it moved the focus somewhere else (the form is about to
 * leave the page, say).
 */
export function useFormSubmission(
  action: ServerAction,
  {
    onSuccess,
    reset = true,
  }: {
    onSuccess?: (answer: Success, form: HTMLFormElement | null) => boolean | void;
    reset?: boolean;
  } = {},
) {
  // No action reads its previous answer, and that answer may hold a secret shown once (a new API
  // key, a status link, a BitLocker key): never send it back to the server with the next submit.
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(
    (_previous, data) => action(null, data),
    null,
  );
  const [, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const sending = useRef(false);
  const answered = useRef<ActionState>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || sending.current) return;
    sending.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  const onAnswer = useEffectEvent((answer: NonNullable<ActionState>) => {
    sending.current = false;
    if (answer.ok) {
      if (reset) form.current?.reset();
      if (onSuccess?.(answer, form.current) !== true) result.current?.focus();
      return;
    }
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? result.current)?.focus();
  });

  useEffect(() => {
    if (state === null || state === answered.current) return;
    answered.current = state;
    onAnswer(state);
  }, [state]);

  useEffect(() => {
    if (!pending) sending.current = false;
  }, [pending]);

  return { state, pending, dispatch, onSubmit, form, result };
}

/** The form's result message (FormStatus), focusable so that focus can land on it. */
export function FormResult({ state, ref }: { state: ActionState; ref: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="rounded-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
    >
      <FormStatus state={state} />
    </div>
  );
}

/**
 * A message for a whole list: a form that leaves the page on success (a fault resolved, an
 * incident resolved) says what happened here, and focus lands here instead of on `<body>`.
 */
export function useListAnnouncement() {
  const [said, setSaid] = useState({ message: "", times: 0 });
  const region = useRef<HTMLParagraphElement>(null);
  // Focus once the words are in, so that a screen reader reads them on arrival.
  useEffect(() => {
    if (said.times > 0) region.current?.focus();
  }, [said]);
  const announce = (message: string) => setSaid((s) => ({ message, times: s.times + 1 }));
  return { message: said.message, region, announce };
}

export function ListAnnouncement({
  message,
  ref,
}: {
  message: string;
  ref: Ref<HTMLParagraphElement>;
}) {
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      className="rounded-sm text-sm font-medium text-emerald-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
    >
      {message}
    </p>
  );
}
