import { describe, expect, it } from "vitest";
import { DRIVE_TRANSITIONS } from "./drive-transitions.ts";
import { DERIVED_JOB_TRANSITIONS, JOB_TRANSITIONS } from "./job-transitions.ts";
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  driveDiagram,
  jobDiagram,
  type Diagram,
} from "@/components/diagrams/state-layout.ts";
import { DRIVE_STATES, JOB_STATES } from "./states.ts";

function edge(diagram: Diagram, from: string, to: string) {
  return diagram.edges.find((e) => e.from === from && e.to === to);
}

function checkShape(diagram: Diagram, states: readonly string[]) {
  const names = diagram.nodes.map((n) => n.state);
  for (const s of states) expect(names.filter((n) => n === s)).toHaveLength(1);
  expect(new Set(names).size).toBe(names.length);
  for (const e of diagram.edges) {
    expect(names).toContain(e.from);
    expect(names).toContain(e.to);
  }
  // One edge per from->to pair.
  const pairs = diagram.edges.map((e) => `${e.from}->${e.to}`);
  expect(new Set(pairs).size).toBe(pairs.length);
}

function checkGeometry(diagram: Diagram) {
  const { x, y, width, height } = diagram.viewBox;
  for (const n of diagram.nodes) {
    expect(n.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(x);
    expect(n.x + NODE_WIDTH / 2).toBeLessThanOrEqual(x + width);
    expect(n.y - NODE_HEIGHT / 2).toBeGreaterThanOrEqual(y);
    expect(n.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(y + height);
    expect(n.description.length).toBeGreaterThan(20);
  }
  // No two boxes overlap.
  for (const a of diagram.nodes)
    for (const b of diagram.nodes)
      if (a !== b)
        expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
  for (const e of diagram.edges) expect(e.path).toMatch(/^M-?\d/);
  // Drawn labels keep clear of every box and of each other.
  const labels = diagram.edges.filter((e) => e.labelled);
  for (const e of labels) {
    const w = e.label.length * 6.6 + 8;
    for (const n of diagram.nodes) {
      const apart =
        Math.abs(e.labelX - n.x) * 2 >= w + NODE_WIDTH ||
        Math.abs(e.labelY - n.y) * 2 >= 18 + NODE_HEIGHT;
      expect(apart, `${e.from} -> ${e.to} label over ${n.state}`).toBe(true);
    }
  }
}

describe("the job diagram", () => {
  const diagram = jobDiagram();

  it("R-G1: every job state is a node exactly once, plus Deleted for R-J2, R-J11, R-J13", () => {
    checkShape(diagram, [...JOB_STATES, "Deleted"]);
    expect(diagram.nodes).toHaveLength(JOB_STATES.length + 1);
    expect(diagram.nodes.find((n) => n.state === "Deleted")?.terminal).toBe(true);
  });

  it("R-F1, R-F3: edges to and from Faulted are drawn without labels, every other one with its rules", () => {
    for (const e of diagram.edges)
      expect(e.labelled).toBe(e.from !== "Faulted" && e.to !== "Faulted");
  });

  it("R-J2..R-J5, R-J11, R-J13, R-J14, R-E2, R-F1, R-F3: every row of JOB_TRANSITIONS is an edge", () => {
    for (const t of JOB_TRANSITIONS) {
      for (const from of t.from) {
        const e = edge(diagram, from, t.to);
        expect(e, `${from} -> ${t.to}`).toBeDefined();
        expect(e!.rules).toContain(t.rule);
        expect(e!.transitions).toContainEqual(
          expect.objectContaining({ event: t.event, rule: t.rule, when: t.when }),
        );
        for (const a of t.actors) expect(e!.actors).toContain(a);
      }
    }
  });

  it("R-J7..R-J10, R-J12, R-J14: every derived move is an edge, marked derived when nobody asks", () => {
    for (const t of DERIVED_JOB_TRANSITIONS) {
      const e = edge(diagram, t.from, t.to);
      expect(e, `${t.from} -> ${t.to}`).toBeDefined();
      expect(e!.rules).toContain(t.rule);
      expect(e!.transitions).toContainEqual(
        expect.objectContaining({ derived: true, rule: t.rule, when: t.when }),
      );
    }
    expect(edge(diagram, "Shipping", "Received")?.derived).toBe(true);
    // R-E2's sweep and R-J14's derived close share one edge, which is therefore not "derived".
    expect(edge(diagram, "Shipping", "Closed")?.derived).toBeUndefined();
    expect(edge(diagram, "Shipping", "Closed")?.rules).toEqual(["R-E2", "R-J14"]);
  });

  it("R-J14: rows with the same from and to are merged into one edge listing each rule once", () => {
    const e = edge(diagram, "Received", "Packaging")!;
    expect(e.transitions).toHaveLength(2);
    expect(e.rules).toEqual(["R-J14"]);
    expect(e.label).toBe("R-J14");
    expect(e.actors).toEqual(["customer", "supervisor"]);
  });

  it("R-J1, R-J7..R-J10: the main path runs top to bottom, Faulted (R-F1) to the side", () => {
    const at = (s: string) => diagram.nodes.find((n) => n.state === s)!;
    const main = ["Creating", "Shipping", "Received", "Transferring", "Packaging", "Completed"];
    for (let i = 1; i < main.length; i++)
      expect(at(main[i]!).y).toBeGreaterThan(at(main[i - 1]!).y);
    expect(at("Closed").y).toBe(at("Completed").y);
    expect(at("Faulted").x).not.toBe(at("Received").x);
    checkGeometry(diagram);
  });

  it("is deterministic", () => {
    expect(jobDiagram()).toEqual(diagram);
  });
});

describe("the drive diagram", () => {
  const diagram = driveDiagram();

  it("R-G3: every drive state is a node exactly once, and no edge leads to an unknown node", () => {
    checkShape(diagram, DRIVE_STATES);
    expect(diagram.nodes).toHaveLength(DRIVE_STATES.length);
  });

  it("R-D3..R-D11, R-J14, R-F1, R-F3: every row of DRIVE_TRANSITIONS is an edge", () => {
    for (const t of DRIVE_TRANSITIONS) {
      for (const from of t.from) {
        const e = edge(diagram, from, t.to);
        expect(e, `${from} -> ${t.to}`).toBeDefined();
        expect(e!.rules).toContain(t.rule);
        expect(e!.transitions).toContainEqual(
          expect.objectContaining({ event: t.event, rule: t.rule, when: t.when, derived: false }),
        );
        for (const a of t.actors) expect(e!.actors).toContain(a);
      }
    }
  });

  it("R-D4, R-D5: both ways to NeverReceived are one edge with both rules", () => {
    const e = edge(diagram, "Specified", "NeverReceived")!;
    expect(e.label).toBe("R-D4, R-D5");
    expect(e.actors).toEqual(["operator", "supervisor", "sweep"]);
  });

  it("R-D1, R-D3, R-D6, R-D9: the main path runs top to bottom", () => {
    const at = (s: string) => diagram.nodes.find((n) => n.state === s)!;
    const main = ["Specified", "Received", "Transferring", "Completed", "ShippedBack"];
    for (let i = 1; i < main.length; i++)
      expect(at(main[i]!).y).toBeGreaterThan(at(main[i - 1]!).y);
    expect(at("CompletedMoreInfo").y).toBe(at("Completed").y);
    expect(at("NeverReceived").x).not.toBe(at("Specified").x);
    expect(at("Faulted").x).not.toBe(at("Transferring").x);
    checkGeometry(diagram);
  });
});
