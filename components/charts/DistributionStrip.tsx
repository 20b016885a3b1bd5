// The distribution of one indicator across wards: one dot per ward on a horizontal axis, dots with
// (nearly) equal values stacked upwards so none hides another. Each dot links to its ward's page.
// Server component: no hooks, no client JavaScript.
import { defaultFormat, extent, linearScale, niceDomain, roundTo } from "@/components/charts/scale";

export interface DistributionPoint {
  code: string;
  name: string;
  /** null: suppressed or missing; not drawn, but counted in the summary and the note below. */
  value: number | null;
  href: string;
}

export interface DistributionStripProps {
  points: DistributionPoint[];
  /** A comparator drawn as a labelled vertical line, e.g. { label: "Peterborough", value: 27 }. */
  benchmark?: { label: string; value: number };
  /** Axis title, e.g. "% of adults". */
  unitLabel: string;
  /** Formats values in titles and labels, e.g. (v) => formatValue(v, indicator). */
  format: (value: number) => string;
  /** Formats axis ticks (default: the number alone, up to 1 decimal), e.g. without "per 1,000". */
  tickFormat?: (value: number) => string;
  /** The ward to pick out: a larger dot with a ring and its name written above. */
  highlightCode?: string;
  /** What is shown, e.g. "Formal volunteering, 2024": starts the accessible summary. */
  label?: string;
  /** Word for the units counted in the summary. */
  areaNoun?: { one: string; many: string };
  /** viewBox width. Text is 13 units high: keep the container at least ~0.9 × width px wide. */
  width?: number;
  className?: string;
}

const INK = "#0b0c0c";
const DOT_FILL = "#1d4f91"; // 8.1:1 on white
const HIGHLIGHT_FILL = "#D55E00";
const RADIUS = 6;
/** Vertical distance between stacked dots, and the least horizontal gap between dots in a row. */
const PITCH = 2 * RADIUS + 1;
const MARGIN_X = 28;
const FONT_SIZE = 13;
const LABEL_ROW = 20;
/** Rough width of a character at FONT_SIZE, to keep labels inside the chart. */
const CHAR_WIDTH = FONT_SIZE * 0.56;
/** A white outline behind label text, so a line running through it does not hurt legibility. */
const TEXT_HALO = { fill: INK, stroke: "#ffffff", strokeWidth: 4, paintOrder: "stroke" } as const;
const DOT_CLASS = "group-hover:fill-[#0b0c0c] group-focus-visible:fill-[var(--color-focus)]";

export interface StackedDot {
  point: DistributionPoint & { value: number };
  x: number;
  /** 0 = on the axis, 1 = one dot above, … */
  row: number;
}

/**
 * Sorts by value (then code, so ties are stable) and puts each dot in the lowest row where it is at
 * least PITCH from the previous dot in that row. Sorted input means only the last dot of each row
 * can be too close, so this is a single pass.
 */
export function stackDots(points: readonly DistributionPoint[], x: (value: number) => number): StackedDot[] {
  const withValues = points
    .filter((p): p is DistributionPoint & { value: number } => p.value !== null && Number.isFinite(p.value))
    .sort((a, b) => a.value - b.value || a.code.localeCompare(b.code));
  const lastXInRow: number[] = [];
  return withValues.map((point) => {
    const px = x(point.value);
    let row = lastXInRow.findIndex((lastX) => px - lastX >= PITCH);
    if (row === -1) row = lastXInRow.length;
    lastXInRow[row] = px;
    return { point, x: px, row };
  });
}

export function distributionSummary(props: DistributionStripProps, drawn: readonly StackedDot[]): string {
  const { one, many } = props.areaNoun ?? { one: "ward", many: "wards" };
  const count = (n: number) => `${n} ${n === 1 ? one : many}`;
  const lowest = drawn[0];
  const highest = drawn[drawn.length - 1];
  const parts = [
    lowest && highest
      ? `${count(drawn.length)}, from ${props.format(lowest.point.value)} (${lowest.point.name}) to ` +
        `${props.format(highest.point.value)} (${highest.point.name})`
      : `no ${many} with a figure`,
  ];
  if (props.benchmark) parts.push(`${props.benchmark.label} ${props.format(props.benchmark.value)}`);
  const highlighted = drawn.find((d) => d.point.code === props.highlightCode);
  if (highlighted) parts.push(`highlighted: ${highlighted.point.name} ${props.format(highlighted.point.value)}`);
  const notShown = props.points.length - drawn.length;
  if (notShown > 0) parts.push(`${count(notShown)} with no figure not shown`);
  return `${props.label ?? "Distribution"}: ${parts.join("; ")}.`;
}

