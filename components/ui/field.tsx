import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input whose errors are tied to it (aria-describedby) and announced. */
export function Field({
  label,
  name,
  errors,
  hint,
  ...input
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={
          [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined
        }
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700"
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-slate-700">
          {hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="text-sm text-red-800">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
