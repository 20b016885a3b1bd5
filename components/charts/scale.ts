// Scale, axis and path arithmetic shared by the server-rendered SVG charts (SpineChart, DistributionStrip,
// StaticTrendChart) and the report images (lib/images).
// Plain functions, no chart library: the charts render on the server and must work without JavaScript.

/** A linear map from a data domain to a pixel range; the range may run right-to-left (reversed). */
export type LinearScale = (value: number) => number;

/**
 * Maps domain[0] → range[0] and domain[1] → range[1], linearly, without clamping.
 * A domain of zero width (every value equal) maps everything to the middle of the range.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** The smallest [min, max] containing every finite value given, or null when there are none. */
export function extent(values: ReadonlyArray<number | null | undefined>): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : null;
}

/** A tick step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over the span (how people round). */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude; // in [1, 10)
  // Round up to the next of 1, 2, 5, 10, so there are never more than about `count` intervals.
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/**
 * The domain widened outwards to whole tick steps, and the ticks inside it, e.g. 12.3..35.1 → 10..40
 * with ticks 10, 15, ..., 40. Tick values are rounded to the step's precision so 0.1 + 0.2 prints as 0.3.
 */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (min === max) {
    // One value (or all equal): show a small range around it so the dot is not on the edge.
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceDomain(min - pad, max + pad, count);
  }
  const step = niceStep(max - min, count);
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step / 2; i++) ticks.push(roundTo(start + i * step, decimals));
  return { domain: [roundTo(start, decimals), roundTo(end, decimals)], ticks };
}

/** Rounds for SVG attributes: one decimal is sub-pixel at our sizes and keeps the markup short. */
export function roundTo(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Default number format when a chart is given none: up to one decimal, en-GB grouping. */
export function defaultFormat(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/** "M x,y L x,y …" through the defined points; a missing value breaks the line (no invented joins). */
export function linePath(xs: readonly number[], ys: readonly (number | null)[]): string {
  let d = "";
  let drawing = false;
  ys.forEach((y, i) => {
    if (y === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? "L" : "M"}${roundTo(xs[i]!)},${roundTo(y)}`;
    drawing = true;
  });
  return d;
}

/**
 * The interval band: one closed shape per run of consecutive periods with an interval (upper edge
 * forwards, lower edge back). A lone period gets a narrow bar of `loneWidth`, so it still shows.
 */
export function bandPath(
  xs: readonly number[],
  bounds: readonly ({ lower: number; upper: number } | null)[],
  loneWidth: number,
): string {
  const runs: number[][] = [];
  bounds.forEach((b, i) => {
    if (!b) return;
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === i - 1) run.push(i);
    else runs.push([i]);
  });
  return runs
    .map((run) => {
      if (run.length === 1) {
        const i = run[0]!;
        const { lower, upper } = bounds[i]!;
        const [x0, x1] = [xs[i]! - loneWidth / 2, xs[i]! + loneWidth / 2];
        return `M${roundTo(x0)},${roundTo(upper)}L${roundTo(x1)},${roundTo(upper)}L${roundTo(x1)},${roundTo(lower)}L${roundTo(x0)},${roundTo(lower)}Z`;
      }
      const upper = run.map((i, k) => `${k === 0 ? "M" : "L"}${roundTo(xs[i]!)},${roundTo(bounds[i]!.upper)}`).join("");
      const lower = [...run]
        .reverse()
        .map((i) => `L${roundTo(xs[i]!)},${roundTo(bounds[i]!.lower)}`)
        .join("");
      return `${upper}${lower}Z`;
    })
    .join("");
}

/** Tick labels with as many decimals as the tick step needs (0.25 stays 0.25, 20 stays 20). */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  const decimals = Math.max(0, ...ticks.map((t) => (String(t).split(".")[1] ?? "").length));
  return (value) => value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
