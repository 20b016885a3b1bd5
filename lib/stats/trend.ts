// Recent trend of an indicator for one area, following the Fingertips (OHID) "recent trends" method:
// the most recent 5 periods with a figure, a chi-squared test for trend (Cochran–Armitage) for
// proportions and a weighted least-squares slope test for other figures, plus Fingertips' check
// that no single period decides the direction. Pure functions; see docs/methodology.md, "Recent trend".
//
// Sources: OHID Fingertips, "Technical guide: recent trends" and its implementation
// (ukhsa-collaboration/fingertips-open, TrendMarkerCalculator.cs); Altman, Practical Statistics for
// Medical Research (1991), §10.7.4 (chi-squared test for trend); Armitage (1955).
import type { Polarity, Unit } from "@/lib/domain/types";
import { logGamma, normalQuantile, wilsonInterval } from "@/lib/stats/intervals";

// ---------------------------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------------------------

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series below a + 1, Lentz continued
 * fraction above (Numerical Recipes §6.2), about 1e-15 relative accuracy.
 */
function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logFront) * h;
}

/** P(Z > z) for z >= 0, computed directly (no 1 − Φ cancellation in the tail): ½·Q(½, z²/2). */
function normalUpperTail(z: number): number {
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return z >= 0 ? 1 - normalUpperTail(z) : normalUpperTail(-z);
}

/**
 * P(X > x) for X ~ χ²(df). For one degree of freedom this is the two-sided normal tail,
 * 2·(1 − Φ(√x)), since χ²(1) = Z²; other df use Q(df/2, x/2).
 */
