import { describe, expect, it } from "vitest";
import type { Locale } from "./locale.ts";
import {
  renderNotFoundPage,
  renderRateLimitedPage,
  renderStatusPage,
  timeRemaining,
} from "./render.ts";
import { sampleStatusPageSource } from "./sample.ts";
import { statusPageView, type StatusPageSource } from "./view.ts";

const NOW = new Date("2026-11-02T09:00:00Z");
const EN: Locale = { lang: "en", formatTag: "en-GB", fromQuery: false };
const FR: Locale = { lang: "fr", formatTag: "fr-FR", fromQuery: true };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const after = (ms: number) => new Date(NOW.getTime() + ms);

function page(locale: Locale, patch: (s: StatusPageSource) => void = () => {}): string {
  const s = sampleStatusPageSource(NOW);
  patch(s);
  return renderStatusPage(statusPageView(s, NOW), locale);
}

/** The page's text as a reader sees it: tags dropped, runs of ordinary white space as one space. */
function text(out: string): string {
  return out
    .replace(/<[^>]*>/g, "")
    .replace(/[ \n\t]+/g, " ")
    .replaceAll("&#39;", "'");
}

/** A Shipping import job 20 days after its shipping information, its package not arrived. */
function overdue(s: StatusPageSource) {
  s.job.state = "Shipping";
  s.job.shippingInfoAt = after(-20 * DAY);
  s.job.stateChangedAt = after(-20 * DAY);
  s.drives = s.drives.map((d) => ({ ...d, state: "NeverReceived", percentComplete: 0 }));
}

