"use client";

import { useActionState } from "react";
import { saveTimeZoneAction } from "@/app/(console)/settings/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

/** Pick the zone every staff page writes times in; the UTC time stays on hover. */
export function TimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [state, action, pending] = useActionState(saveTimeZoneAction, null);
  return (
    <form
      action={action}
      aria-labelledby="tz-heading"
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <h2 id="tz-heading" className="text-lg font-semibold">
        Time zone
      </h2>
      <p className="text-sm text-slate-700">
        Times on every page are shown in this zone, with the UTC time when you hover them.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-medium">
          Time zone
          <select
            name="timeZone"
            defaultValue={current}
            className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="browser">This browser&apos;s time zone</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="neutral" disabled={pending}>
          Save
        </Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
