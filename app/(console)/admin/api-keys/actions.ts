"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import { createCustomer } from "@/lib/server/customers/commands.ts";
import { issueApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys.ts";
import { newCustomerSchema } from "@/lib/validation/customers.ts";

const API_KEYS_PAGE = "/admin/api-keys";

/** The new key goes back once, in `secret`: the form shows it from its own state, never the page. */
export const issueApiKeyAction = protectedAction(
  "apiKeys:manage",
  issueApiKeySchema,
  async (input, { user, now }) => {
    const result = await issueApiKey(db, user.actor, input, now);
    if (!result.ok) {
      // A customer deleted meanwhile is the one refusal the form can point at.
      return result.error.code === "not_found"
        ? {
            ok: false,
            error: "Check the fields marked below.",
            fieldErrors: { customerId: [result.error.message] },
          }
        : { ok: false, error: result.error.message };
    }
    revalidatePath(API_KEYS_PAGE);
    return {
      ok: true,
      message: `Key “${input.name}” issued (dsk_${result.value.prefix}_…). Copy it now: it is shown only once.`,
      secret: result.value.key,
    };
  },
);

export const revokeApiKeyAction = protectedAction(
  "apiKeys:manage",
  revokeApiKeySchema,
  async (input, { user, now }) => {
    const result = await revokeApiKey(db, user.actor, input.apiKeyId, now);
    // Revoked meanwhile by another admin: the page still shows it live, so refresh it too.
    if (result.ok || result.error.code === "already_done") revalidatePath(API_KEYS_PAGE);
    return fromCommand(result, (key) => `Key dsk_${key.prefix}_… is revoked.`);
  },
);

export const createCustomerAction = protectedAction(
  "apiKeys:manage",
  newCustomerSchema,
  async (input, { user, now }) => {
    const result = await createCustomer(db, user.actor, input, now);
    if (!result.ok) {
      // The one refusal a person can fix in the form: the name is taken.
      return result.error.code === "invalid"
        ? {
            ok: false,
            error: "Check the fields marked below.",
            fieldErrors: { name: [result.error.message] },
          }
        : { ok: false, error: result.error.message };
    }
    revalidatePath(API_KEYS_PAGE);
    return { ok: true, message: `${result.value.name} is added: you can issue its keys now.` };
  },
);
