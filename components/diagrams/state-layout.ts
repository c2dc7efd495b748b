import {
  driveGraph,
  jobGraph,
  type DiagramTransition,
  type JobDiagramState,
  type StateGraph,
} from "@/lib/domain/state-diagram.ts";
import type { Actor, DriveState } from "@/lib/domain/states.ts";

/**
 * The job and drive life cycles as drawable data, laid out from the domain's graph
 * (lib/domain/state-diagram.ts). Positions come from a fixed layer per state (the main path top
 * to bottom, exceptions to the side); edges are routed as curves that bend until they clear every
 * other state's box.
 */

export type DiagramNode<S extends string = string> = {
  state: S;
  /** Centre of the node's box, in diagram units. */
  x: number;
  y: number;
  description: string;
  /** Not a state something is in ("Deleted"): the record is gone. */
  terminal?: boolean;
};

export type DiagramEdge<S extends string = string> = {
  from: S;
  to: S;
  /** Short text drawn on the edge: its rule numbers. */
  label: string;
  rules: string[];
  actors: Actor[];
  /** Every transition behind this edge is one the job makes because of its drives. */
  derived?: boolean;
  transitions: DiagramTransition[];
  /** SVG path data, from the edge of one box to the edge of the other. */
  path: string;
  /**
   * Whether the label is drawn on the edge. The many R-F1 and R-F3 edges to and from Faulted are
   * explained once beside the diagram instead.
   */
  labelled: boolean;
  labelX: number;
  labelY: number;
};

export type Diagram<S extends string = string> = {
  nodes: DiagramNode<S>[];
  edges: DiagramEdge<S>[];
  viewBox: { x: number; y: number; width: number; height: number };
};

export const NODE_WIDTH = 164;
export const NODE_HEIGHT = 44;
const LANE_GAP = 230;
const ROW_GAP = 100;
const CLEARANCE = 8;

type Point = { x: number; y: number };
type Box = Point & { w: number; h: number };
type Route = { path: string; spots: Point[] };

function overlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
}

function buildDiagram<S extends string>(
  layers: Readonly<Record<S, { lane: number; row: number }>>,
  { descriptions, rows, terminal }: StateGraph<S>,
): Diagram<S> {
  const nodes = (Object.keys(layers) as S[]).map((state): DiagramNode<S> => ({
    state,
    x: layers[state].lane * LANE_GAP + NODE_WIDTH / 2,
    y: layers[state].row * ROW_GAP + NODE_HEIGHT / 2,
    description: descriptions[state],
    ...(terminal.includes(state) ? { terminal: true } : {}),
  }));

  const merged = new Map<string, { from: S; to: S; transitions: DiagramTransition[] }>();
  for (const row of rows) {
    const { from, to, ...transition } = row;
    for (const f of from) {
      const key = `${f}->${to}`;
      const edge = merged.get(key) ?? { from: f, to, transitions: [] };
      edge.transitions.push(transition);
      merged.set(key, edge);
    }
  }

  const byState = new Map(nodes.map((n) => [n.state as string, n]));
  const routed = [...merged.values()].map(({ from, to, transitions }) => {
    const rules = unique(transitions.map((t) => t.rule));
    const route = routeEdge(
      nodeAt(byState, from),
      nodeAt(byState, to),
      nodes,
      merged.has(`${to}->${from}`),
    );
    return { from, to, transitions, rules, label: rules.join(", "), route };
  });
  const placed: Box[] = nodes.map((n) => ({ x: n.x, y: n.y, w: NODE_WIDTH, h: NODE_HEIGHT }));
  // Labels with a single spot (loops, detours) go first; the others slide along their curves.
  const order = [...routed].sort((p, q) => p.route.spots.length - q.route.spots.length);
  const spotOf = new Map<(typeof routed)[number], Point>();
  for (const e of order) {
    if (e.from === "Faulted" || e.to === "Faulted") continue;
    const box = (p: Point): Box => ({ x: p.x, y: p.y, w: e.label.length * 6.6 + 8, h: 18 });
    const spot =
      e.route.spots.find((p) => !placed.some((b) => overlap(box(p), b))) ?? e.route.spots[0]!;
    placed.push(box(spot));
    spotOf.set(e, spot);
  }
  const edges = routed.map(({ from, to, transitions, rules, label, route }, i): DiagramEdge<S> => {
    const spot = spotOf.get(routed[i]!) ?? route.spots[0]!;
    return {
      from,
      to,
      label,
      rules,
      actors: unique(transitions.flatMap((t) => t.actors)),
      ...(transitions.every((t) => t.derived) ? { derived: true } : {}),
      transitions,
      path: route.path,
      labelled: spotOf.has(routed[i]!),
      labelX: r(spot.x),
      labelY: r(spot.y),
    };
  });

  return { nodes, edges, viewBox: bounds(nodes, edges) };
}

