// The trend chart drawn on the server: what shows before the interactive TrendChart (Recharts) has
// loaded, without JavaScript, and in print. Same series, colours and layout as TrendChart, so when it
// is replaced in place only the tooltips are new.
//
// It fills whatever box the page gives it, at any width, with no script: the plot is SVG drawn in a
// VIEW × VIEW square stretched to the plot area (preserveAspectRatio="none"), its strokes keep their
// width (vector-effect="non-scaling-stroke") and its markers are zero-length round-capped strokes, so
// they stay round. Axis labels and the key are HTML at the page's text size.
// Server component: no hooks, no client JavaScript.
import type { ReactNode } from "react";
import { bandPath, linearScale, linePath, roundTo, tickFormatter } from "@/components/charts/scale";
import {
  AREA_COLOUR,
  BAND_COLOUR,
  BENCHMARK_COLOUR,
  GRID_COLOUR,
  trendValueAxis,
  type TrendChartProps,
} from "@/components/charts/trend-chart-props";

const VIEW = 1000;
const AXIS_COLOUR = "#666666";
/** With more periods than this, only every k-th is labelled (counting back, so the latest always is). */
const MAX_PERIOD_LABELS = 6;
/** Marker diameters in px, as TrendChart's dots. */
const AREA_MARKER = 9;
const BENCHMARK_MARKER = 6;
const STROKE = { fill: "none", vectorEffect: "non-scaling-stroke" } as const;

/** What the chart shows in one sentence: its accessible name (the table beside it has every figure). */
export function trendChartSummary({ points, areaName, benchmarkName, unitLabel, decimals }: TrendChartProps): string {
  const first = points[0]?.period;
  const last = points.at(-1)?.period;
  const span = first && last && first !== last ? `${first} to ${last}` : (first ?? "no periods");
  const series = benchmarkName ? `${areaName} and ${benchmarkName}` : areaName;
  const latest = [...points].reverse().find((p) => p.area !== null);
  const figures = latest
    ? ` Latest, ${latest.period}: ${areaName} ${latest.area!.toFixed(decimals)}` +
      (benchmarkName && latest.benchmark !== null ? `, ${benchmarkName} ${latest.benchmark.toFixed(decimals)}` : "") +
      "."
    : "";
  return `Line chart of ${unitLabel}, ${series}, ${span}.${figures}`;
}

