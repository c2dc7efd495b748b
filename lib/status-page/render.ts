import { FINISHED_JOB_STATES } from "@/lib/domain/states.ts";
import { formatFor } from "./format.ts";
import { html, trusted, type SafeHtml } from "./html.ts";
import { LANGS, type Locale } from "./locale.ts";
import { LANGUAGE_NAMES, messagesFor, type Messages } from "./messages.ts";
import {
  deadlineItem,
  driveItem,
  driveStatesLegend,
  historySection,
  progressSection,
  trackingSection,
} from "./sections.ts";
import { STATUS_PAGE_STYLE } from "./style.ts";
import type { StatusPageView } from "./view.ts";

export { timeRemaining } from "./format.ts";

/**
 * The customer's status page as one HTML document with no JavaScript at all: the fastest page a
 * phone can get, and nothing for a script-injection to hook on (every value is escaped by `html`).
 */

function languageSwitch(locale: Locale, m: Messages): SafeHtml {
  const links = LANGS.map(
    (lang) =>
      html`<li>
        <a
          href="?lang=${lang}"
          hreflang="${lang}"
          lang="${lang}"
          ${lang === locale.lang ? trusted(' aria-current="true"') : ""}
          >${LANGUAGE_NAMES[lang]}</a
        >
      </li>`,
  );
  return html`<nav class="langs" aria-label="${m.languageNav}">
    <ul>
      ${links}
    </ul>
  </nav>`;
}

function htmlDocument(locale: Locale, title: string, body: SafeHtml): string {
  const m = messagesFor(locale.lang);
  return `<!doctype html>\n${html`<html lang="${locale.lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <meta name="referrer" content="no-referrer" />
      <title>${title}</title>
      <style>
        ${trusted(STATUS_PAGE_STYLE)}
      </style>
    </head>
    <body>
      <header class="top">
        <p class="service">${m.service}</p>
        ${languageSwitch(locale, m)}
      </header>
      <main id="main">${body}</main>
    </body>
  </html> `}`;
}

/** The whole status page for one job, in the reader's language. */
export function renderStatusPage(view: StatusPageView, locale: Locale): string {
  const f = formatFor(locale);
  const { m } = f;
  const state = m.jobStates[view.state];
  const finished = FINISHED_JOB_STATES.includes(view.state);
  const finishedExport = view.type === "Export" && finished;
  // R-J14: the seed's sentences assume a copy took place; say what a cancelled job does instead.
  const meaning = (view.cancelled && m.cancelledMeaning[view.state]) || state.meaning;
  const next =
    view.cancelled && !finished && view.state !== "Faulted" ? m.cancelledNext : state.next;
  const body = html`<h1>
      <span class="kicker">${m.jobType[view.type]}</span> <span class="serial">${view.name}</span>
    </h1>
    <section aria-labelledby="state-heading" class="card">
      <h2 id="state-heading">${m.stateHeading}</h2>
      <p class="state">
        ${
          state.label === view.state
            ? html`<span class="badge big">${state.label}</span>`
            : html`<span class="badge big">${state.label}</span>
                <span class="muted">${m.apiState} <code>${view.state}</code></span>`
        }
      </p>
      ${view.cancelled ? html`<p class="note">${m.cancelled}</p>` : ""}
      <p>${meaning}</p>
      <h3>${m.nextHeading}</h3>
      <p>${next}</p>
      ${finishedExport ? html`<p>${m.exportReturnAdvice}</p>` : ""}
    </section>
    ${progressSection(view, f)}
    ${
      view.deadlines.length
        ? html`<section aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">${m.deadlinesHeading}</h2>
            <ul class="deadlines">
              ${view.deadlines.map((d) => deadlineItem(d, f, view.now))}
            </ul>
          </section>`
        : ""
    }
    <section aria-labelledby="drives-heading">
      <h2 id="drives-heading">${m.drivesHeading}</h2>
      ${
        view.drives.length
          ? html`<ul class="drives">
                ${view.drives.map((d, i) => driveItem(d, f, i))}
              </ul>
              ${driveStatesLegend(view, f)}`
          : html`<p class="muted">${m.noDrives}</p>`
      }
    </section>
    ${historySection(view, f)} ${trackingSection(view, f)}
    <footer>
      <p>${m.readOnly} ${m.timesInUtc}</p>
      <p>${m.generatedAt(f.time(view.now))}</p>
    </footer>`;
  return htmlDocument(locale, m.htmlTitle(view.name), body);
}

/** The answer to a bad, revoked or unknown token: the same page whatever the reason. */
export function renderNotFoundPage(locale: Locale): string {
  const m = messagesFor(locale.lang);
  return htmlDocument(
    locale,
    m.notFoundTitle,
    html`<h1>${m.notFoundTitle}</h1>
      <p>${m.notFoundBody}</p>`,
  );
}

export function renderRateLimitedPage(locale: Locale, retryAfterSeconds: number): string {
  const m = messagesFor(locale.lang);
  return htmlDocument(
    locale,
    m.rateLimitedTitle,
    html`<h1>${m.rateLimitedTitle}</h1>
      <p>${m.rateLimitedBody(retryAfterSeconds)}</p>`,
  );
}
