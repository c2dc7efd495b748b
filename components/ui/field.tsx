import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type Common = {
  label: ReactNode;
  name: string;
  /** The field's own refusals (an action's `fieldErrors[name]`): shown under it and announced. */
  errors?: string[];
  /** A line of help under the field, read with it. */
  hint?: ReactNode;
  /** Serials, codes, keys: in a fixed-width face. */
  mono?: boolean;
};

type InputField = Common & { as?: "input" } & InputHTMLAttributes<HTMLInputElement>;
type TextAreaField = Common & { as: "textarea" } & TextareaHTMLAttributes<HTMLTextAreaElement>;
type SelectField = Common & { as: "select" } & SelectHTMLAttributes<HTMLSelectElement>;

/**
 * The limits of a free-text note (a reason, an outcome, a resolution), as the zod schemas have
 * them (lib/validation/text.ts): 3 to 500 characters, on two rows.
 */
export const NOTE = {
  as: "textarea",
  required: true,
  minLength: 3,
  maxLength: 500,
  rows: 2,
} as const;

const CONTROL =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

/**
 * A labelled input, text area or select (`as`). Its hint and its errors are tied to it
 * (aria-describedby), it is marked `aria-invalid` while it has errors, and they are announced as
 * they change. useFormSubmission moves the focus to the first field so marked.
 */
export function Field(props: InputField | TextAreaField | SelectField) {
  const { label, errors, hint, mono = false, className, as = "input", ...control } = props;
  const ownId = useId();
  const id = control.id ?? ownId;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const shared = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby":
      [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined,
    className: `${CONTROL} ${mono ? "font-mono" : ""} ${className ?? ""}`.trim(),
  };
  // `as` told which of the three the other props belong to.
  const field =
    as === "textarea" ? (
      <textarea {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} />
    ) : as === "select" ? (
      <select {...(control as SelectHTMLAttributes<HTMLSelectElement>)} {...shared} />
    ) : (
      <input {...(control as InputHTMLAttributes<HTMLInputElement>)} {...shared} />
    );
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {field}
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
