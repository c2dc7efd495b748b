import { describe, expect, it } from "vitest";
import { publicOrigin, statusLinkUrl } from "./link-url.ts";
import { hashStatusToken, isWellFormedStatusToken, newStatusToken } from "./token.ts";

describe("the status link's URL", () => {
  it("uses NEXTAUTH_URL's origin when it is set", () => {
    const h = new Headers({ host: "internal:3000" });
    expect(publicOrigin(h, "https://dockside.example.com/some/path")).toBe(
      "https://dockside.example.com",
    );
  });

  it("else the request's origin, through the proxy's forwarded host and protocol", () => {
    expect(publicOrigin(new Headers({ host: "localhost:3201" }), undefined)).toBe(
      "http://localhost:3201",
    );
    expect(
      publicOrigin(
        new Headers({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "status.example.org",
          "x-forwarded-proto": "https,http",
        }),
        "",
      ),
    ).toBe("https://status.example.org");
  });

  it("ignores a malformed host or protocol", () => {
    expect(publicOrigin(new Headers({ host: "evil.example/<x>" }), undefined)).toBeNull();
    expect(
      publicOrigin(new Headers({ host: "a.example", "x-forwarded-proto": "javascript" }), "nope"),
    ).toBe("http://a.example");
  });

  it("puts the token in the path", () => {
    expect(statusLinkUrl("https://d.example", "abc_DEF-123")).toBe(
      "https://d.example/status/abc_DEF-123",
    );
    expect(statusLinkUrl(null, "abc")).toBe("/status/abc");
  });
});

describe("status tokens", () => {
  it("are 32 random bytes in base64url (43 characters), different every time", () => {
    const tokens = Array.from({ length: 50 }, newStatusToken);
    expect(new Set(tokens).size).toBe(50);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
      expect(isWellFormedStatusToken(t)).toBe(true);
    }
  });

  it("are stored as their SHA-256 in hex", () => {
    expect(hashStatusToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("anything else is not a token", () => {
    for (const bad of ["", "short", "x".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`]) {
      expect(isWellFormedStatusToken(bad)).toBe(false);
    }
  });
});
