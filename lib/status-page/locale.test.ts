import { describe, expect, it } from "vitest";
import { parseAcceptLanguage, pickLocale } from "./locale.ts";

describe("the status page's language", () => {
  it("?lang= wins over the browser", () => {
    expect(pickLocale({ query: "fr", acceptLanguage: "en-US,en;q=0.9" })).toMatchObject({
      lang: "fr",
      fromQuery: true,
    });
    expect(pickLocale({ query: "en", acceptLanguage: "fr-FR" }).lang).toBe("en");
  });

  it("an unknown ?lang= is ignored", () => {
    expect(pickLocale({ query: "de", acceptLanguage: "fr" })).toMatchObject({
      lang: "fr",
      fromQuery: false,
    });
  });

  it("else the browser's preferred language among English and French, by q", () => {
    expect(pickLocale({ query: null, acceptLanguage: "fr-CA,fr;q=0.9,en;q=0.8" }).lang).toBe("fr");
    expect(pickLocale({ query: null, acceptLanguage: "de-DE,fr;q=0.5,en;q=0.7" }).lang).toBe("en");
    expect(pickLocale({ query: null, acceptLanguage: "en;q=0.2, FR;q=0.3" }).lang).toBe("fr");
  });

  it("English by default: no header, nothing we speak, or a wildcard", () => {
    for (const acceptLanguage of [null, "", "de,es;q=0.8", "*", ";;;,garbage==="]) {
      expect(pickLocale({ query: undefined, acceptLanguage }).lang).toBe("en");
    }
  });

  it("does not mistake another language for ours by its first letters", () => {
    // "fro" (Old French) and "en-" lookalikes must not pass for fr/en.
    expect(pickLocale({ query: null, acceptLanguage: "fro,de" }).lang).toBe("en");
    expect(pickLocale({ query: null, acceptLanguage: "fro,fr;q=0.1" }).lang).toBe("fr");
  });

  it("dates follow the reader's region when it is of the chosen language", () => {
    expect(pickLocale({ query: null, acceptLanguage: "fr-CA" }).formatTag).toBe("fr-CA");
    expect(pickLocale({ query: null, acceptLanguage: "en-US,en" }).formatTag).toBe("en-US");
    expect(pickLocale({ query: "fr", acceptLanguage: "en-US" }).formatTag).toBe("fr-FR");
    expect(pickLocale({ query: null, acceptLanguage: "fr" }).formatTag).toBe("fr-FR");
    expect(pickLocale({ query: null, acceptLanguage: null }).formatTag).toBe("en-GB");
  });

  it("drops Unicode extensions from the formatting tag (no surprise calendar)", () => {
    expect(pickLocale({ query: null, acceptLanguage: "fr-FR-u-ca-buddhist" }).formatTag).toBe(
      "fr-FR",
    );
  });

  it("parses q-values, drops q=0 and malformed entries, keeps ties in order", () => {
    expect(parseAcceptLanguage("fr;q=0.5, en-GB , de;q=0, x y, es;q=0.5")).toEqual([
      "en-GB",
      "fr",
      "es",
    ]);
  });
});
