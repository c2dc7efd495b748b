import { actorList } from "@/lib/domain/refusal-wording.ts";
import type { DiagramTransition } from "@/lib/domain/state-diagram.ts";
import { NODE_HEIGHT, NODE_WIDTH, type Diagram } from "./state-layout.ts";
import { ColumnHeader, Table } from "@/components/ui/table";

// The state badges' tints (components/jobs/state-badge.tsx), as SVG fills and strokes.
const TONE: Record<string, { box: string; text: string }> = {
  Creating: { box: "fill-slate-100 stroke-slate-400", text: "fill-slate-800" },
  Specified: { box: "fill-slate-100 stroke-slate-400", text: "fill-slate-800" },
  Shipping: { box: "fill-sky-100 stroke-sky-400", text: "fill-sky-900" },
  Received: { box: "fill-indigo-100 stroke-indigo-400", text: "fill-indigo-900" },
  Transferring: { box: "fill-amber-100 stroke-amber-400", text: "fill-amber-900" },
  Packaging: { box: "fill-violet-100 stroke-violet-400", text: "fill-violet-900" },
  Completed: { box: "fill-emerald-100 stroke-emerald-400", text: "fill-emerald-900" },
  CompletedMoreInfo: { box: "fill-lime-100 stroke-lime-500", text: "fill-lime-900" },
  ShippedBack: { box: "fill-teal-100 stroke-teal-400", text: "fill-teal-900" },
  Closed: { box: "fill-zinc-200 stroke-zinc-500", text: "fill-zinc-900" },
  NeverReceived: { box: "fill-orange-100 stroke-orange-400", text: "fill-orange-900" },
  Faulted: { box: "fill-red-100 stroke-red-400", text: "fill-red-900" },
};
const TERMINAL_TONE = { box: "fill-white stroke-slate-500", text: "fill-slate-800" };

const LABEL: Record<string, string> = {
  CompletedMoreInfo: "Completed (more info)",
  NeverReceived: "Never received",
  ShippedBack: "Shipped back",
};

export function stateLabel(state: string): string {
  return LABEL[state] ?? state;
}

const isFaultEdge = (e: { from: string; to: string }) => e.from === "Faulted" || e.to === "Faulted";

function who(t: DiagramTransition): string {
  if (t.derived) return "The service, from its drives";
  const names = actorList(t.actors);
  return names.charAt(0).toUpperCase() + names.slice(1);
}

/**
 * A life cycle as a server-rendered SVG, followed by the same transitions as a table (the text
 * alternative, complete on its own). `current` outlines the state something is in now.
 */
export function StateDiagram({
  id,
  title,
  description,
  diagram,
  current,
}: {
  /** Unique on the page: prefixes the SVG's ids. */
  id: string;
  title: string;
  description: string;
  diagram: Diagram;
  current?: string;
}) {
  const { x, y, width, height } = diagram.viewBox;
  const now = current ? ` The current state is ${stateLabel(current)}.` : "";
  const rows = diagram.edges.flatMap((e) => e.transitions.map((t) => ({ edge: e, t })));
  return (
    <figure className="space-y-3">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`${x} ${y} ${width} ${height}`}
        width="100%"
        className="mx-auto block h-auto max-w-2xl"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {`${description}${now} Every transition is listed in the table below.`}
        </desc>
        <defs>
          {(["plain", "fault"] as const).map((kind) => (
            <marker
              key={kind}
              id={`${id}-arrow-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path
                d="M0,0 L10,5 L0,10 z"
                className={kind === "fault" ? "fill-red-700" : "fill-slate-700"}
              />
            </marker>
          ))}
        </defs>
        <g fill="none" strokeWidth="1.6">
          {diagram.edges.map((e) => (
            <path
              key={`${e.from}-${e.to}`}
              d={e.path}
              className={isFaultEdge(e) ? "stroke-red-700/60" : "stroke-slate-700"}
              strokeDasharray={isFaultEdge(e) ? "5 4" : undefined}
              markerEnd={`url(#${id}-arrow-${isFaultEdge(e) ? "fault" : "plain"})`}
            />
          ))}
        </g>
        <g fontSize="12" textAnchor="middle" dominantBaseline="middle">
          {diagram.edges
            .filter((e) => e.labelled)
            .map((e) => (
              <text
                key={`${e.from}-${e.to}`}
                x={e.labelX}
                y={e.labelY}
                className="fill-slate-900 stroke-white"
                strokeWidth="4"
                paintOrder="stroke"
              >
                {e.label}
              </text>
            ))}
        </g>
        {diagram.nodes.map((n) => {
          const tone = n.terminal ? TERMINAL_TONE : (TONE[n.state] ?? TERMINAL_TONE);
          const isCurrent = n.state === current;
          return (
            <g key={n.state}>
              <rect
                x={n.x - NODE_WIDTH / 2}
                y={n.y - NODE_HEIGHT / 2}
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx="14"
                className={isCurrent ? `${tone.box} stroke-slate-950` : tone.box}
                strokeWidth={isCurrent ? 4 : 1.5}
                strokeDasharray={n.terminal ? "6 4" : undefined}
              />
              <text
                x={n.x}
                y={isCurrent ? n.y - 7 : n.y}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize={stateLabel(n.state).length > 16 ? 13 : 15}
                fontWeight="600"
                className={tone.text}
              >
                {stateLabel(n.state)}
              </text>
              {isCurrent && (
                <text
                  x={n.x}
                  y={n.y + 11}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fontSize="12"
                  fontWeight="700"
                  className={tone.text}
                >
                  (now)
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-700">
        Rule numbers label the arrows. Dashed red arrows: any state can go to Faulted when it fails
        to progress normally (R-F1), and a supervisor resolves it back (R-F3).
        {current && ` The thick outline marks where it is now: ${stateLabel(current)}.`}
      </figcaption>
      {/* Its own scrolling box: a keyboard can scroll it sideways on a small screen. */}
      <Table
        id={`${id}-table-caption`}
        caption={`${title}: every transition`}
        captionClassName="px-3 py-2 text-left font-semibold"
        className="w-full min-w-[40rem] text-left text-sm"
        frameClassName=""
        headClassName="bg-slate-50"
        bodyClassName=""
        head={
          <>
            <ColumnHeader className="px-3 py-2">From</ColumnHeader>
            <ColumnHeader className="px-3 py-2">To</ColumnHeader>
            <ColumnHeader className="px-3 py-2">Event and when</ColumnHeader>
            <ColumnHeader className="px-3 py-2">Who</ColumnHeader>
            <ColumnHeader className="px-3 py-2">Rule</ColumnHeader>
          </>
        }
      >
        {rows.map(({ edge, t }, i) => (
          <tr
            key={`${edge.from}-${edge.to}-${i}`}
            className={
              edge.from === current
                ? "border-t border-slate-200 bg-sky-50"
                : "border-t border-slate-200"
            }
          >
            <th scope="row" className="px-3 py-2 font-medium">
              {stateLabel(edge.from)}
            </th>
            <td className="px-3 py-2">{stateLabel(edge.to)}</td>
            <td className="px-3 py-2">
              {t.derived ? "Follows the drives" : <code>{t.event}</code>}: {t.when}
            </td>
            <td className="px-3 py-2">{who(t)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{t.rule}</td>
          </tr>
        ))}
      </Table>
    </figure>
  );
}
