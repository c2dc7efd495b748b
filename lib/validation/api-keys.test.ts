import { describe, expect, it } from "vitest";
import { issueApiKeySchema, revokeApiKeySchema } from "./api-keys.ts";
import { newCustomerSchema } from "./customers.ts";

const CUSTOMER = "0b6c3a2e-2f3c-4a4e-9a43-1f0b8c6d2e11";
const errors = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("issuing an API key", () => {
  it("a customer key names its customer", () => {
    expect(
      issueApiKeySchema.parse({ kind: "customer", name: " CI ", customerId: CUSTOMER }),
    ).toEqual({ kind: "customer", name: "CI", customerId: CUSTOMER });
    expect(
      errors(issueApiKeySchema.safeParse({ kind: "customer", name: "CI", customerId: "" })),
    ).toEqual(["customerId: Pick the customer this key is for."]);
    expect(
      errors(issueApiKeySchema.safeParse({ kind: "customer", name: "CI", customerId: "nope" })),
    ).toEqual(["customerId: Pick a customer from the list."]);
  });

  it("a copy-station key drops a customer it should not carry", () => {
    expect(
      issueApiKeySchema.parse({ kind: "station", name: "CS-03", customerId: CUSTOMER }),
    ).toEqual({
      kind: "station",
      name: "CS-03",
      customerId: undefined,
    });
  });

  it("refuses an unknown kind, a blank or an over-long name", () => {
    expect(errors(issueApiKeySchema.safeParse({ kind: "admin", name: "x" }))).toEqual([
      "kind: Choose who will use the key: a customer or a copy station.",
    ]);
    expect(errors(issueApiKeySchema.safeParse({ kind: "station", name: "  " }))).toEqual([
      "name: Give the key a name that says who uses it.",
    ]);
    expect(errors(issueApiKeySchema.safeParse({ kind: "station", name: "x".repeat(101) }))).toEqual(
      ["name: Use at most 100 characters."],
    );
    expect(revokeApiKeySchema.safeParse({ apiKeyId: "1; drop table" }).success).toBe(false);
  });
});

describe("a new customer", () => {
  const base = { name: "Fabrikam", contactName: "Lee Chen", contactEmail: "lee@fabrikam.example" };

  it("needs a name, a contact and a valid email; the phone is optional", () => {
    expect(newCustomerSchema.parse({ ...base, contactPhone: "" })).toEqual({
      ...base,
      contactPhone: undefined,
    });
    expect(
      newCustomerSchema.parse({ ...base, contactPhone: "+33 1 23 45 67 89" }).contactPhone,
    ).toBe("+33 1 23 45 67 89");
    expect(errors(newCustomerSchema.safeParse({ ...base, contactEmail: "lee" }))).toEqual([
      "contactEmail: Give a valid email address.",
    ]);
    expect(errors(newCustomerSchema.safeParse({ ...base, contactPhone: "call me" }))).toEqual([
      "contactPhone: Give a phone number: digits, spaces, + ( ) - only.",
    ]);
    expect(errors(newCustomerSchema.safeParse({ ...base, name: "" }))).toEqual([
      "name: Give the customer's name.",
    ]);
  });
});
