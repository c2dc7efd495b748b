import { describe, expect, it } from "vitest";
import { escapeHtml, html, safeHttpUrl, trusted } from "./html.ts";

describe("html: every interpolation is escaped", () => {
  it("escapes text content, including a </script> break-out", () => {
    const name = `</script><script>alert(1)</script>`;
    expect(String(html`<h1>${name}</h1>`)).toBe(
      "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
    );
  });

  it("escapes quotes in attribute values, both kinds", () => {
    const evil = `x" onmouseover="alert(1)' autofocus='`;
    const out = String(html`<a title="${evil}">t</a>`);
    expect(out).toBe(`<a title="x&quot; onmouseover=&quot;alert(1)&#39; autofocus=&#39;">t</a>`);
    expect(out).not.toMatch(/"\s*onmouseover=/);
  });

  it("escapes ampersands, so entities in data stay text", () => {
    expect(escapeHtml("&lt;b&gt; & co")).toBe("&amp;lt;b&amp;gt; &amp; co");
  });

  it("does not escape fragments it made itself, nor trusted markup, and joins arrays", () => {
    const items = ["a<b", "c"].map((s) => html`<li>${s}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>`;
    expect(String(list)).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
    expect(String(html`<p>${trusted("<b>ok</b>")}</p>`)).toBe("<p><b>ok</b></p>");
  });

  it("renders nothing for null, undefined and false, and numbers as text", () => {
    expect(String(html`${null}|${undefined}|${false}|${42}|${Number.NaN}`)).toBe("|||42|");
  });

  it("a string that looks like markup is still escaped (only SafeHtml instances pass)", () => {
    const fake = { toString: () => "<b>" } as unknown as string;
    expect(String(html`${fake}`)).not.toContain("<b>");
  });
});

describe("safeHttpUrl", () => {
  it("keeps http and https links", () => {
    expect(safeHttpUrl("https://logs.example/a b?x=1")).toBe("https://logs.example/a%20b?x=1");
    expect(safeHttpUrl("http://logs.example/x")).toBe("http://logs.example/x");
  });
  it("drops javascript:, data: and anything that is not a URL", () => {
    for (const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "/x",
      "",
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
    expect(safeHttpUrl(null)).toBeNull();
  });
});
