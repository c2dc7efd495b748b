"use client";

import { setSiteActiveAction } from "@/app/(console)/admin/locations/actions";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Button } from "@/components/ui/button";

/** Close a site (it takes no new jobs; its jobs keep its address) or open it again. */
export function SiteOpenClose({ id, name, active }: { id: string; name: string; active: boolean }) {
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    setSiteActiveAction,
    { reset: false },
  );
  return (
    <form
      ref={form}
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={`${active ? "Close" : "Open"} ${name}`}
      className="flex flex-col gap-1"
    >
      <input type="hidden" name="siteId" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" variant="secondary" size="sm" className="self-start" pending={pending}>
        {active ? `Close ${name}` : `Open ${name}`}
      </Button>
      <FormResult ref={result} state={state} />
    </form>
  );
}