export function chiSquaredUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquaredUpperTail: df must be positive, got ${df}`);
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (df === 1) return 2 * normalUpperTail(Math.sqrt(x));
  return regularizedGammaQ(df / 2, x / 2);
}

// ---------------------------------------------------------------------------------------------
// Trend tests
// ---------------------------------------------------------------------------------------------

export interface TrendInputPoint {
  period: string;
  value: number | null;
  /** Count (or weighted count) with the characteristic; null for means. */
  numerator?: number | null;
  /** Count (or weighted base) it is out of. */
  denominator?: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  suppressed: boolean;
}

export type TrendDirection = "increasing" | "decreasing" | "no-significant-change" | "cannot-calculate";
export type TrendRating = "improving" | "worsening" | "no-change" | "not-rated";
export type TrendMethod = "chi-squared-trend" | "weighted-regression";

export interface TrendResult {
  direction: TrendDirection;
  rating: TrendRating;
  /** The periods the test used, oldest first (empty when it could not be calculated). */
  periodsUsed: string[];
  reason: string;
  method: TrendMethod | null;
  /** The χ²(1) statistic, or null when not calculated. */
  statistic: number | null;
  pValue: number | null;
}

export interface TrendOptions {
  /**
   * The indicator's unit: "score" always uses the regression test; "percent" and "per1000" say how
   * to turn the interval back into a proportion (÷100, ÷1,000). Inferred from the counts when absent.
   */
  unit?: Unit;
  /** Two-sided significance level; default 0.05. (Fingertips itself uses 0.002, i.e. χ² > 9.55.) */
  alpha?: number;
}

/** Fingertips uses the most recent five points, and needs all five. */
export const TREND_POINTS = 5;
export const TREND_ALPHA = 0.05;

const Z95 = normalQuantile(0.975);

interface Scored {
  point: TrendInputPoint;
  /** Position of the period in the full series, so a suppressed year keeps its gap. */
  score: number;
}

interface TestOutcome {
  statistic: number;
  /** Sign of the fitted slope (−1, 0, 1). */
  slopeSign: number;
  /** Slope signs with each point left out in turn (Fingertips' outlier check). */
  leaveOneOutSigns: number[];
}

function finite(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function hasProportionCounts(point: TrendInputPoint): boolean {
  const { numerator, denominator } = point;
  return (
    finite(numerator) &&
    finite(denominator) &&
    denominator > 0 &&
    numerator >= 0 &&
    numerator <= denominator * (1 + 1e-9)
  );
}

function hasInterval(point: TrendInputPoint): boolean {
  return finite(point.lowerCi) && finite(point.upperCi) && point.upperCi > point.lowerCi;
}

/** What a proportion is multiplied by to give the published value (100 for %, 1,000 per 1,000). */
function valueScale(points: TrendInputPoint[], unit: Unit | undefined): number {
  if (unit === "percent") return 100;
  if (unit === "per1000") return 1000;
  for (const point of points) {
    if (finite(point.value) && point.numerator! > 0) {
      const ratio = point.value / (point.numerator! / point.denominator!);
      return 10 ** Math.round(Math.log10(ratio));
    }
  }
  return 100;
}

/**
 * The sample size whose Wilson interval at proportion p has the published width: the effective
 * sample size of a weighted survey cell (Kish n_eff, since the seed computed the interval on it).
 * The width falls monotonically as n grows, so bisection on log n finds it.
 */
export function effectiveSampleSizeFromWilson(p: number, lower: number, upper: number): number {
  const target = upper - lower;
  if (!(target > 0)) throw new RangeError("effectiveSampleSizeFromWilson: the interval has no width");
  const width = (n: number) => {
    const interval = wilsonInterval(p * n, n);
    return interval.upper - interval.lower;
  };
  let lo = Math.log(1e-3);
  let hi = Math.log(1e12);
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (width(Math.exp(mid)) > target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Chi-squared test for trend in proportions (Cochran–Armitage), in Fingertips' form:
 * χ² = N·(N·Σxᵢtᵢ − X·Σnᵢtᵢ)² / [X·(N − X)·(N·Σnᵢtᵢ² − (Σnᵢtᵢ)²)], with N = Σnᵢ, X = Σxᵢ.
 * Returns the statistic and the sign of N·Σxt − X·Σnt (the direction of the weighted slope).
 */
export function chiSquaredForTrend(rows: { successes: number; trials: number; score: number }[]): {
  statistic: number;
  slopeSign: number;
} {
  let N = 0;
  let X = 0;
  let sumNT = 0;
  let sumNT2 = 0;
  let sumXT = 0;
  for (const { successes, trials, score } of rows) {
    N += trials;
    X += successes;
    sumNT += trials * score;
    sumNT2 += trials * score * score;
    sumXT += successes * score;
  }
  const difference = N * sumXT - X * sumNT;
  const denominator = X * (N - X) * (N * sumNT2 - sumNT * sumNT);
  // All 0 % or all 100 %, or a single score: nothing varies, so there is no trend to detect.
  if (!(denominator > 0)) return { statistic: 0, slopeSign: 0 };
  return { statistic: (N * difference * difference) / denominator, slopeSign: Math.sign(difference) };
}

/**
 * Weighted least-squares slope with known variances (weights 1/SE², SE from the 95 % interval):
 * slope = (S·Σwty − Σwt·Σwy)/(S·Σwt² − (Σwt)²), Var = S/(S·Σwt² − (Σwt)²), χ² = slope²/Var.
 */
export function weightedSlopeTest(rows: { value: number; standardError: number; score: number }[]): {
  slope: number;
  standardError: number;
  statistic: number;
} {
  let S = 0;
  let St = 0;
  let Sy = 0;
  let Stt = 0;
  let Sty = 0;
  for (const { value, standardError, score } of rows) {
    const w = 1 / (standardError * standardError);
    S += w;
    St += w * score;
    Sy += w * value;
    Stt += w * score * score;
    Sty += w * score * value;
  }
  const determinant = S * Stt - St * St;
  if (!(determinant > 0)) return { slope: 0, standardError: Infinity, statistic: 0 };
  const slope = (S * Sty - St * Sy) / determinant;
  const standardError = Math.sqrt(S / determinant);
  return { slope, standardError, statistic: (slope / standardError) ** 2 };
}

function leaveOneOut<T>(rows: T[], test: (subset: T[]) => number): number[] {
  return rows.map((_, index) => test(rows.filter((__, j) => j !== index)));
}

function proportionTest(used: Scored[], scale: number): TestOutcome {
  const rows = used.map(({ point, score }) => {
    const p = point.numerator! / point.denominator!;
    // Weighted survey counts overstate the information in the sample: use the effective sample
    // size implied by the published Wilson interval (a first-order design-effect correction).
    // Without an interval (true counts, e.g. a census) the counts are used as they are.
    const trials = hasInterval(point)
      ? effectiveSampleSizeFromWilson(Math.min(1, Math.max(0, p)), point.lowerCi! / scale, point.upperCi! / scale)
      : point.denominator!;
    return { successes: p * trials, trials, score };
  });
  const full = chiSquaredForTrend(rows);
  return {
    statistic: full.statistic,
    slopeSign: full.slopeSign,
    leaveOneOutSigns: leaveOneOut(rows, (subset) => chiSquaredForTrend(subset).slopeSign),
  };
}

function meanTest(used: Scored[]): TestOutcome {
  const rows = used.map(({ point, score }) => ({
    value: point.value!,
    standardError: (point.upperCi! - point.lowerCi!) / (2 * Z95),
    score,
  }));
  const full = weightedSlopeTest(rows);
  return {
    statistic: full.statistic,
    slopeSign: Math.sign(full.slope),
    leaveOneOutSigns: leaveOneOut(rows, (subset) => Math.sign(weightedSlopeTest(subset).slope)),
  };
}

function cannotCalculate(reason: string): TrendResult {
  return {
    direction: "cannot-calculate",
    rating: "not-rated",
    periodsUsed: [],
    reason,
    method: null,
    statistic: null,
    pValue: null,
  };
}

function formatP(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/**
 * The recent trend of one area's series: increasing, decreasing, no significant change, or
 * cannot be calculated (fewer than 5 usable periods). Proportions with counts use the chi-squared
 * test for trend; means and other figures use the weighted slope test on their intervals.
 * A direction is reported only when p < alpha AND the slope keeps its sign when any single period
 * is left out (Fingertips' guard against one unusual year deciding the trend).
 */
export function recentTrend(
  points: readonly TrendInputPoint[],
  polarity: Polarity,
  options: TrendOptions = {},
): TrendResult {
  const alpha = options.alpha ?? TREND_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`recentTrend: alpha must be in (0, 1), got ${alpha}`);

  const series: Scored[] = [...points]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((point, index) => ({ point, score: index + 1 }));
  const withValue = series.filter(({ point }) => !point.suppressed && finite(point.value));

  const useProportions =
    options.unit !== "score" && withValue.length > 0 && withValue.every(({ point }) => hasProportionCounts(point));
  const method: TrendMethod = useProportions ? "chi-squared-trend" : "weighted-regression";
  const usable = useProportions ? withValue : withValue.filter(({ point }) => hasInterval(point));

  if (usable.length < TREND_POINTS) {
    const suppressed = series.filter(({ point }) => point.suppressed).length;
    const withoutInterval = withValue.length - usable.length;
    const details = [
      suppressed > 0 ? `${suppressed} suppressed` : "",
      withoutInterval > 0 ? `${withoutInterval} without a confidence interval` : "",
    ].filter(Boolean);
    return cannotCalculate(
      `Cannot calculate: a trend needs at least ${TREND_POINTS} periods with a usable figure; ` +
        `this series has ${usable.length}${details.length ? ` (${details.join(", ")})` : ""}.`,
    );
  }

  const used = usable.slice(-TREND_POINTS);
  const outcome = useProportions
    ? proportionTest(
        used,
        valueScale(
          used.map(({ point }) => point),
          options.unit,
        ),
      )
    : meanTest(used);
  const pValue = chiSquaredUpperTail(outcome.statistic, 1);
  const periodsUsed = used.map(({ point }) => point.period);
  const span = `${periodsUsed[0]}–${periodsUsed[periodsUsed.length - 1]}`;
  const testName = useProportions ? "chi-squared test for trend" : "weighted regression on the confidence intervals";
  const evidence = `${testName}, χ² = ${outcome.statistic.toFixed(2)}, ${formatP(pValue)}`;
  const base = { periodsUsed, method, statistic: outcome.statistic, pValue };

  const stable = outcome.slopeSign !== 0 && outcome.leaveOneOutSigns.every((sign) => sign === outcome.slopeSign);
  if (!(pValue < alpha) || !stable) {
    return {
      ...base,
      direction: "no-significant-change",
      rating: "no-change",
      reason:
        pValue < alpha
          ? `No significant change over ${span}: the direction reverses when one period is left out (${evidence}).`
          : `No significant change over ${span} (${evidence}).`,
    };
  }

  const direction: TrendDirection = outcome.slopeSign > 0 ? "increasing" : "decreasing";
  const rating: TrendRating =
    polarity === "neither"
      ? "not-rated"
      : (direction === "increasing") === (polarity === "higher-better")
        ? "improving"
        : "worsening";
  const verdict = rating === "not-rated" ? "" : ` and ${rating}`;
  return {
    ...base,
    direction,
    rating,
    reason: `${direction === "increasing" ? "Increasing" : "Decreasing"}${verdict} over ${span} (${evidence}).`,
  };
}
