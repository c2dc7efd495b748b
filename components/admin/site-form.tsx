"use client";

import { useId } from "react";
import { createSiteAction, updateSiteAction } from "@/app/(console)/admin/locations/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export type SiteValues = {
  id: string;
  name: string;
  recipientName: string;
  streetAddress1: string;
  streetAddress2: string | null;
  city: string;
  stateOrProvince: string;
  postalCode: string;
  countryOrRegion: string;
  phone: string | null;
  additionalShippingInformation: string | null;
  supportedCarriers: string[];
};

const FIELDS = [
  ["name", "Site name", 60, true, "Customers name it in Put Job's location, e.g. West US."],
  ["recipientName", "Recipient", 200, true, null],
  ["streetAddress1", "Street address", 200, true, null],
  ["streetAddress2", "Street address, line 2 (optional)", 200, false, null],
  ["city", "City", 100, true, null],
  ["stateOrProvince", "State or province", 100, true, null],
  ["postalCode", "Postal code", 20, true, null],
  ["countryOrRegion", "Country or region", 60, true, null],
  ["phone", "Phone (optional)", 40, false, null],
  ["additionalShippingInformation", "Shipping note (optional)", 500, false, null],
  ["supportedCarriers", "Carriers received", 300, true, "Comma-separated, e.g. FedEx, UPS, DHL."],
] as const;

/** Add a datacenter site, or (with `site`) change one; its code follows its name. */
export function SiteForm({ site }: { site?: SiteValues }) {
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    site ? updateSiteAction : createSiteAction,
    { reset: !site },
  );
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const title = site ? `Change ${site.name}` : "Add a site";
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      {site && <input type="hidden" name="siteId" value={site.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map(([name, label, max, required, hint]) => {
          const value = site?.[name];
          return (
            <Field
              key={name}
              id={`${id}-${name}`}
              label={label}
              name={name}
              autoComplete="off"
              required={required}
              maxLength={max}
              defaultValue={Array.isArray(value) ? value.join(", ") : (value ?? "")}
              errors={errors?.[name]}
              {...(hint ? { hint } : {})}
            />
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : site ? "Save site" : "Add site"}
        </Button>
        <FormResult ref={result} state={state} />
      </div>
    </form>
  );
}
