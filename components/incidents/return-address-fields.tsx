import { useId } from "react";
import { Field } from "@/components/ui/field";
import type { AddressDraft } from "@/lib/views/queues.ts";

// The limits of lib/validation/return-address.ts, so the browser catches most mistakes first.
const FIELDS = [
  { name: "recipientName", label: "Recipient name", required: true, max: 200 },
  { name: "streetAddress1", label: "Street address", required: true, max: 200 },
  { name: "streetAddress2", label: "Street address, line 2 (optional)", required: false, max: 200 },
  { name: "city", label: "City", required: true, max: 100 },
  { name: "stateOrProvince", label: "State or province (optional)", required: false, max: 100 },
  { name: "postalCode", label: "Postal code", required: true, max: 20 },
  { name: "countryOrRegion", label: "Country or region", required: true, min: 2, max: 60 },
  { name: "phone", label: "Phone", required: true, min: 5, max: 40, type: "tel" },
  { name: "email", label: "Email (optional)", required: false, type: "email" },
] as const;

/**
 * R-E4: the corrected return address, starting from the one on record so that only what is wrong
 * needs typing. The limits are the job's own address rules (lib/validation/return-address.ts).
 * No browser autofill: this is the customer's address, not the supervisor's.
 */
export function ReturnAddressFields({
  onRecord,
  errors,
}: {
  onRecord: AddressDraft;
  errors?: Record<string, string[]>;
}) {
  const fid = useId();
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-300 p-3 md:col-span-2">
      <legend className="px-1 text-sm font-semibold text-slate-800">
        Corrected return address
      </legend>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            id={`${fid}-${f.name}`}
            name={f.name}
            label={f.label}
            type={"type" in f ? f.type : "text"}
            autoComplete="off"
            required={f.required}
            minLength={"min" in f ? f.min : undefined}
            maxLength={"max" in f ? f.max : undefined}
            defaultValue={onRecord[f.name] ?? ""}
            errors={errors?.[f.name]}
          />
        ))}
      </div>
    </fieldset>
  );
}
