// A Fingertips-style spine chart for one indicator row: the spread of all wards (light bar),
// the middle half of wards (dark bar), the benchmark (vertical line) and this ward (a marker whose
// shape says better / similar / worse, so colour is never the only signal).
//
// Scale: plain linear from the lowest to the highest value shown (Fingertips instead centres the
// benchmark and stretches each side separately; a linear scale is simpler to read and to check).
// When lower is better the axis is reversed, so "better" is always to the right, as in Fingertips.
// Server component: no hooks, no client JavaScript; it prints as crisp vector graphics.
import type { ReactNode } from "react";
import { defaultFormat, extent, linearScale, roundTo } from "@/components/charts/scale";

export type SpineRating = "better" | "similar" | "worse" | "not-compared";
export type SpinePolarity = "higher-better" | "lower-better" | "neither";

export interface SpineChartProps {
  /** Lowest and highest value across all wards, and the 25th and 75th percentiles. */
  min: number;
  max: number;
  q1: number;
  q3: number;
  /** The comparator's value (e.g. Peterborough). */
  benchmark: number;
  /** This ward's value; null when suppressed or missing (no marker is drawn). */
  value: number | null;
  lowerCi?: number | null;
  upperCi?: number | null;
  rating: SpineRating;
  polarity: SpinePolarity;
  /** What is measured, e.g. "Formal volunteering": starts the accessible summary. */
  label: string;
  /** viewBox width; the SVG itself is always width 100% of its container. */
  width?: number;
  /** Formats values for the summary, e.g. (v) => formatValue(v, indicator). */
  format?: (value: number) => string;
  /** Names used in the summary: "Barnack 21.3%, Peterborough 27.0%". */
  areaName?: string;
  benchmarkName?: string;
  className?: string;
}

const HEIGHT = 28;
const MIDDLE = HEIGHT / 2;
/** Room at each end so a marker on the extreme value is not cut off. */
const END_PADDING = 9;
const INK = "#0b0c0c";
/** Range bar outline and interquartile fill: 4.6:1 on white, 3.9:1 against the light range fill. */
const GREY = "#6f777b";
const LIGHT = "#e8e8e8";

/** Okabe–Ito colours (safe for colour blindness) plus a shape each; every marker has a dark outline. */
export const SPINE_MARKERS: Record<SpineRating, { shape: MarkerShape; fill: string; name: string }> = {
  better: { shape: "circle", fill: "#0072B2", name: "Better (circle)" },
  similar: { shape: "diamond", fill: "#ffffff", name: "Similar (diamond)" },
  worse: { shape: "square", fill: "#D55E00", name: "Worse (square)" },
  "not-compared": { shape: "triangle", fill: "#bdbdbd", name: "Not compared (triangle)" },
};

export type MarkerShape = "circle" | "diamond" | "square" | "triangle";

/** A marker centred on (0, 0), about 14 units across, with a white halo so it stands out on any bar. */
export function SpineMarker({ rating }: { rating: SpineRating }) {
  const { shape, fill } = SPINE_MARKERS[rating];
  const shapeElement = (stroke: string, strokeWidth: number, fillColour: string) => {
    const common = { stroke, strokeWidth, fill: fillColour, strokeLinejoin: "round" as const };
    if (shape === "circle") return <circle r={6} {...common} />;
    if (shape === "square") return <rect x={-5.5} y={-5.5} width={11} height={11} {...common} />;
    if (shape === "diamond") return <path d="M0,-7.5L7.5,0L0,7.5L-7.5,0Z" {...common} />;
    return <path d="M0,-7L7,5.5L-7,5.5Z" {...common} />;
  };
  return (
    <>
      {shapeElement("#ffffff", 4, "#ffffff")}
      {shapeElement(INK, 1.5, fill)}
    </>
  );
}

export function ratingPhrase(rating: SpineRating, benchmarkName: string): string {
  if (rating === "better") return `better than ${benchmarkName}`;
  if (rating === "worse") return `worse than ${benchmarkName}`;
  if (rating === "similar") return `similar to ${benchmarkName}`;
  return `not compared with ${benchmarkName}`;
}

/** The sentence a screen reader hears, e.g. "Volunteering: Barnack 21.3%, Peterborough 27.0%, …". */
export function spineSummary(props: SpineChartProps): string {
  const format = props.format ?? defaultFormat;
  const areaName = props.areaName ?? "Ward";
  const benchmarkName = props.benchmarkName ?? "the benchmark";
  const { lowerCi, upperCi, value } = props;
  const interval =
    value !== null && isFiniteNumber(lowerCi) && isFiniteNumber(upperCi)
      ? ` (95% confidence interval ${format(lowerCi)} to ${format(upperCi)})`
      : "";
  const ward = value === null ? `${areaName}: no figure` : `${areaName} ${format(value)}${interval}`;
  const comparison = value === null ? "" : `: ${ratingPhrase(props.rating, benchmarkName)}`;
  return (
    `${props.label}: ${ward}, ${benchmarkName} ${format(props.benchmark)}, ` +
    `ward range ${format(props.min)} to ${format(props.max)}${comparison}.`
  );
}

