import { describe, expect, it } from "vitest";
import { newWebhookSecret, signatureHeader, verifySignature } from "./webhook-signature.ts";

describe("webhook signatures: HMAC-SHA256 over `timestamp.body`", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "n1", type: "job.state_changed" });

  it("a receiver verifies what was signed, and nothing else", () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, secret, 1_800_000_010)).toBe(true);
    expect(verifySignature(header, `${body} `, secret, 1_800_000_010)).toBe(false);
    expect(verifySignature(header, body, newWebhookSecret(), 1_800_000_010)).toBe(false);
    expect(
      verifySignature(header.replace("t=1800000000", "t=1800000001"), body, secret, 1_800_000_010),
    ).toBe(false);
  });

  it("refuses an old timestamp (a replay), a missing or malformed header", () => {
    expect(
      verifySignature(signatureHeader(secret, body, 1_800_000_000), body, secret, 1_800_000_301),
    ).toBe(false);
    expect(verifySignature(null, body, secret, 0)).toBe(false);
    expect(verifySignature("t=1,v1=zz", body, secret, 1)).toBe(false);
    expect(verifySignature("garbage", body, secret, 1)).toBe(false);
  });
});
