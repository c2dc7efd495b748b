import type { CustomerDeadline } from "@/lib/domain/customer-deadlines.ts";
import { carrierTrackingUrl } from "@/lib/domain/scan-codes.ts";
import { DRIVE_STATES } from "@/lib/domain/states.ts";
import type { Format } from "./format.ts";
import { html, safeHttpUrl, trusted, type SafeHtml } from "./html.ts";
import type { StatusPageDrive, StatusPageView, TrackedPackage } from "./view.ts";

/** The status page's sections: deadlines, drives, progress, packages and history (render.ts). */

export function deadlineItem(d: CustomerDeadline, f: Format, now: Date): SafeHtml {
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

export function driveItem(d: StatusPageDrive, f: Format, index: number): SafeHtml {
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
export function driveStatesLegend(view: StatusPageView, f: Format): SafeHtml {
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
export function progressSection(view: StatusPageView, f: Format): SafeHtml {
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

export function trackingSection(view: StatusPageView, f: Format): SafeHtml {
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

export function historySection(view: StatusPageView, f: Format): SafeHtml {
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
