import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DERIVED_JOB_TRANSITIONS,
  DRIVE_STATES,
  DRIVE_TRANSITIONS,
  INCIDENT_DEFINITIONS,
  JOB_STATES,
  JOB_TRANSITIONS,
  isJobState,
  type IncidentKind,
} from "@/lib/domain/index.ts";
import * as timers from "@/lib/domain/timers.ts";
import { listCell, tablesWithHeader } from "./rule-citations.ts";

/**
 * The tables of docs/domain.md are the domain's own tables, written out for people: the states,
 * every transition (event, from, to, who, rule), the moves drives cause, the timers and the
 * incidents. These checks fail when one side changes without the other.
 */
const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/domain.md"), "utf8");
const TRANSITION_HEADER = ["event", "from", "to", "who", "condition", "rule"];

type Row = {
  event: string;
  from: readonly string[];
  to: string;
  actors: readonly string[];
  rule: string;
};

/** One line per (event, from, to, actors, rule), so that a row listing several states is many. */
function edges(rows: readonly Row[]): string[] {
  return rows
    .flatMap((r) =>
      r.from.map(
        (from) => `${r.event}: ${from} -> ${r.to} by ${[...r.actors].sort().join("+")} (${r.rule})`,
      ),
    )
    .sort();
}

function documentedTransitions(table: string[][]): string[] {
  return edges(
    table.flatMap(([event = "", from = "", to = "", who = "", , rule = ""]) =>
      listCell(to).map((target) => ({
        event: event.replaceAll("`", ""),
        from: listCell(from),
        to: target,
        actors: listCell(who),
        rule,
      })),
    ),
  );
}

describe("the tables of docs/domain.md are the domain's", () => {
  it("job states and drive states, in the domain's order", () => {
    const [jobs, drives] = tablesWithHeader(doc, ["state", "what it means here"]);
    expect(jobs?.map((r) => r[0])).toEqual([...JOB_STATES]);
    expect(drives?.map((r) => r[0])).toEqual([...DRIVE_STATES]);
  });

  it("every job transition someone asks for, and no other (JOB_TRANSITIONS)", () => {
    const [jobTable = []] = tablesWithHeader(doc, TRANSITION_HEADER);
    expect(documentedTransitions(jobTable)).toEqual(edges(JOB_TRANSITIONS));
  });

  it("every drive transition, and no other (DRIVE_TRANSITIONS)", () => {
    const [, driveTable = []] = tablesWithHeader(doc, TRANSITION_HEADER);
    expect(documentedTransitions(driveTable)).toEqual(edges(DRIVE_TRANSITIONS));
  });

  it("every move a job makes because of its drives (DERIVED_JOB_TRANSITIONS)", () => {
    const [table = []] = tablesWithHeader(doc, ["from", "to", "when", "rule"]);
    const documented = table.map(([from, to, , rule]) => `${from} -> ${to} (${rule})`).sort();
    const code = DERIVED_JOB_TRANSITIONS.map((t) => `${t.from} -> ${t.to} (${t.rule})`).sort();
    expect(documented).toEqual(code);
  });

  it("every timer with the number of days the domain counts", () => {
    const [table = []] = tablesWithHeader(doc, [
      "rule",
      "counts from",
      "length",
      "then",
      "constant",
    ]);
    const constants = timers as unknown as Record<string, unknown>;
    const documented = table.map(([, , length = "", , constant = ""]) => {
      const name = constant.replaceAll("`", "");
      return `${name}: ${length}`;
    });
    const code = table.map(([, , , , constant = ""]) => {
      const name = constant.replaceAll("`", "");
      return `${name}: ${String(constants[name])} days`;
    });
    expect(table.length).toBeGreaterThanOrEqual(7);
    expect(documented).toEqual(code);
  });

  it("every incident kind with its rule and the job states it applies in", () => {
    const [table = []] = tablesWithHeader(doc, [
      "rule",
      "incident kind",
      "job states it applies in",
      "opened by",
      "deadlines",
    ]);
    const documented = table
      .map(([rule, kind = "", states = ""]) => {
        const inStates = states
          .split(/[^A-Za-z]+/)
          .filter(isJobState)
          .join(", ");
        return `${kind.replaceAll("`", "")} ${rule}: ${inStates}`;
      })
      .sort();
    const code = Object.values(INCIDENT_DEFINITIONS)
      .map((d) => `${d.kind satisfies IncidentKind} ${d.rule}: ${d.jobStates.join(", ")}`)
      .sort();
    expect(documented).toEqual(code);
  });
});
