import { describe, expect, it } from "vitest";
import type { Locale } from "./locale.ts";
import { renderNotFoundPage, renderRateLimitedPage, renderStatusPage } from "./render.ts";
import { sampleStatusPageSource } from "./sample.ts";
import { statusPageView, type StatusPageSource } from "./view.ts";

const NOW = new Date("2026-11-02T09:00:00Z");
const EN: Locale = { lang: "en", formatTag: "en-GB", fromQuery: false };
const FR: Locale = { lang: "fr", formatTag: "fr-FR", fromQuery: true };

function page(locale: Locale, patch: (s: StatusPageSource) => void = () => {}): string {
  const s = sampleStatusPageSource(NOW);
  patch(s);
  return renderStatusPage(statusPageView(s, NOW), locale);
}

describe("the rendered status page", () => {
  it("is a complete document with no JavaScript at all", () => {
    const out = page(EN);
    expect(out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(out).toMatch(/<\/html>\s*$/);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/\son[a-z]+=/i);
    expect(out).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(out).toContain('<meta name="viewport"');
  });

  it("R-G1: the state with the seed's explanation and what happens next, in English", () => {
    const out = page(EN);
    expect(out).toMatch(/<span class="badge big">Transferring<\/span>/);
    // The API's name is shown beside the label only when they differ.
    expect(out).not.toContain("State in the API");
    expect(out).toContain("at least one drive has begun processing");
    expect(out).toContain("the job will be placed in the Packaging state");
  });

  it('R-G1: the same in French, with <html lang="fr">', () => {
    const out = page(FR);
    expect(out).toContain('<html lang="fr">');
    expect(out).toContain("État actuel");
    expect(out).toContain("au moins un disque a commencé à être traité");
    expect(out).toMatch(/État dans l’API\u00a0: <code>Transferring<\/code>/);
    expect(out).not.toContain("Current state");
  });

  it("R-G2: the percent complete as text and as a progress bar", () => {
    const out = page(EN);
    expect(out).toContain("About 47% of the job is complete.");
    expect(out).toMatch(/<progress[^>]*class="job"[^>]*max="100"[^>]*value="47"/);
    // French puts a no-break space before "%" (which one depends on the ICU version).
    expect(page(FR)).toMatch(/Environ 47[\u00a0\u202f]% du travail est terminé\./);
  });

  it("R-G3/R-G4: each drive's state and percent, and its log links", () => {
    const out = page(EN);
    expect(out).toContain("WD-WCC4N0654321");
    expect(out).toMatch(/value="42"/);
    expect(out).toContain('href="https://logs.example.net/contoso/WD-WCC4N0123456/error.log"');
    expect(out).toContain('href="https://logs.example.net/contoso/WD-WCC4N0123456/verbose.log"');
    const quiet = page(EN, (s) => {
      s.job.logLevel = "Error";
    });
    expect(quiet).not.toContain("verbose.log");
    expect(quiet).toContain("error.log");
  });

  it("R-G3: each drive state on the page is explained once, in the life cycle's order", () => {
    const out = page(EN, (s) => {
      s.drives = [...s.drives, { ...s.drives[0]!, serial: "WD-SECOND-COMPLETED" }];
    });
    const completed = "successfully transferred all the data with no errors";
    expect(out.split(completed)).toHaveLength(2);
    expect(out).toContain("What these drive states mean");
    const order = ["begins to transfer data", completed].map((t) => out.indexOf(t));
    expect(order[0]).toBeGreaterThan(0);
    expect(order[0]).toBeLessThan(order[1]!);
    // States no drive is in are not explained.
    expect(out).not.toContain("shipped from the data center back to the return address");
  });

  it("never links a log URI that is not http(s)", () => {
    const out = page(EN, (s) => {
      s.drives[0]!.errorLogUri = "javascript:alert(1)";
    });
    expect(out).not.toContain("javascript:");
  });

  it("escapes a job or drive name that tries to break out of the markup", () => {
    const out = page(EN, (s) => {
      s.job.name = `</title></script><script>alert("job")</script>`;
      s.drives[0]!.serial = `"><img src=x onerror=alert(1)>`;
    });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(&quot;job&quot;)");
    expect(out).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    // The title element still closes where the document says it does.
    expect(out.match(/<\/title>/g)).toHaveLength(1);
  });

  it("the timeline lists each state with a machine-readable time, in the reader's language", () => {
    const out = page(EN);
    expect(out).toContain('<time datetime="2026-10-24T09:00:00.000Z">24 October 2026');
    expect(out).toContain("UTC</time>");
    expect(out).toMatch(/<li aria-current="step">\s*<span class="step">Transferring<\/span>/);
    expect(page(FR)).toContain("24 octobre 2026");
  });

  it("tracking numbers link to the carrier's tracking page", () => {
    const out = page(EN, (s) => {
      s.returnPackages = [{ carrier: "UPS", trackingNumber: "1Z999AA10123456784" }];
    });
    expect(out).toContain('href="https://www.fedex.com/fedextrack/?trknbr=123456789012"');
    expect(out).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
  });

  it("the deadlines that concern the customer (R-J2)", () => {
    const out = page(EN, (s) => {
      s.job.state = "Creating";
      s.job.creatingTimerStartedAt = new Date(NOW.getTime() - 3 * 86_400_000);
    });
    expect(out).toContain("Ship your drives and set the job to Shipping by");
    expect(out).toContain("in 11 days");
    expect(out).toContain('<time datetime="2026-11-13T09:00:00.000Z">');
  });

  it("a cancelled job says so, with the seed's sentence", () => {
    expect(page(EN, (s) => void (s.job.cancelRequested = true))).toContain(
      "A cancelled job skips the data copy step",
    );
  });

  it("the language switch: plain links with hreflang, the current one marked", () => {
    const out = page(FR);
    expect(out).toMatch(/<a\s+href="\?lang=en"\s+hreflang="en"\s+lang="en"\s*>English<\/a/);
    expect(out).toMatch(
      /<a\s+href="\?lang=fr"\s+hreflang="fr"\s+lang="fr"\s+aria-current="true"\s*>Français<\/a/,
    );
  });
});

describe("the error pages", () => {
  it("404 says nothing about the token, in the reader's language", () => {
    const en = renderNotFoundPage(EN);
    expect(en).toContain("<h1>Page not found</h1>");
    expect(en).not.toMatch(/revoked|expired|exist(s|ed) once/i);
    expect(renderNotFoundPage(FR)).toContain("Page introuvable");
    expect(en).not.toMatch(/<script/i);
  });

  it("429 says when to try again", () => {
    expect(renderRateLimitedPage(EN, 12)).toContain("Try again in 12 seconds.");
    expect(renderRateLimitedPage(FR, 1)).toContain("Réessayez dans 1 seconde.");
  });
});
