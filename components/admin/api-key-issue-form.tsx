"use client";

import { useCallback, useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { issueApiKeyAction } from "@/app/(console)/admin/api-keys/actions";
import { ApiKeySecret } from "@/components/admin/api-key-secret";
import { FormResult, useFormSubmission } from "@/components/ui/form-submission";
import { Field } from "@/components/ui/field";
import {
  API_KEY_KINDS,
  API_KEY_KIND_LABELS,
  type ApiKeyKindChoice,
} from "@/lib/validation/api-keys.ts";
import { Button } from "@/components/ui/button";

const KIND_HINTS: Record<ApiKeyKindChoice, string> = {
  customer: "Calls the Job API for one customer's jobs only.",
  station: "Reports copy progress from a copy station; belongs to no customer.",
};

/** Issue a customer or copy-station key; the key itself is shown once, below the form. */
export function ApiKeyIssueForm({ customers }: { customers: { id: string; name: string }[] }) {
  const [kind, setKind] = useState<ApiKeyKindChoice>("customer");
  const [issuedName, setIssuedName] = useState("");
  const [dismissed, setDismissed] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Submitted by hand (useFormSubmission): a refused form keeps what was typed. Once the key is
  // issued only the name and the customer are cleared (the kind stays picked), and focus goes to
  // the key, which ApiKeySecret takes on arrival.
  const { state, pending, dispatch, onSubmit, form, result } = useFormSubmission(
    issueApiKeyAction,
    {
      reset: false,
      onSuccess: (answer, issued) => {
        for (const field of ["name", "customerId"]) {
          const input = issued?.elements.namedItem(field);
          if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) {
            input.value = "";
          }
        }
        return Boolean(answer.secret);
      },
    },
  );
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const secret = state?.ok && state.secret && state.secret !== dismissed ? state.secret : null;

  const dismiss = useCallback(() => {
    if (state?.ok && state.secret) setDismissed(state.secret);
    heading.current?.focus();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    if (!pending) setIssuedName(String(new FormData(event.currentTarget).get("name") ?? "").trim());
    onSubmit(event);
  }

  const noCustomers = customers.length === 0;
  return (
    <div className="space-y-3">
      <form
        ref={form}
        action={dispatch}
        onSubmit={submit}
        aria-labelledby={`${id}-title`}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="text-lg font-semibold">
          Issue a key
        </h2>
        <fieldset className="space-y-1">
          <legend className="text-sm font-semibold text-slate-800">Kind</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {API_KEY_KINDS.map((k) => (
              <div key={k} className="flex items-start gap-2">
                <input
                  id={`${id}-kind-${k}`}
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  aria-describedby={`${id}-kind-${k}-hint`}
                  className="mt-1.5"
                />
                <div>
                  <label htmlFor={`${id}-kind-${k}`} className="font-medium">
                    {API_KEY_KIND_LABELS[k]}
                  </label>
                  <p id={`${id}-kind-${k}-hint`} className="text-xs text-slate-700">
                    {KIND_HINTS[k]}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          {kind === "customer" && (
            <Field
              as="select"
              label="Customer"
              name="customerId"
              required
              defaultValue=""
              errors={errors?.customerId}
            >
              <option value="" disabled>
                {noCustomers ? "No customers yet: add one below" : "Pick a customer"}
              </option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Field>
          )}
          <Field
            id={`${id}-name`}
            label="Key name"
            name="name"
            autoComplete="off"
            required
            maxLength={100}
            hint={kind === "customer" ? "Who uses it, e.g. “Contoso backup CI”." : "e.g. “CS-03”."}
            errors={errors?.name}
          />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button
            type="submit"
            disabled={kind === "customer" && noCustomers}
            pending={pending}
            pendingLabel="Issuing…"
          >
            Issue key
          </Button>
          <FormResult ref={result} state={state} />
        </div>
      </form>
      {secret && (
        <ApiKeySecret key={secret} secret={secret} keyName={issuedName} onDismiss={dismiss} />
      )}
    </div>
  );
}