function nodeAt<S extends string>(byState: Map<string, DiagramNode<S>>, state: S): DiagramNode<S> {
  const node = byState.get(state);
  if (!node) throw new Error(`The diagram has no node for ${state}`);
  return node;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function inside(p: Point, n: DiagramNode, margin = 0): boolean {
  return (
    Math.abs(p.x - n.x) <= NODE_WIDTH / 2 + margin &&
    Math.abs(p.y - n.y) <= NODE_HEIGHT / 2 + margin
  );
}

function quad(p0: Point, p1: Point, p2: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
    y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y,
  };
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * A quadratic curve between the two centres, bent sideways by the first offset that keeps it out
 * of every other box, then trimmed to the boxes' edges. An edge whose reverse also exists starts
 * bent a little, so the pair draws as two curves, not one line.
 */
function routeEdge(
  a: DiagramNode,
  b: DiagramNode,
  nodes: readonly DiagramNode[],
  hasReverse: boolean,
): Route {
  if (a === b) {
    // A loop over the box's top right corner.
    const s = { x: a.x + NODE_WIDTH / 2 - 30, y: a.y - NODE_HEIGHT / 2 };
    const e = { x: a.x + NODE_WIDTH / 2, y: a.y - 6 };
    return {
      path: `M${r(s.x)},${r(s.y)} C${r(s.x)},${r(s.y - 38)} ${r(e.x + 38)},${r(e.y)} ${r(e.x)},${r(e.y)}`,
      spots: [{ x: e.x + 20, y: s.y - 22 }],
    };
  }
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  const normal = { x: -dy / len, y: dx / len };
  const base = hasReverse ? 14 : 0;
  const steps = Array.from({ length: 31 }, (_, i) => i * 10);
  // Bend the least that clears; at equal bends, keep a pair's two curves on their own sides.
  const offsets = steps.flatMap((s) => (s + base === 0 ? [0] : [s + base, -(s + base)]));
  const others = nodes.filter((n) => n !== a && n !== b);

  const control = (offset: number): Point => ({
    x: (a.x + b.x) / 2 + normal.x * offset * 2,
    y: (a.y + b.y) / 2 + normal.y * offset * 2,
  });
  const sample = (c: Point) => Array.from({ length: 121 }, (_, i) => quad(a, c, b, i / 120));
  const clear = offsets.find((offset) =>
    sample(control(offset)).every((p) => !others.some((n) => inside(p, n, CLEARANCE))),
  );
  if (clear === undefined && a.x === b.x) return aroundTheLeft(a, b, nodes);
  const c = control(clear ?? base);
  const samples = sample(c);
  const t0 = samples.findIndex((p) => !inside(p, a)) / 120;
  const t1 = (samples.length - 1 - [...samples].reverse().findIndex((p) => !inside(p, b))) / 120;
  // The control point of the part of the curve between t0 and t1 (its blossom).
  const q = {
    x: (1 - t0) * (1 - t1) * a.x + ((1 - t0) * t1 + t0 * (1 - t1)) * c.x + t0 * t1 * b.x,
    y: (1 - t0) * (1 - t1) * a.y + ((1 - t0) * t1 + t0 * (1 - t1)) * c.y + t0 * t1 * b.y,
  };
  const start = quad(a, c, b, t0);
  const end = quad(a, c, b, t1);
  // Where the label may sit, best first: on the curve near its middle, else just beside it. A
  // short edge puts its label beside the curve so that the label does not hide the line.
  const along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((t) => quad(a, c, b, t0 + (t1 - t0) * t));
  const beside = along.flatMap((p) => [
    { x: p.x + normal.x * 16, y: p.y + normal.y * 16 },
    { x: p.x - normal.x * 16, y: p.y - normal.y * 16 },
  ]);
  const short = Math.hypot(end.x - start.x, end.y - start.y) < 110;
  return {
    path: `M${r(start.x)},${r(start.y)} Q${r(q.x)},${r(q.y)} ${r(end.x)},${r(end.y)}`,
    spots: short ? [...beside, ...along] : [...along, ...beside],
  };
}

/**
 * When no curve clears the boxes between two states in one lane, go around the outside: out of
 * the left side, down (or up) a gutter left of every box, and into the left side of the target.
 */
function aroundTheLeft(a: DiagramNode, b: DiagramNode, nodes: readonly DiagramNode[]): Route {
  const gutter = Math.min(...nodes.map((n) => n.x)) - NODE_WIDTH / 2 - 28;
  const sx = a.x - NODE_WIDTH / 2;
  const ex = b.x - NODE_WIDTH / 2;
  const down = b.y > a.y ? 1 : -1;
  const k = 16; // corner radius
  return {
    path:
      `M${r(sx)},${r(a.y)} L${r(gutter + k)},${r(a.y)} Q${r(gutter)},${r(a.y)} ${r(gutter)},${r(a.y + down * k)} ` +
      `L${r(gutter)},${r(b.y - down * k)} Q${r(gutter)},${r(b.y)} ${r(gutter + k)},${r(b.y)} L${r(ex)},${r(b.y)}`,
    spots: [{ x: gutter, y: (a.y + b.y) / 2 }],
  };
}

/** Everything drawn, with room for the labels and arrowheads. */
function bounds(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): Diagram["viewBox"] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of nodes) {
    xs.push(n.x - NODE_WIDTH / 2, n.x + NODE_WIDTH / 2);
    ys.push(n.y - NODE_HEIGHT / 2, n.y + NODE_HEIGHT / 2);
  }
  for (const e of edges) {
    const numbers = e.path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    numbers.forEach((v, i) => (i % 2 === 0 ? xs : ys).push(v));
    if (!e.labelled) continue;
    xs.push(e.labelX - e.label.length * 4, e.labelX + e.label.length * 4);
    ys.push(e.labelY - 10, e.labelY + 10);
  }
  const pad = 12;
  const x = Math.floor(Math.min(...xs) - pad);
  const y = Math.floor(Math.min(...ys) - pad);
  return {
    x,
    y,
    width: Math.ceil(Math.max(...xs) + pad - x),
    height: Math.ceil(Math.max(...ys) + pad - y),
  };
}

