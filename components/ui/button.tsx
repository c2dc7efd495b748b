"use client";

import type { ButtonHTMLAttributes, MouseEvent, ReactNode, Ref } from "react";

/** The looks the app's buttons take: what they do, not what colour they are. */
const VARIANTS = {
  /** The form's one main action (Add user, Resolve, Record outcome). */
  primary: "bg-blue-700 text-white hover:bg-blue-800",
  /** A main action that cannot be undone (Mark Faulted, Yes, cancel the job, Close package). */
  danger: "bg-red-800 text-white hover:bg-red-900",
  /** A second action beside the main one, or the only one of a small form (Keep it open, Record contact). */
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
  /** The first step towards something that cannot be undone (Cancel this job…, Revoke). */
  "danger-outline": "border border-red-800 bg-white text-red-900 hover:bg-red-50",
  /** A search or a filter: it changes what is shown, nothing stored. */
  neutral: "bg-slate-800 text-white hover:bg-slate-900",
} as const;

const SIZES = {
  md: "px-4 py-2",
  sm: "px-3 py-1 text-sm",
  /** The one button of a page of its own (Sign in). */
  lg: "px-4 py-2.5 text-base",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The classes of a button, for the few links that look like one. */
export function buttonClass({
  variant = "primary",
  size = "md",
  className = "",
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return `rounded-md font-semibold aria-disabled:opacity-60 disabled:opacity-60 ${VARIANTS[variant]} ${SIZES[size]} ${className}`.trim();
}

/**
 * A button. `pending` is the state of the form it submits (useFormSubmission's `pending`): while
 * the answer is on its way the button says so (`pendingLabel`), is marked `aria-disabled` and
 * ignores clicks, but stays enabled and focusable, so the keyboard focus does not fall to
 * `<body>` and a screen reader still finds it. (`disabled` is for a button that cannot act at all,
 * as when there is nothing to choose.) It is `type="button"` unless told otherwise: a submit says
 * so (`type="submit"`).
 */
export function Button({
  variant = "primary",
  size = "md",
  pending = false,
  pendingLabel,
  className,
  type = "button",
  onClick,
  children,
  ref,
  "aria-disabled": ariaDisabled,
  ...rest
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  pending?: boolean;
  pendingLabel?: ReactNode;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      aria-disabled={pending || ariaDisabled || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        // aria-disabled keeps the button focusable, so the click must be refused here.
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      className={buttonClass({ variant, size, className })}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
