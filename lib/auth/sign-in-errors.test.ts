import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SIGN_IN_ERRORS, safeReturnPath, signInErrorMessage } from "./sign-in-errors.ts";

describe("where the sign-in page sends a signed-in user (no open redirect)", () => {
  it("refuses every path a browser would read as another host", () => {
    for (const evil of [
      "/\\evil.example/",
      decodeURIComponent("%2F%5Cevil.example%2F"),
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "//evil.example",
      "///evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "",
      null,
    ]) {
      expect(safeReturnPath(evil), JSON.stringify(evil)).toBe("/");
    }
  });

  it("keeps paths of this site, normalized", () => {
    expect(safeReturnPath("/faults")).toBe("/faults");
    expect(safeReturnPath("/jobs/abc?tab=drives#events")).toBe("/jobs/abc?tab=drives#events");
    expect(safeReturnPath("/jobs/../admin/users")).toBe("/admin/users");
  });

  it("property: whatever the text, the answer is a path of this site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        for (const candidate of [s, `/${s}`, `/\\${s}`, `//${s}`]) {
          const path = safeReturnPath(candidate);
          expect(new URL(path, "https://dockside.test").origin).toBe("https://dockside.test");
          expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
        }
      }),
    );
  });
});

describe("what /sign-in?error=... shows", () => {
  it("a known code: our sentence", () => {
    for (const [code, sentence] of Object.entries(SIGN_IN_ERRORS)) {
      expect(signInErrorMessage(code)).toBe(sentence);
    }
  });

  it("any other text: one plain sentence, never the text itself", () => {
    for (const text of [
      "Your account is suspended, call +1 555 0100",
      "<b>x</b>",
      "toString",
      "__proto__",
    ]) {
      expect(signInErrorMessage(text)).toBe("Signing in did not work. Try again.");
    }
    expect(signInErrorMessage(null)).toBeNull();
  });
});
