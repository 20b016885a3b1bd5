// Ward value against deprivation rank, with the fitted SII line: the picture behind the slope
// index of inequality. Server-drawn SVG; the table of wards on the same page lists every figure.
import { extent, linearScale, niceDomain, roundTo } from "@/components/charts/scale";

export interface ScatterPoint {
  code: string;
  name: string;
  value: number | null;
  /** 0 = most deprived end, 1 = least deprived end (population-weighted). */
  relativeRank: number | null;
  href: string;
}

const WIDTH = 560;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 56 };
const INK = "#0b0c0c";

export function InequalityScatter({
  points,
  fittedMostDeprived,
  fittedLeastDeprived,
  unitLabel,
  format,
  label,
}: {
  points: ScatterPoint[];
  fittedMostDeprived: number | null;
  fittedLeastDeprived: number | null;
  unitLabel: string;
  format: (value: number) => string;
  label: string;
}) {
  const usable = points.filter((p) => p.value !== null && p.relativeRank !== null);
  const span = extent([...usable.map((p) => p.value), fittedMostDeprived, fittedLeastDeprived]) ?? [0, 1];
  const { domain, ticks } = niceDomain(span[0], span[1], 5);
  const x = linearScale([0, 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale(domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const hasLine = fittedMostDeprived !== null && fittedLeastDeprived !== null;
  // One string, not JSX text with {…} parts: React's server renderer writes a <title> with several children
  // as an empty element, so the tooltip was blank and hydration failed on the missing text (React error #418).
  const fittedLineTitle = hasLine
    ? `Fitted line: ${format(fittedMostDeprived)} at the most deprived end, ${format(fittedLeastDeprived)} at the least deprived end`
    : "";
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="group"
      aria-label={label}
      data-testid="inequality-scatter"
      className="max-w-2xl"
    >
      <title>{label}</title>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#d9d9d9" />
          <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={INK}>
            {roundTo(tick, 2).toLocaleString("en-GB")}
          </text>
        </g>
      ))}
      <line
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={HEIGHT - MARGIN.bottom}
        y2={HEIGHT - MARGIN.bottom}
        stroke={INK}
      />
      <text x={MARGIN.left} y={HEIGHT - MARGIN.bottom + 18} fontSize={12} fill={INK}>
        Most deprived
      </text>
      <text x={WIDTH - MARGIN.right} y={HEIGHT - MARGIN.bottom + 18} fontSize={12} fill={INK} textAnchor="end">
        Least deprived
      </text>
      <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} fontSize={12} fill={INK} textAnchor="middle">
        Wards ranked by deprivation (share of population)
      </text>
      <text
        x={14}
        y={(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}
        fontSize={12}
        fill={INK}
        textAnchor="middle"
        transform={`rotate(-90 14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2})`}
      >
        {unitLabel}
      </text>
      {hasLine && (
        <line
          className="sii-line"
          x1={x(0)}
          y1={y(fittedMostDeprived)}
          x2={x(1)}
          y2={y(fittedLeastDeprived)}
          stroke="#D55E00"
          strokeWidth={3}
          strokeDasharray="8 4"
        >
          <title>{fittedLineTitle}</title>
        </line>
      )}
      {usable.map((p) => (
        <a key={p.code} href={p.href} className="group">
          <circle
            className="ward-dot group-focus-visible:fill-[var(--color-focus)]"
            cx={x(p.relativeRank!)}
            cy={y(p.value!)}
            r={6}
            fill="#0072B2"
            stroke={INK}
            strokeWidth={1}
          />
          <title>{`${p.name}: ${format(p.value!)}`}</title>
        </a>
      ))}
    </svg>
  );
}
