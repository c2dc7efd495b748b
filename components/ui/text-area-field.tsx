import { useId } from "react";

/**
 * A labelled free-text field (a note, a reason, an outcome) with its errors tied to it
 * (aria-describedby) and announced. The same limits as the zod schemas: 3 to 500 characters.
 */
export function TextAreaField({
  label,
  name,
  errors,
  mono = false,
  minLength = 3,
  maxLength = 500,
}: {
  label: string;
  name: string;
  errors?: string[];
  mono?: boolean;
  minLength?: number;
  maxLength?: number;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        required
        minLength={minLength}
        maxLength={maxLength}
        rows={2}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-error`}
        className={`rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 ${mono ? "font-mono" : ""}`}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** How the customer was contacted (R-F2): email or phone, email first. */
export function ContactChannelChoice({ className = "flex gap-4" }: { className?: string }) {
  return (
    <fieldset className={className}>
      <legend className="text-sm font-semibold text-slate-800">Contacted by</legend>
      {(["email", "phone"] as const).map((channel) => (
        <label key={channel} className="flex items-center gap-1">
          <input type="radio" name="channel" value={channel} defaultChecked={channel === "email"} />
          {channel === "email" ? "Email" : "Phone"}
        </label>
      ))}
    </fieldset>
  );
}
