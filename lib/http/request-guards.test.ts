import { describe, expect, it } from "vitest";
import { hasMalformedEscape, isJsonContentType, isSameOrigin } from "./request-guards.ts";

describe("malformed percent-escapes in a path", () => {
  it("are found in any segment", () => {
    for (const p of [
      "/status/abc%",
      "/api/v1/jobs/abc%ZZ",
      "/api/dock/packages/abc%",
      "/jobs/%E0%A4%A",
      "/a%/b",
      "/x/%C0%80",
    ]) {
      expect(hasMalformedEscape(p), p).toBe(true);
    }
  });
  it("well-formed escapes and plain paths pass", () => {
    for (const p of ["/status/abc", "/jobs/a%20b", "/api/v1/jobs/job-1", "/%E2%82%AC", "/"]) {
      expect(hasMalformedEscape(p), p).toBe(false);
    }
  });
});

describe("same origin", () => {
  const h = (more: Record<string, string>) => new Headers({ host: "dock.example:3500", ...more });
  it("accepts our own origin, and requests that no browser sent (no Origin, no Sec-Fetch-Site)", () => {
    expect(isSameOrigin(h({ origin: "http://dock.example:3500" }), undefined)).toBe(true);
    expect(isSameOrigin(h({ origin: "https://public.example" }), "https://public.example/")).toBe(
      true,
    );
    expect(isSameOrigin(h({}), undefined)).toBe(true);
    expect(
      isSameOrigin(
        h({ "sec-fetch-site": "same-origin", origin: "http://dock.example:3500" }),
        undefined,
      ),
    ).toBe(true);
  });
  it("refuses another origin, another port, `null`, and a cross-site fetch", () => {
    for (const origin of [
      "https://evil.example",
      "http://dock.example:3501",
      "null",
      "http://dock.example.evil.example:3500",
    ]) {
      expect(isSameOrigin(h({ origin }), undefined), origin).toBe(false);
    }
    expect(isSameOrigin(h({ "sec-fetch-site": "cross-site" }), undefined)).toBe(false);
    expect(isSameOrigin(h({ "sec-fetch-site": "same-site" }), undefined)).toBe(false);
  });
});

describe("JSON bodies", () => {
  it("only application/json, with or without a charset", () => {
    expect(isJsonContentType(new Headers({ "content-type": "application/json" }))).toBe(true);
    expect(
      isJsonContentType(new Headers({ "content-type": "Application/JSON; charset=utf-8" })),
    ).toBe(true);
    for (const t of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ]) {
      expect(isJsonContentType(new Headers(t ? { "content-type": t } : {})), t).toBe(false);
    }
  });
});
