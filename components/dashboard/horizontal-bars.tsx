import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

const WIDTH = 560;
const ROW = 24;
const LABEL_W = 110;
const MARGIN = { top: 4, right: 48, bottom: 4 };

/**
 * One bar per row with its label and value (the backlog by state), drawn on the server with visx:
 * an SVG picture whose label gives the gist; the table beside it holds the numbers and the links.
 */
export function HorizontalBars({
  rows,
  summary,
  colour,
}: {
  rows: readonly { label: string; value: number }[];
  summary: string;
  colour: string;
}) {
  const height = MARGIN.top + MARGIN.bottom + rows.length * ROW;
  const innerW = WIDTH - LABEL_W - MARGIN.right;
  const y = scaleBand<string>({
    domain: rows.map((r) => r.label),
    range: [MARGIN.top, height - MARGIN.bottom],
    padding: 0.2,
  });
  const max = Math.max(1, ...rows.map((r) => r.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerW] });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={summary}
      className="h-auto w-full"
    >
      {rows.map((r) => {
        const top = y(r.label) ?? 0;
        const w = x(r.value);
        return (
          <g key={r.label}>
            <text
              x={LABEL_W - 8}
              y={top + y.bandwidth() / 2}
              dy="0.32em"
              textAnchor="end"
              fontSize={12}
              fill="#1e293b"
            >
              {r.label}
            </text>
            <Group left={LABEL_W}>
              <Bar x={0} y={top} width={w} height={y.bandwidth()} fill={colour} />
              <text x={w + 6} y={top + y.bandwidth() / 2} dy="0.32em" fontSize={12} fill="#1e293b">
                {r.value.toLocaleString("en-US")}
              </text>
            </Group>
          </g>
        );
      })}
    </svg>
  );
}
