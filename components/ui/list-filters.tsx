import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

const control = "mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/**
 * A list's filters as a plain GET form: it works without JavaScript, and what it sends is the
 * address of the filtered list (which can be bookmarked, shared and linked to).
 */
export function FilterForm({
  action,
  label,
  clearHref,
  children,
}: {
  action: string;
  label: string;
  clearHref: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      {children}
      <Button type="submit" variant="neutral" size="sm">
        Apply
      </Button>
      <Link href={clearHref} className="py-1.5 text-sm text-blue-800 underline">
        Clear filters
      </Link>
    </form>
  );
}

export function SelectFilter({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The customer filter every list has: `customer=<id>` in the address. */
export function CustomerFilter({
  value,
  customers,
}: {
  value: string | undefined;
  customers: readonly { id: string; name: string }[];
}) {
  return (
    <SelectFilter
      label="Customer"
      name="customer"
      value={value}
      options={[
        { value: "", label: "Every customer" },
        ...customers.map((c) => ({ value: c.id, label: c.name })),
      ]}
    />
  );
}

export function NumberFilter({
  label,
  name,
  value,
  min,
  max,
}: {
  label: string;
  name: string;
  value: number | undefined;
  min: number;
  max: number;
}) {
  return (
    <label className="flex flex-col text-sm font-medium">
      {label}
      <input
        type="number"
        name={name}
        min={min}
        max={max}
        inputMode="numeric"
        defaultValue={value}
        className={`${control} w-24`}
      />
    </label>
  );
}

export function CheckFilter({
  label,
  name,
  checked,
}: {
  label: string;
  name: string;
  checked: boolean;
}) {
  return (
    <label className="flex items-center gap-2 py-1.5 text-sm font-medium">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="size-4" />
      {label}
    </label>
  );
}

export function DateFilter({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: string | undefined;
}) {
  return (
    <label className="flex flex-col text-sm font-medium">
      {label}
      <input type="date" name={name} defaultValue={value} className={control} />
    </label>
  );
}

/** Parameters that were refused, each with its sentence; the list shows without them. */
export function ParamErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">Some of this address could not be used:</p>
      <ul className="list-disc pl-5">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