/** A job cancelled while Creating: straight to Closed, every drive still Specified (R-J14). */
function cancelledInCreating(s: StatusPageSource) {
  s.job.state = "Closed";
  s.job.cancelRequested = true;
  s.job.closedAt = after(-2 * DAY);
  s.job.stateChangedAt = after(-2 * DAY);
  s.drives = s.drives.map((d) => ({
    ...d,
    state: "Specified",
    percentComplete: 0,
    errorLogUri: null,
    verboseLogUri: null,
  }));
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
    expect(out).toContain("at least one of them is being copied");
    expect(out).toContain("the job moves to Packaging");
  });

  it('R-G1: the same in French, with <html lang="fr">', () => {
    const out = page(FR);
    expect(out).toContain('<html lang="fr">');
    expect(out).toContain("État actuel");
    expect(out).toContain("la copie d’au moins l’un d’eux est en cours");
    expect(out).toMatch(/État dans l’API\u00a0: <code>Transferring<\/code>/);
    expect(out).not.toContain("Current state");
  });

  it("R-G2: the percent complete as text and as a progress bar", () => {
    const out = page(EN);
    expect(out).toContain("Copied so far: about 47% of the job.");
    expect(out).toMatch(/<progress[^>]*class="job"[^>]*max="100"[^>]*value="47"/);
    // French puts a no-break space before "%" (which one depends on the ICU version).
    expect(page(FR)).toMatch(/Copié à ce jour\u00a0: environ 47[\u00a0\u202f]% du travail\./);
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
    const completed = "Copy finished cleanly: no errors, no warnings, no blob overwritten.";
    expect(out.split(completed)).toHaveLength(2);
    expect(out).toContain("What these drive states mean");
    const order = ["Being copied now, from the drive into storage.", completed].map((t) =>
      out.indexOf(t),
    );
    expect(order[0]).toBeGreaterThan(0);
    expect(order[0]).toBeLessThan(order[1]!);
    // States no drive is in are not explained.
    expect(out).not.toContain("Sent from the datacenter to the return address.");
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
    expect(out).toContain("Send your drives and set the job to Shipping by");
    expect(out).toContain("in 11 days");
    expect(out).toContain('<time datetime="2026-11-13T09:00:00.000Z">');
  });

  it("R-J14, R-G2: a job cancelled in Creating says so plainly, at 0 % (nothing was copied), never 100 %", () => {
    const en = text(page(EN, cancelledInCreating));
    expect(en).toContain(
      "This job was cancelled, at your request or by our operations team. Nothing is copied, and any drive that reached us is sent back to you.",
    );
    expect(en).toContain(
      "The job was cancelled. A cancelled job always ends Closed, even when nothing else went wrong.",
    );
    // The usual Closed meaning lists what went wrong: not what happened here.
    expect(en).not.toContain("a copy had errors, a drive never came");
    // The same figure as Get Job and the console: 0, with why.
    expect(en).toContain(
      "Copied so far: about 0% of the job. The job was cancelled, so its copy was skipped.",
    );
    expect(en).not.toMatch(/about 100%/);
    expect(page(EN, cancelledInCreating)).toMatch(/<progress[^>]*class="job"[^>]*value="0"/);
    // What happens next to a Closed job still holds: it is deleted after 90 days.
    expect(en).toContain("kept for 90 days from the day it closed, then deleted.");

    const fr = text(page(FR, cancelledInCreating));
    expect(fr).toContain(
      "Ce travail a été annulé, à votre demande ou par notre équipe des opérations. Rien n’est copié, et tout disque arrivé chez nous vous est renvoyé.",
    );
    expect(fr).toContain("Le travail a été annulé\u00a0: sa copie n’a pas eu lieu.");
  });

  it("R-J14: a cancelled job still on its way says it ends Closed, not that its copy comes next", () => {
    const en = text(
      page(EN, (s) => {
        s.job.state = "Received";
        s.job.cancelRequested = true;
        s.drives = s.drives.map((d) => ({ ...d, state: "Received", percentComplete: 0 }));
      }),
    );
    expect(en).toContain("Nothing is copied");
    expect(en).toContain(
      "it moves to Closed once every drive that reached us is on its way back to you.",
    );
    expect(en).not.toContain("the job then moves to Transferring");
    expect(en).toContain("The job was cancelled, so its copy was skipped.");
  });

  it("R-E2: the answer deadline is an invitation, and replaces the package's passed due date", () => {
    const out = text(
      page(EN, (s) => {
        overdue(s);
        s.missingPackageAnswerBy = after(24 * DAY + 6 * HOUR);
      }),
    );
    expect(out).toMatch(
      /Your package has not reached us: please get in touch\. If we have not heard from you by [^()]+ UTC \(in 24 days\), the job is closed\./,
    );
    // Neither a claim that we told the customer, nor the R-J6 item that says we will.
    expect(out).not.toContain("We have told you");
    expect(out).not.toContain("Our operations team will tell you");
    expect(out).not.toContain("We expected your package by");

    const fr = text(
      page(FR, (s) => {
        overdue(s);
        s.missingPackageAnswerBy = after(24 * DAY + 6 * HOUR);
      }),
    );
    expect(fr).toMatch(
      /Votre colis ne nous est pas parvenu\u00a0: merci de nous contacter\. Sans nouvelles de votre part avant le [^()]+ \(dans 24 jours\), le travail sera fermé\./,
    );
  });

  it("R-E2: after the wait was extended, the page says until when we wait for the package", () => {
    const patch = (s: StatusPageSource) => {
      overdue(s);
      s.missingPackageAnswerBy = after(40 * DAY);
      s.missingPackageWaitExtended = true;
    };
    const en = text(page(EN, patch));
    expect(en).toMatch(
      /As agreed with you, we keep waiting for your package until [^()]+ UTC \(in 40 days\)\./,
    );
    expect(en).not.toContain("If we have not heard from you");
    expect(text(page(FR, patch))).toMatch(
      /Comme convenu avec vous, nous attendons votre colis jusqu’au [^()]+ \(dans 40 jours\)\./,
    );
  });

  it("R-E4: a wrong return address shows the destruction deadline, in both languages", () => {
    const patch = (s: StatusPageSource) => {
      s.job.state = "Packaging";
      s.returnAddressDestructionAt = after(89 * DAY + 20 * HOUR);
    };
    expect(text(page(EN, patch))).toMatch(
      /We need a correct return address by [^()]+ UTC \(in 89 days\)\. Without one, the drives are securely destroyed\./,
    );
    expect(text(page(FR, patch))).toMatch(
      /Il nous faut une adresse de retour correcte d’ici le [^()]+ \(dans 89 jours\)\. Sans elle, les disques seront détruits de façon sécurisée\./,
    );
    const passed = text(
      page(EN, (s) => {
        s.returnAddressDestructionAt = after(-HOUR);
      }),
    );
    expect(passed).toContain("No correct return address reached us by");
  });

  it("R-D6: an export job's drives are copied from storage to the drive, not from the drive", () => {
    const exportJob = (s: StatusPageSource) => {
      s.job.type = "Export";
    };
    const en = text(page(EN, exportJob));
    expect(en).toContain("Being written now, from storage onto the drive.");
    expect(en).not.toContain("from the drive into storage");
    expect(en).toContain("your data will be written from storage onto this drive");
    const fr = text(page(FR, exportJob));
    expect(fr).toContain("En cours d’écriture, du stockage vers le disque.");
    expect(fr).not.toContain("du disque vers le stockage");
    // An import job copies the other way.
    expect(text(page(EN))).toContain("Being copied now, from the drive into storage.");
    expect(text(page(FR))).toContain("En cours de copie, du disque vers le stockage.");
  });

  it("R-D11: the extra drive's return is promised only until it is shipped back", () => {
    const promise = "it goes back to you with the job's other drives";
    const waiting = page(EN, (s) => {
      s.drives = [...s.drives, { ...s.drives[2]!, serial: "EXTRA-1", extra: true }];
    });
    expect(text(waiting)).toContain(promise);
    const returned = page(EN, (s) => {
      s.job.state = "Closed";
      s.job.closedAt = NOW;
      s.drives = [
        ...s.drives.map((d) => ({ ...d, state: "ShippedBack" as const })),
        { ...s.drives[2]!, serial: "EXTRA-1", state: "ShippedBack", extra: true },
      ];
    });
    expect(text(returned)).toContain("Extra drive");
    expect(text(returned)).not.toContain(promise);
  });

  it("deadline sentences count time left rounded down: days, then hours, then within the hour", () => {
    const en = (ms: number) => timeRemaining(NOW, after(ms), EN);
    const fr = (ms: number) => timeRemaining(NOW, after(ms), FR);
    expect(en(24 * DAY + 6 * HOUR)).toBe("in 24 days");
    expect(en(2 * DAY - 1)).toBe("in 1 day");
    expect(en(DAY)).toBe("in 1 day");
    expect(en(DAY - 1)).toBe("in 23 hours");
    expect(en(HOUR)).toBe("in 1 hour");
    expect(en(60_000)).toBe("within the hour");
    expect(fr(24 * DAY + 6 * HOUR)).toBe("dans 24 jours");
    expect(fr(5 * HOUR + 59 * 60_000)).toBe("dans 5 heures");
    expect(fr(60_000)).toBe("dans l’heure");
    // On the page: a Creating job one minute before its 14 days end.
    const out = text(
      page(EN, (s) => {
        s.job.state = "Creating";
        s.job.creatingTimerStartedAt = after(-14 * DAY + 60_000);
      }),
    );
    expect(out).toContain("(within the hour)");
    expect(out).not.toContain("in 1 day");
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