export function StaticTrendChart(props: TrendChartProps) {
  const { points, areaName, benchmarkName, unitLabel } = props;
  const withBenchmark = Boolean(benchmarkName);
  const hasBand = points.some((p) => p.interval);
  const { domain, ticks } = trendValueAxis(props);
  const tickText = tickFormatter(ticks);
  const y = linearScale(domain, [VIEW, 0]);
  const n = points.length;
  const xs = points.map((_, i) => (n === 1 ? VIEW / 2 : (i * VIEW) / (n - 1)));
  const every = Math.ceil(n / MAX_PERIOD_LABELS);
  const percent = (units: number) => `${roundTo((units / VIEW) * 100, 2)}%`;

  const areaYs = points.map((p) => (p.area === null ? null : y(p.area)));
  const benchmarkYs = points.map((p) => (p.benchmark === null ? null : y(p.benchmark)));
  const band = bandPath(
    xs,
    points.map((p) => (p.interval ? { lower: y(p.interval[0]), upper: y(p.interval[1]) } : null)),
    VIEW / Math.max(4, 2 * n),
  );
  const markers = (ys: (number | null)[]) =>
    ys.map((my, i) => (my === null ? "" : `M${roundTo(xs[i]!)},${roundTo(my)}h0`)).join("");

  return (
    <div
      role="img"
      aria-label={trendChartSummary(props)}
      className="flex h-full w-full flex-col text-[#0b0c0c]"
      data-testid="static-trend-chart"
    >
      <div className="flex min-h-0 flex-1 pr-4 pt-2">
        <div className="ml-2 flex w-14 shrink-0">
          <span className="flex w-5 items-center justify-center overflow-hidden">
            <span className="rotate-180 whitespace-nowrap [writing-mode:vertical-rl]">{unitLabel}</span>
          </span>
          <div className="relative flex-1" data-part="y-ticks">
            {ticks.map((tick) => (
              <span
                key={tick}
                className="absolute right-2 -translate-y-1/2 leading-none tabular-nums"
                style={{ top: percent(y(tick)) }}
              >
                {tickText(tick)}
              </span>
            ))}
          </div>
        </div>
        <div className="relative flex-1">
          <svg
            viewBox={`0 0 ${VIEW} ${VIEW}`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full overflow-visible"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d={[
                ...ticks.map((t) => `M0,${roundTo(y(t))}H${VIEW}`),
                ...xs.map((x) => `M${roundTo(x)},0V${VIEW}`),
              ].join("")}
              stroke={GRID_COLOUR}
              strokeDasharray="2 4"
              {...STROKE}
            />
            <path d={`M0,0V${VIEW}H${VIEW}`} stroke={AXIS_COLOUR} {...STROKE} />
            {band && (
              // A nested viewport clips (the outer one lets edge markers overhang): a lone period's
              // interval bar at either end stays inside the plot.
              <svg width={VIEW} height={VIEW} viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none">
                <path d={band} fill={BAND_COLOUR} fillOpacity={0.6} data-series="interval" />
              </svg>
            )}
            {withBenchmark && (
              <g data-series="benchmark">
                <path
                  d={linePath(xs, benchmarkYs)}
                  stroke={BENCHMARK_COLOUR}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  {...STROKE}
                />
                <path
                  d={markers(benchmarkYs)}
                  stroke={BENCHMARK_COLOUR}
                  strokeWidth={BENCHMARK_MARKER}
                  strokeLinecap="round"
                  data-part="markers"
                  {...STROKE}
                />
              </g>
            )}
            <g data-series="area">
              <path d={linePath(xs, areaYs)} stroke={AREA_COLOUR} strokeWidth={3} strokeLinejoin="round" {...STROKE} />
              <path
                d={markers(areaYs)}
                stroke={AREA_COLOUR}
                strokeWidth={AREA_MARKER}
                strokeLinecap="round"
                data-part="markers"
                {...STROKE}
              />
            </g>
          </svg>
        </div>
      </div>
      <div className="relative ml-16 mr-4 h-[30px] shrink-0" data-part="x-ticks">
        {points.map((p, i) =>
          (n - 1 - i) % every === 0 ? (
            <span
              key={p.period}
              className="absolute top-1.5 -translate-x-1/2 whitespace-nowrap"
              style={{ left: percent(xs[i]!) }}
            >
              {p.period}
            </span>
          ) : null,
        )}
      </div>
      <ul className="flex min-h-6 shrink-0 flex-wrap justify-center gap-x-4 gap-y-1 pb-2" data-part="key">
        {/* In the order of TrendChart's legend. */}
        <KeyItem
          swatch={
            <>
              <path d="M2,8H26" stroke={AREA_COLOUR} strokeWidth={3} />
              <circle cx={14} cy={8} r={AREA_MARKER / 2} fill={AREA_COLOUR} />
            </>
          }
        >
          {areaName}
        </KeyItem>
        {hasBand && (
          <KeyItem swatch={<rect x={2} y={3} width={24} height={10} fill={BAND_COLOUR} fillOpacity={0.6} />}>
            {`${areaName}: 95% interval`}
          </KeyItem>
        )}
        {withBenchmark && (
          <KeyItem
            swatch={
              <>
                <path d="M2,8H26" stroke={BENCHMARK_COLOUR} strokeWidth={2} strokeDasharray="6 4" />
                <circle cx={14} cy={8} r={BENCHMARK_MARKER / 2} fill={BENCHMARK_COLOUR} />
              </>
            }
          >
            {benchmarkName}
          </KeyItem>
        )}
      </ul>
    </div>
  );
}

function KeyItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      <svg viewBox="0 0 28 16" width={28} height={16} aria-hidden="true" focusable="false" className="shrink-0">
        {swatch}
      </svg>
      <span>{children}</span>
    </li>
  );
}