export function DistributionStrip(props: DistributionStripProps) {
  const { points, benchmark, unitLabel, format, highlightCode, width = 560, className } = props;
  const tickFormat = props.tickFormat ?? defaultFormat;
  const noun = props.areaNoun ?? { one: "ward", many: "wards" };
  const [low, high] = extent([...points.map((p) => p.value), benchmark?.value]) ?? [0, 1];
  const tickCount = Math.max(2, Math.round((width - 2 * MARGIN_X) / 90));
  const { domain, ticks } = niceDomain(low, high, tickCount);
  const x = linearScale(domain, [MARGIN_X, width - MARGIN_X]);
  const dots = stackDots(points, x);
  const highlighted = dots.find((d) => d.point.code === highlightCode);

  // Rows from the top: benchmark label, highlight label, the dot stacks, then the axis.
  const rows = Math.max(1, ...dots.map((d) => d.row + 1));
  const benchmarkLabelY = LABEL_ROW - 6;
  const highlightLabelY = (benchmark ? LABEL_ROW : 0) + LABEL_ROW - 6;
  const dotsTop = (benchmark ? LABEL_ROW : 0) + (highlighted ? LABEL_ROW : 0) + 8;
  const axisY = dotsTop + rows * PITCH + 4;
  const notShown = points.length - dots.length;
  const height = axisY + 44 + (notShown > 0 ? LABEL_ROW : 0);
  const dotY = (row: number) => axisY - 4 - RADIUS - row * PITCH;
  const summary = distributionSummary(props, dots);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      // Not role="img": that would hide the ward links inside from assistive technology.
      role="group"
      aria-label={summary}
      className={className}
      fontSize={FONT_SIZE}
      data-testid="distribution-strip"
    >
      <g aria-hidden="true" fill={INK}>
        <line x1={MARGIN_X} x2={width - MARGIN_X} y1={axisY} y2={axisY} stroke={INK} />
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(${roundTo(x(tick))},${axisY})`} data-part="tick">
            <line y2={6} stroke={INK} />
            <text y={20} textAnchor="middle">
              {tickFormat(tick)}
            </text>
          </g>
        ))}
        <text x={width / 2} y={axisY + 40} textAnchor="middle" data-part="axis-title">
          {unitLabel}
        </text>
        {notShown > 0 && (
          <text x={MARGIN_X} y={axisY + 40 + LABEL_ROW} fill="#505a5f">
            {`Not shown: ${notShown} ${notShown === 1 ? noun.one : noun.many} with no figure`}
          </text>
        )}
      </g>
      {benchmark && (
        <g aria-hidden="true" data-part="benchmark">
          <line
            x1={roundTo(x(benchmark.value))}
            x2={roundTo(x(benchmark.value))}
            y1={benchmarkLabelY + 4}
            y2={axisY}
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
          <text
            {...labelPosition(x(benchmark.value), `${benchmark.label} ${format(benchmark.value)}`, width)}
            y={benchmarkLabelY}
            {...TEXT_HALO}
          >
            {`${benchmark.label} ${format(benchmark.value)}`}
          </text>
        </g>
      )}
      {dots.map(({ point, x: cx, row }) => (
        <a key={point.code} href={point.href} className="group" data-code={point.code}>
          <title>{`${point.name}: ${format(point.value)}`}</title>
          <circle
            cx={roundTo(cx)}
            cy={roundTo(dotY(row))}
            r={RADIUS}
            fill={point.code === highlightCode ? HIGHLIGHT_FILL : DOT_FILL}
            stroke="#ffffff"
            className={DOT_CLASS}
          />
        </a>
      ))}
      {highlighted && (
        // Drawn after every dot so its ring is never covered; the dot itself stays in value order.
        <g aria-hidden="true" data-part="highlight" pointerEvents="none">
          <circle
            cx={roundTo(highlighted.x)}
            cy={roundTo(dotY(highlighted.row))}
            r={RADIUS + 3}
            fill="none"
            stroke={INK}
            strokeWidth={2.5}
          />
          <line
            x1={roundTo(highlighted.x)}
            x2={roundTo(highlighted.x)}
            y1={highlightLabelY + 4}
            y2={roundTo(dotY(highlighted.row) - RADIUS - 3)}
            stroke={INK}
          />
          <text
            {...labelPosition(highlighted.x, highlightText(highlighted, format), width)}
            y={highlightLabelY}
            fontWeight={700}
            {...TEXT_HALO}
          >
            {highlightText(highlighted, format)}
          </text>
        </g>
      )}
    </svg>
  );
}

function highlightText(dot: StackedDot, format: (value: number) => string): string {
  return `${dot.point.name} ${format(dot.point.value)}`;
}

/** Centres a label over x, but shifts it so an estimate of its width stays inside the chart. */
function labelPosition(x: number, text: string, width: number): { x: number; textAnchor: "start" | "middle" | "end" } {
  const half = (text.length * CHAR_WIDTH) / 2;
  if (x - half < 2) return { x: 2, textAnchor: "start" };
  if (x + half > width - 2) return { x: width - 2, textAnchor: "end" };
  return { x: roundTo(x), textAnchor: "middle" };
}
