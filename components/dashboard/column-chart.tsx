import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

export type ColumnSeries = { name: string; colour: string; values: readonly number[] };

const WIDTH = 560;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 36 };

/** Round a maximum up to a value whose quarters read well (4, 8, 20, 40, 100 …). */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(max / 4));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step * 4 >= max) return m * step * 4;
  return max;
}

/**
 * Columns per category (a day, an age), one or two series side by side, drawn on the server with
 * visx's scales and shapes: an SVG and no client JavaScript. It is a picture (role="img") whose
 * label gives the gist; the numbers are in the table beside it.
 */
export function ColumnChart({
  labels,
  series,
  summary,
  tickEvery = 1,
}: {
  labels: readonly string[];
  series: readonly ColumnSeries[];
  /** What the chart shows, for assistive technology (the table holds the numbers). */
  summary: string;
  /** Label every n-th category on the axis (14 days do not fit at 360 px). */
  tickEvery?: number;
}) {
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const x = scaleBand<string>({ domain: [...labels], range: [0, innerW], padding: 0.2 });
  const inner = scaleBand<string>({
    domain: series.map((s) => s.name),
    range: [0, x.bandwidth()],
    padding: 0.05,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0] });
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
      className="h-auto w-full"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={0} x2={innerW} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={-6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="#334155">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <Group key={label} left={x(label) ?? 0}>
            {series.map((s) => {
              const value = s.values[i] ?? 0;
              const h = innerH - y(value);
              return (
                <Bar
                  key={s.name}
                  x={inner(s.name) ?? 0}
                  y={innerH - h}
                  width={inner.bandwidth()}
                  height={h}
                  fill={s.colour}
                />
              );
            })}
            {i % tickEvery === 0 && (
              <text
                x={x.bandwidth() / 2}
                y={innerH + 16}
                textAnchor="middle"
                fontSize={11}
                fill="#334155"
              >
                {label}
              </text>
            )}
          </Group>
        ))}
        <line x1={0} x2={innerW} y1={innerH} y2={innerH} stroke="#64748b" />
      </Group>
    </svg>
  );
}
