import type { CustomerDeadline } from "@/lib/domain/customer-deadlines.ts";
import { carrierTrackingUrl } from "@/lib/domain/scan-codes.ts";
import { DRIVE_STATES, FINISHED_JOB_STATES } from "@/lib/domain/states.ts";
import { DAY_MS } from "@/lib/domain/timers.ts";
import { html, safeHttpUrl, trusted, type SafeHtml } from "./html.ts";
import { LANGS, type Locale } from "./locale.ts";
import { LANGUAGE_NAMES, messagesFor, type Messages } from "./messages.ts";
import { STATUS_PAGE_STYLE } from "./style.ts";
import type { StatusPageDrive, StatusPageView, TrackedPackage } from "./view.ts";

/**
 * The customer's status page as one HTML document with no JavaScript at all: the fastest page a
 * phone can get, and nothing for a script-injection to hook on (every value is escaped by `html`).
 */

type Format = {
  m: Messages;
  time: (at: Date) => SafeHtml;
  percent: (n: number) => string;
  /** How long until `at`, for a deadline sentence: "in 24 days", "in 5 hours". */
  remaining: (now: Date, at: Date) => string;
};

const HOUR_MS = 60 * 60 * 1000;

/**
 * The time left before a deadline, for the customer: whole days rounded down ("in 24 days" with
 * 24 days 6 hours left), whole hours under a day, and "within the hour" under an hour. The
 * console's days-left (timers.ts) rounds up, which is right for a queue sorted by urgency but
 * promises the customer time they do not have.
 */
export function timeRemaining(
  now: Date,
  at: Date,
  locale: Pick<Locale, "lang" | "formatTag">,
): string {
  const ms = at.getTime() - now.getTime();
  const relative = new Intl.RelativeTimeFormat(locale.formatTag, { numeric: "always" });
  if (ms >= DAY_MS) return relative.format(Math.floor(ms / DAY_MS), "day");
  if (ms >= HOUR_MS) return relative.format(Math.floor(ms / HOUR_MS), "hour");
  return messagesFor(locale.lang).withinTheHour;
}

function formatFor(locale: Locale): Format {
  const dates = new Intl.DateTimeFormat(locale.formatTag, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });
  const percents = new Intl.NumberFormat(locale.formatTag, { style: "percent" });
  return {
    m: messagesFor(locale.lang),
    time: (at) => html`<time datetime="${at.toISOString()}">${dates.format(at)}</time>`,
    percent: (n) => percents.format(Math.max(0, Math.min(100, n)) / 100),
    remaining: (now, at) => timeRemaining(now, at, locale),
  };
}

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

function deadlineItem(d: CustomerDeadline, f: Format, now: Date): SafeHtml {
  const text = f.m.deadlines[d.kind];
  const sentence = d.passed
    ? text.passed(f.time(d.at))
    : text.upcoming(f.time(d.at), f.remaining(now, d.at));
  return html`<li class="${d.passed ? "deadline passed" : "deadline"}">${sentence}</li>`;
}

function logLinks(d: StatusPageDrive, f: Format): SafeHtml {
  const links = [
    { uri: safeHttpUrl(d.errorLogUri), label: f.m.errorLog },
    { uri: safeHttpUrl(d.verboseLogUri), label: f.m.verboseLog },
  ].filter((l): l is { uri: string; label: string } => l.uri !== null);
  if (links.length === 0) return html`<p class="muted">${f.m.noLogs}</p>`;
  return html`<ul class="logs">
    ${links.map(
      (l) =>
        html`<li>
          <a href="${l.uri}" rel="noreferrer noopener"
            >${l.label}<span class="sr"> (${d.driveId})</span></a
          >
        </li>`,
    )}
  </ul>`;
}

/** The state's name in the reader's language, and the API's own name when it differs. */
function stateName(label: string, code: string, big = false): SafeHtml {
  return html`<span class="${big ? "badge big" : "badge"}">${label}</span>${
      label === code ? "" : html` <code>${code}</code>`
    }`;
}