// prettier-ignore
const JOB_LAYERS: Readonly<Record<JobDiagramState, { lane: number; row: number }>> = {
  Creating: { lane: 1, row: 0 },
  Shipping: { lane: 1, row: 1 },
  Received: { lane: 1, row: 2 },
  Transferring: { lane: 1, row: 3 },
  Packaging: { lane: 1, row: 4 },
  Completed: { lane: 2, row: 5 },
  Closed: { lane: 0, row: 5 },
  Faulted: { lane: 2, row: 2.5 },
  Deleted: { lane: 1, row: 6 },
};

/** The job life cycle, laid out: JOB_TRANSITIONS and DERIVED_JOB_TRANSITIONS (R-J, R-E2, R-F). */
export function jobDiagram(): Diagram<JobDiagramState> {
  return buildDiagram(JOB_LAYERS, jobGraph());
}

// prettier-ignore
const DRIVE_LAYERS: Readonly<Record<DriveState, { lane: number; row: number }>> = {
  Specified: { lane: 1, row: 0 },
  NeverReceived: { lane: 0, row: 0.5 },
  Received: { lane: 1, row: 1 },
  Transferring: { lane: 1, row: 2 },
  Completed: { lane: 2, row: 3 },
  CompletedMoreInfo: { lane: 0, row: 3 },
  ShippedBack: { lane: 1, row: 4 },
  Faulted: { lane: 0, row: 2 },
};

/** The drive life cycle, laid out: DRIVE_TRANSITIONS (R-D, R-J14, R-F). */
export function driveDiagram(): Diagram<DriveState> {
  return buildDiagram(DRIVE_LAYERS, driveGraph());
}
