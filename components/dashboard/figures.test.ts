import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { reachable } from "@/components/dashboard/links";
import { AgingFigure, OpenAgesFigure } from "@/components/dashboard/status-figures";
import type { AgeRow, AgingRow } from "@/lib/views/dashboard.ts";

const aging: AgingRow[] = [
  { key: "creating", overdue: 1, dueSoon: 2 },
  { key: "shipping", overdue: 3, dueSoon: 4 },
  { key: "drives", overdue: 5, dueSoon: 6 },
  { key: "incidents", overdue: 7, dueSoon: 8 },
];
const ages: AgeRow[] = [{ bucket: "under1d", faults: 2, incidents: 3 }];
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe("the dashboard's links", () => {
  it("lead a supervisor to the fault and incident queues behind the numbers", () => {
    const queues = { faults: true, incidents: true };
    const html =
      renderToStaticMarkup(h(AgingFigure, { rows: aging, queues })) +
      renderToStaticMarkup(h(OpenAgesFigure, { rows: ages, queues }));
    expect(hrefs(html)).toEqual(
      expect.arrayContaining(["/incidents?overdue=1", "/incidents?due=2", "/faults", "/incidents"]),
    );
  });

  it("never lead an admin to a queue that would refuse them (403): the numbers stay, unlinked", () => {
    const queues = { faults: false, incidents: false };
    const html =
      renderToStaticMarkup(h(AgingFigure, { rows: aging, queues })) +
      renderToStaticMarkup(h(OpenAgesFigure, { rows: ages, queues }));
    const links = hrefs(html);
    expect(links.filter((l) => l.startsWith("/faults") || l.startsWith("/incidents"))).toEqual([]);
    // The jobs lists stay linked: every role may read jobs.
    expect(links).toContain("/jobs?state=Creating");
    expect(html).toContain(">7<");
  });

  it("reachable() keeps other lists and drops only the queues the reader may not open", () => {
    expect(reachable({ faults: false, incidents: true }, "/faults")).toBeUndefined();
    expect(reachable({ faults: false, incidents: true }, "/incidents?rule=R-E2")).toBe(
      "/incidents?rule=R-E2",
    );
    expect(reachable({ faults: false, incidents: false }, "/jobs?state=Shipping")).toBe(
      "/jobs?state=Shipping",
    );
  });
});