function driveItem(d: StatusPageDrive, f: Format, index: number): SafeHtml {
  const state = f.m.driveStates[d.state];
  const id = `drive-${index}`;
  const progress =
    d.percent === null
      ? ""
      : html`<div class="bar">
          <progress
            id="${id}-progress"
            max="100"
            value="${d.percent}"
            aria-label="${f.m.driveCopied(d.driveId)}"
          >
            ${f.percent(d.percent)}</progress
          ><span aria-hidden="true">${f.percent(d.percent)}</span>
        </div>`;
  return html`<li class="drive">
    <h3 id="${id}" class="serial">${d.driveId}</h3>
    <p>
      ${stateName(state.label, d.state)}${
        d.extra ? html` <span class="tag">${f.m.extraDrive}</span>` : ""
      }
    </p>
    ${
      // R-D11: the promise to return it is kept once it is shipped back; then the state says it.
      d.extra && d.state !== "ShippedBack"
        ? html`<p class="explain">${f.m.extraDriveMeaning}</p>`
        : ""
    }
    ${progress} ${logLinks(d, f)}
  </li>`;
}

/**
 * What each drive state on the page means, once per state (R-G3), in the order of the life cycle;
 * for an export job, in the export's direction where it matters (R-D2, R-D6).
 */
function driveStatesLegend(view: StatusPageView, f: Format): SafeHtml {
  const present = DRIVE_STATES.filter((s) => view.drives.some((d) => d.state === s));
  const meaning = (s: (typeof DRIVE_STATES)[number]) =>
    (view.type === "Export" ? f.m.exportDriveStates[s] : undefined) ?? f.m.driveStates[s].meaning;
  return html`<h3>${f.m.driveStatesLegend}</h3>
    <dl class="legend">
      ${present.map(
        (s) =>
          html`<dt>${stateName(f.m.driveStates[s].label, s)}</dt>
            <dd>${meaning(s)}</dd>`,
      )}
    </dl>`;
}

/**
 * R-G2 as text and as a bar: the domain's figure, as Get Job gives it; for a cancelled job, also
 * that its copy was skipped (R-J14), so that 0 % reads as what happened, not as a stuck copy.
 */
function progressSection(view: StatusPageView, f: Format): SafeHtml {
  const { m } = f;
  const percent = view.percentComplete;
  return html`<section aria-labelledby="progress-heading">
    <h2 id="progress-heading">${m.progressHeading}</h2>
    <p id="progress-text">
      ${m.percentSentence(f.percent(percent))}${view.cancelled ? html` ${m.copySkipped}` : ""}
    </p>
    <progress
      class="job"
      max="100"
      value="${percent}"
      aria-labelledby="progress-heading"
      aria-describedby="progress-text"
    >
      ${f.percent(percent)}
    </progress>
  </section>`;
}

function trackingLine(p: TrackedPackage, f: Format): SafeHtml {
  if (!p.knownCarrier) return html`${p.carrier} <span class="serial">${p.trackingNumber}</span>`;
  const href = carrierTrackingUrl(p.knownCarrier, p.trackingNumber);
  return html`${p.carrier}
    <a class="serial" href="${href}" rel="noreferrer noopener"
      >${p.trackingNumber}<span class="sr"> ${f.m.opensCarrierPage(p.knownCarrier)}</span></a
    >`;
}

function trackingSection(view: StatusPageView, f: Format): SafeHtml {
  const { m } = f;
  const returns = view.returns.length
    ? html`<ul>
        ${view.returns.map((p) => html`<li>${trackingLine(p, f)}</li>`)}
      </ul>`
    : html`<p class="muted">${m.noTracking}</p>`;
  return html`<section aria-labelledby="tracking-heading">
    <h2 id="tracking-heading">${m.trackingHeading}</h2>
    <h3>${m.deliveryPackage}</h3>
    ${view.delivery ? html`<p>${trackingLine(view.delivery, f)}</p>` : html`<p class="muted">${m.noTracking}</p>`}
    <h3>${m.returnPackages}</h3>
    ${returns}
  </section>`;
}

function historySection(view: StatusPageView, f: Format): SafeHtml {
  const { m } = f;
  const last = view.timeline.length - 1;
  const items = view.timeline.map(
    (step, i) =>
      html`<li${i === last ? trusted(' aria-current="step"') : ""}><span class="step">${m.jobStates[step.state].label}</span> ${f.time(step.at)}</li>`,
  );
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">${m.historyHeading}</h2>
    ${
      items.length
        ? html`<ol class="timeline">
            ${items}
          </ol>`
        : html`<p class="muted">${m.noHistory}</p>`
    }
  </section>`;
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