export function SpineChart(props: SpineChartProps) {
  const { min, max, q1, q3, benchmark, value, polarity, rating, width = 240, className } = props;
  const [low, high] = extent([min, max, benchmark, value]) ?? [0, 1];
  const left = END_PADDING;
  const right = width - END_PADDING;
  // Better is always to the right: reverse the axis when lower values are better.
  const x = linearScale([low, high], polarity === "lower-better" ? [right, left] : [left, right]);
  const span = (a: number, b: number) => {
    const [x0, x1] = [x(a), x(b)].sort((p, q) => p - q) as [number, number];
    return { x: roundTo(x0), width: roundTo(x1 - x0) };
  };
  const summary = spineSummary(props);

  return (
    <svg
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={summary}
      className={className}
      data-polarity={polarity}
    >
      <title>{summary}</title>
      <rect data-part="range" {...span(min, max)} y={7} height={14} fill={LIGHT} stroke={GREY} strokeWidth={1} />
      <rect data-part="iqr" {...span(q1, q3)} y={7} height={14} fill={GREY} />
      <line
        data-part="benchmark"
        x1={roundTo(x(benchmark))}
        x2={roundTo(x(benchmark))}
        y1={1}
        y2={HEIGHT - 1}
        stroke={INK}
        strokeWidth={2.5}
      />
      {value !== null && isFiniteNumber(props.lowerCi) && isFiniteNumber(props.upperCi) && (
        <Whisker x0={x(props.lowerCi)} x1={x(props.upperCi)} left={left} right={right} />
      )}
      {value !== null && (
        <g data-part="marker" data-rating={rating} transform={`translate(${roundTo(x(value))},${MIDDLE})`}>
          <SpineMarker rating={rating} />
        </g>
      )}
    </svg>
  );
}

/**
 * The confidence interval as a horizontal whisker. Intervals can be far wider than the range of
 * ward values (small samples): the line is clipped at the chart's ends and loses its end cap there,
 * so a missing cap means "continues beyond the chart" rather than squashing every bar.
 */
function Whisker({ x0, x1, left, right }: { x0: number; x1: number; left: number; right: number }) {
  const from = Math.max(left - END_PADDING + 1, Math.min(x0, x1));
  const to = Math.min(right + END_PADDING - 1, Math.max(x0, x1));
  const caps = [Math.min(x0, x1) === from ? from : null, Math.max(x0, x1) === to ? to : null];
  const d =
    `M${roundTo(from)},${MIDDLE}H${roundTo(to)}` +
    caps.map((cap) => (cap === null ? "" : `M${roundTo(cap)},${MIDDLE - 5}V${MIDDLE + 5}`)).join("");
  return (
    <g data-part="ci" fill="none">
      <path d={d} stroke="#ffffff" strokeWidth={4} />
      <path d={d} stroke={INK} strokeWidth={1.5} />
    </g>
  );
}

/**
 * The key for a table of spine charts: what the bars, the line and each marker shape mean.
 * HTML (with small inline SVG swatches) so the text wraps and stays at the page's text size.
 */
export function SpineChartKey({
  benchmarkName = "the benchmark",
  className,
}: {
  benchmarkName?: string;
  className?: string;
}) {
  const swatch = (children: ReactNode) => (
    <svg viewBox="0 0 28 16" width={28} height={16} aria-hidden="true" focusable="false" className="shrink-0">
      {children}
    </svg>
  );
  const items: { key: string; icon: ReactNode; text: string }[] = [
    {
      key: "range",
      icon: swatch(<rect x={1} y={2} width={26} height={12} fill={LIGHT} stroke={GREY} />),
      text: "Light bar: range of all wards, lowest to highest",
    },
    {
      key: "iqr",
      icon: swatch(<rect x={1} y={2} width={26} height={12} fill={GREY} />),
      text: "Dark bar: middle half of wards (25th to 75th percentile)",
    },
    {
      key: "benchmark",
      icon: swatch(<line x1={14} x2={14} y1={0} y2={16} stroke={INK} strokeWidth={2.5} />),
      text: `Vertical line: ${benchmarkName}`,
    },
    ...(["better", "similar", "worse", "not-compared"] as const).map((rating) => ({
      key: rating,
      icon: swatch(
        <g transform="translate(14,8)">
          <SpineMarker rating={rating} />
        </g>,
      ),
      text: `${SPINE_MARKERS[rating].name}: the ward is ${ratingPhrase(rating, benchmarkName)}`,
    })),
    {
      key: "ci",
      icon: swatch(<path d="M3,8H25M3,3V13M25,3V13" stroke={INK} strokeWidth={1.5} fill="none" />),
      text: "Whisker: 95% confidence interval (no end cap where it runs off the chart)",
    },
  ];
  return (
    <div className={className} data-testid="spine-chart-key">
      <p className="text-sm font-semibold">How to read the charts</p>
      <p className="text-sm">
        Better is always to the right: the scale runs from high to low when lower is better. Where neither is better,
        higher values are to the right.
      </p>
      <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-2">
            {item.icon}
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
