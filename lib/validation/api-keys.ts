import { z } from "zod";
import { printableText } from "@/lib/validation/text.ts";

export const API_KEY_KINDS = ["customer", "station"] as const;
export type ApiKeyKindChoice = (typeof API_KEY_KINDS)[number];

export const API_KEY_KIND_LABELS: Record<ApiKeyKindChoice, string> = {
  customer: "Customer",
  station: "Copy station",
};

/** An empty select or a field a disabled control did not send: both mean "none". */
const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .pipe(z.uuid("Pick a customer from the list.").optional());

/**
 * Issue a key: a customer key needs its customer; a copy-station key has none (a customer sent
 * with it, which the form never does, is dropped rather than trusted).
 */
export const issueApiKeySchema = z
  .object({
    kind: z.enum(API_KEY_KINDS, "Choose who will use the key: a customer or a copy station."),
    name: printableText()
      .min(1, "Give the key a name that says who uses it.")
      .max(100, "Use at most 100 characters."),
    customerId: optionalId,
  })
  .superRefine((input, ctx) => {
    if (input.kind === "customer" && !input.customerId) {
      ctx.addIssue({
        code: "custom",
        path: ["customerId"],
        message: "Pick the customer this key is for.",
      });
    }
  })
  .transform((input) =>
    input.kind === "customer"
      ? { kind: input.kind, name: input.name, customerId: input.customerId }
      : { kind: input.kind, name: input.name, customerId: undefined },
  );

export const revokeApiKeySchema = z.object({ apiKeyId: z.uuid("Unknown API key.") });
