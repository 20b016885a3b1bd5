// How uneven is an indicator across the wards? The simple range (highest and lowest ward), and the
// slope and relative indices of inequality (SII, RII) by deprivation, with Monte Carlo confidence
// intervals, plus a test of whether the SII has widened or narrowed over time. Pure functions;
// see docs/methodology.md, "How even is it? Slope and relative index of inequality".
//
// Sources:
// - OHID Fingertips, Public Health Technical Guidance, "Slope index of inequality (SII) and relative
//   index of inequality (RII)" (fingertips.phe.org.uk/static-reports/public-health-technical-guidance/
//   Inequality/SII.html). It names "wards within a local authority" as valid subgroups.
// - Its reference implementation, phe_sii() in the R package PHEindicatormethods
//   (ukhsa-collaboration/PHEindicatormethods, R/SII_function.R and SimulationFunc in
//   R/utility_functions.R), which we follow step by step.
// - Low A, Low A. Measuring the gap: quantifying and comparing local health inequalities.
//   J Public Health 2004;26:388–395 (the regression on population-weighted relative rank).
import type { Polarity, Unit } from "@/lib/domain/types";
import { normalQuantile } from "@/lib/stats/intervals";
import { createRandom } from "@/lib/stats/random";
import { chiSquaredUpperTail, weightedSlopeTest } from "@/lib/stats/trend";

const Z95 = normalQuantile(0.975);

function finite(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

// ---------------------------------------------------------------------------------------------
// Range: the highest and lowest ward
// ---------------------------------------------------------------------------------------------

export interface RangePoint {
  code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
}

export interface RangeEnd {
  code: string;
  name: string;
  value: number;
}

export interface RangeResult {
  highest: RangeEnd | null;
  lowest: RangeEnd | null;
  /** highest − lowest, in the indicator's units (percentage points for percentages). */
  gap: number | null;
  /** highest ÷ lowest; null when the lowest value is 0 or negative (a ratio would mean nothing). */
  ratio: number | null;
  /** Wards with a figure. */
  used: number;
  /** Wards left out: suppressed or without a figure. */
  suppressed: number;
  /** Why there is no range (fewer than 2 wards with figures); absent when there is one. */
  reason?: string;
}

/**
 * The highest and lowest ward, the gap between them and their ratio. Suppressed and missing
 * figures are left out and counted. Ties are broken by name, then code, so the answer does not
 * depend on the input order.
 */
export function rangeOfAreas(points: readonly RangePoint[]): RangeResult {
  const usable = points
    .filter((point) => !point.suppressed && finite(point.value))
    .map((point) => ({ code: point.code, name: point.name, value: point.value as number }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const suppressed = points.length - usable.length;
  if (usable.length < 2) {
    return {
      highest: null,
      lowest: null,
      gap: null,
      ratio: null,
      used: usable.length,
      suppressed,
      reason: `Needs at least 2 wards with figures; ${usable.length} available.`,
    };
  }
  let highest = usable[0] as RangeEnd;
  let lowest = highest;
  for (const point of usable) {
    if (point.value > highest.value) highest = point;
    if (point.value < lowest.value) lowest = point;
  }
  return {
    highest,
    lowest,
    gap: highest.value - lowest.value,
    ratio: lowest.value > 0 ? highest.value / lowest.value : null,
    used: usable.length,
    suppressed,
  };
}

// ---------------------------------------------------------------------------------------------
// Slope index of inequality
// ---------------------------------------------------------------------------------------------

export interface SiiPoint {
  code: string;
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  suppressed: boolean;
  /** Population of the ward (the regression weight). Must be positive. */
  population: number;
  /** Deprivation score: HIGHER = MORE deprived (e.g. the IMD score). Only the order matters. */
  deprivationScore: number;
}

export interface SiiOptions {
  /** Monte Carlo repetitions for the interval; default 10,000, at least 1,000 (as phe_sii). */
  simulations?: number;
  /** Seed for createRandom, so the interval is the same on every run. */
  seed?: string;
  /** Confidence level of the SII interval; default 0.95. The ward intervals are always read as 95 %. */
  confidence?: number;
  /**
   * The indicator's unit. "percent" and "per1000" are treated as proportions (÷100, ÷1,000) and
   * simulated on the logit scale, as phe_sii does for value_type = 2; "score" (or no unit) is
   * simulated on the natural scale (value_type = 0). It also names the unit in the gap sentence.
   */
  unit?: Unit;
  /** Decimal places in the sentences; default 1. */
  decimals?: number;
}

export interface SiiResult {
  /**
   * Slope index of inequality: fitted value at the LEAST deprived end (relative rank 1) minus the
   * fitted value at the MOST deprived end (relative rank 0). Never sign-flipped for polarity.
   */
  sii: number | null;
  siiLower: number | null;
  siiUpper: number | null;
  /** Relative index of inequality as phe_sii defines it: fitted(least deprived) ÷ fitted(most deprived). 1 = no gap. */
  rii: number | null;
  riiLower: number | null;
  riiUpper: number | null;
  /** The other common RII: SII ÷ population-weighted mean (Pamuk 1985). 0 = no gap. */
  siiRelativeToMean: number | null;
  /** Fitted value at the most deprived end (relative rank 0). */
  fittedMostDeprived: number | null;
  /** Fitted value at the least deprived end (relative rank 1). */
  fittedLeastDeprived: number | null;
  /** Population-weighted mean of the wards used. */
  meanValue: number | null;
  /** Wards in the regression. */
  used: number;
  /** Wards left out: suppressed or without a figure. */
  suppressed: number;
  /** The sign in words, with the polarity, and what the interval says. */
  interpretation: string;
  /** "The gap between the most and least deprived ends is 8.3 percentage points." */
  gapPhrase: string | null;
  /** Monte Carlo repetitions behind the interval (0 when there is none). */
  simulations: number;
  /** Why there is no interval (e.g. census figures with no confidence intervals). */
  ciReason?: string;
  /** Why there is no RII (a fitted end at or below zero). */
  riiReason?: string;
  /** Why there is no SII at all. */
  reason?: string;
}

/** phe_sii needs at least 5 quantiles; we need at least 5 wards. */
export const MIN_SII_AREAS = 5;
export const DEFAULT_SII_SIMULATIONS = 10_000;
export const DEFAULT_SII_SEED = "civic-pulse-sii";

interface RankedArea {
  point: SiiPoint;
  value: number;
  /** Share of the total population of the wards used. */
  share: number;
  /** Relative rank: midpoint of the ward's band of the cumulative population, 0 = most deprived. */
  rank: number;
}

/**
 * Ranks wards from most deprived (first) to least deprived and gives each the midpoint of its
 * band of the cumulative population share. Wards with the same score share one band (a tie is not
 * an order), so they get the same relative rank, as tied ranks get the mean rank.
 */
export function relativeRanks<T extends { population: number; deprivationScore: number }>(
  areas: readonly T[],
): { area: T; share: number; rank: number }[] {
  const total = areas.reduce((sum, area) => sum + area.population, 0);
  const sorted = [...areas].sort((a, b) => b.deprivationScore - a.deprivationScore);
  const ranked: { area: T; share: number; rank: number }[] = [];
  let before = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    let bandPopulation = 0;
    while (j < sorted.length && (sorted[j] as T).deprivationScore === (sorted[i] as T).deprivationScore) {
      bandPopulation += (sorted[j] as T).population;
      j++;
    }
    const rank = (before + bandPopulation / 2) / total;
    for (let k = i; k < j; k++) {
      const area = sorted[k] as T;
      ranked.push({ area, share: area.population / total, rank });
    }
    before += bandPopulation;
    i = j;
  }
  return ranked;
}

interface LinearFit {
  /** Coefficients such that slope = Σ slopeWeights[i]·y[i]. */
  slopeWeights: number[];
  /** Coefficients such that intercept = Σ interceptWeights[i]·y[i]. */
  interceptWeights: number[];
}

/**
 * Weighted least squares of y on the relative rank with weights = population share: this is
 * phe_sii's regression y·√a = α·√a + β·b·√a (no intercept term), which minimises Σ a(y − α − βb)².
 * Both coefficients are linear in y, so they are precomputed once and reused by every simulation.
 */
function weightedLineCoefficients(areas: readonly RankedArea[]): LinearFit | null {
  const meanRank = areas.reduce((sum, area) => sum + area.share * area.rank, 0);
  const sxx = areas.reduce((sum, area) => sum + area.share * (area.rank - meanRank) ** 2, 0);
  if (!(sxx > 0)) return null;
  const slopeWeights = areas.map((area) => (area.share * (area.rank - meanRank)) / sxx);
  const interceptWeights = areas.map((area, i) => area.share - meanRank * (slopeWeights[i] as number));
  return { slopeWeights, interceptWeights };
}

function dot(weights: readonly number[], values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] as number) * (values[i] as number);
  return sum;
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function proportionScale(unit: Unit | undefined): number | null {
  if (unit === "percent") return 100;
  if (unit === "per1000") return 1000;
  return null;
}

/** How one ward's value is redrawn in each simulation. */
type Sampler = (normal: (mean: number, sd: number) => number) => number;

function samplerFor(area: RankedArea, scale: number | null): Sampler {
  const { value } = area;
  const lower = area.point.lowerCi as number;
  const upper = area.point.upperCi as number;
  if (scale !== null) {
    const p = value / scale;
    const pl = lower / scale;
    const pu = upper / scale;
    // phe_sii (value_type = 2) logit-transforms the value and its limits, draws on that scale and
    // transforms back. At exactly 0 % or 100 % the logit is infinite; those wards fall back to the
    // natural scale below.
    if (p > 0 && p < 1 && pl > 0 && pu < 1) {
      const mean = logit(p);
      const sd = (logit(pu) - logit(pl)) / (2 * Z95);
      return (normal) => {
        const drawn = normal(mean, sd);
        return scale / (1 + Math.exp(-drawn));
      };
    }
  }
  const sd = (upper - lower) / (2 * Z95);
  return (normal) => normal(value, sd);
}

/** phe_sii's percentile positions: the round(n·(1 − c'))-th and round(n·c')-th sorted values, c' = c + (1 − c)/2. */
function percentilePair(sorted: Float64Array, confidence: number): [number, number] {
  const n = sorted.length;
  const upperLevel = confidence + (1 - confidence) / 2;
  const position = (level: number) => Math.min(n, Math.max(1, Math.round(n * level))) - 1;
  return [sorted[position(1 - upperLevel)] as number, sorted[position(upperLevel)] as number];
}

function unitPhrase(unit: Unit | undefined): string {
  if (unit === "percent") return " percentage points";
  if (unit === "per1000") return " per 1,000";
  if (unit === "score") return " points";
  return "";
}

function formatNumber(value: number, decimals: number): string {
  // Avoid "-0.0" for tiny negatives that round to zero.
  const rounded = Number(value.toFixed(decimals));
  return (rounded === 0 ? 0 : rounded).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** The sign of the SII in words, for this polarity. Never flips the sign: it explains it. */
export function describeSiiSign(sii: number, polarity: Polarity): string {
  if (sii === 0) {
    return "Zero: the fitted line is flat, so the most and least deprived wards have the same fitted value.";
  }
  if (sii > 0) {
    const base = "Positive: values rise from the most deprived to the least deprived wards";
    if (polarity === "higher-better") return `${base}, so the least deprived wards do better (higher is better).`;
    if (polarity === "lower-better") {
      return `${base}. Lower is better here, so a positive SII means the least deprived wards do worse.`;
    }
    return `${base} (neither higher nor lower is better).`;
  }
  const base = "Negative: values fall from the most deprived to the least deprived wards";
  if (polarity === "higher-better") {
    return `${base}. Higher is better here, so a negative SII means the most deprived wards do better.`;
  }
  if (polarity === "lower-better") return `${base}, so the least deprived wards do better (lower is better).`;
  return `${base} (neither higher nor lower is better).`;
}

function noSii(reason: string, used: number, suppressed: number): SiiResult {
  return {
    sii: null,
    siiLower: null,
    siiUpper: null,
    rii: null,
    riiLower: null,
    riiUpper: null,
    siiRelativeToMean: null,
    fittedMostDeprived: null,
    fittedLeastDeprived: null,
    meanValue: null,
    used,
    suppressed,
    interpretation: reason,
    gapPhrase: null,
    simulations: 0,
    reason,
  };
}

/**
 * Slope index of inequality across wards ranked by deprivation, following the OHID Fingertips
 * technical guide and its implementation phe_sii (PHEindicatormethods):
 * 1. wards are ordered from most to least deprived; each gets the midpoint of its band of the
 *    cumulative population share as its relative rank (0 = most deprived end, 1 = least deprived);
 * 2. the value is regressed on the rank by least squares weighted by population;
 * 3. SII = fitted(1) − fitted(0), the slope; RII = fitted(1) ÷ fitted(0);
 * 4. the interval: each ward's value is redrawn from a normal distribution with
 *    SE = (upper − lower)/(2 × 1.96) (on the logit scale for proportions), the line refitted, and
 *    the 2.5th and 97.5th percentiles of the simulated SIIs taken. Seeded, so deterministic.
 * Suppressed and missing figures are left out and counted. Fewer than 5 wards: no SII. Without an
 * interval for every ward (census and administrative data) there is no simulated interval.
 */
export function slopeIndexOfInequality(
  points: readonly SiiPoint[],
  polarity: Polarity,
  options: SiiOptions = {},
): SiiResult {
  const simulations = options.simulations ?? DEFAULT_SII_SIMULATIONS;
  const confidence = options.confidence ?? 0.95;
  const decimals = options.decimals ?? 1;
  if (!Number.isInteger(simulations) || simulations < 1000) {
    throw new RangeError(
      `slopeIndexOfInequality: simulations must be an integer of at least 1,000, got ${simulations}`,
    );
  }
  if (!(confidence > 0.5 && confidence < 1)) {
    throw new RangeError(`slopeIndexOfInequality: confidence must be in (0.5, 1), got ${confidence}`);
  }

  const usablePoints = points.filter((point) => !point.suppressed && finite(point.value));
  const suppressed = points.length - usablePoints.length;
  for (const point of usablePoints) {
    // Bad populations or scores are data errors, not missing figures: fail loudly.
    if (!(finite(point.population) && point.population > 0)) {
      throw new RangeError(
        `slopeIndexOfInequality: ward ${point.code} needs a positive population, got ${point.population}`,
      );
    }
    if (!finite(point.deprivationScore)) {
      throw new RangeError(`slopeIndexOfInequality: ward ${point.code} has no deprivation score`);
    }
  }
  if (usablePoints.length < MIN_SII_AREAS) {
    return noSii(
      `Needs at least ${MIN_SII_AREAS} wards with figures; ${usablePoints.length} available.`,
      usablePoints.length,
      suppressed,
    );
  }

  const areas: RankedArea[] = relativeRanks(usablePoints).map(({ area, share, rank }) => ({
    point: area,
    value: area.value as number,
    share,
    rank,
  }));
  const fit = weightedLineCoefficients(areas);
  if (fit === null) {
    return noSii(
      "All the wards with figures have the same deprivation score, so there is no gradient to measure.",
      usablePoints.length,
      suppressed,
    );
  }

  const values = areas.map((area) => area.value);
  const meanValue = dot(
    areas.map((area) => area.share),
    values,
  );
  const allEqual = values.every((value) => value === values[0]);
  // With identical values the slope is zero by definition; computing it would leave rounding dust.
  const sii = allEqual ? 0 : dot(fit.slopeWeights, values);
  const fittedMostDeprived = allEqual ? (values[0] as number) : dot(fit.interceptWeights, values);
  const fittedLeastDeprived = fittedMostDeprived + sii;

  let rii: number | null = null;
  let riiReason: string | undefined;
  if (fittedMostDeprived > 0 && fittedLeastDeprived >= 0) rii = fittedLeastDeprived / fittedMostDeprived;
  else riiReason = "No RII: the fitted line reaches zero or below at one end, so a ratio of the ends means nothing.";
  const siiRelativeToMean = meanValue > 0 ? sii / meanValue : null;

  // Interval by simulation, only when every ward has one (a partial set would understate it).
  let siiLower: number | null = null;
  let siiUpper: number | null = null;
  let riiLower: number | null = null;
  let riiUpper: number | null = null;
  let ciReason: string | undefined;
  const withoutInterval = areas.filter(
    (area) =>
      !finite(area.point.lowerCi) ||
      !finite(area.point.upperCi) ||
      (area.point.upperCi as number) < (area.point.lowerCi as number),
  ).length;
  if (withoutInterval === areas.length) {
    ciReason =
      "No confidence interval: there are no confidence intervals to simulate from (census and administrative figures count everyone).";
  } else if (withoutInterval > 0) {
    ciReason = `No confidence interval: ${withoutInterval} of the ${areas.length} wards have no confidence interval to simulate from.`;
  } else {
    const random = createRandom(options.seed ?? DEFAULT_SII_SEED);
    const normal = (mean: number, sd: number) => random.normal(mean, sd);
    const samplers = areas.map((area) => samplerFor(area, proportionScale(options.unit)));
    const drawn = new Array<number>(areas.length);
    const simulatedSii = new Float64Array(simulations);
    const simulatedRii = new Float64Array(simulations);
    for (let s = 0; s < simulations; s++) {
      for (let i = 0; i < samplers.length; i++) drawn[i] = (samplers[i] as Sampler)(normal);
      const slope = dot(fit.slopeWeights, drawn);
      const intercept = dot(fit.interceptWeights, drawn);
      simulatedSii[s] = slope;
      simulatedRii[s] = (intercept + slope) / intercept;
    }
    simulatedSii.sort();
    [siiLower, siiUpper] = percentilePair(simulatedSii, confidence);
    if (rii !== null) {
      simulatedRii.sort();
      [riiLower, riiUpper] = percentilePair(simulatedRii, confidence);
    }
  }

  const level = `${Math.round(confidence * 1000) / 10}%`;
  let intervalSentence: string;
  if (siiLower === null || siiUpper === null) {
    intervalSentence = ciReason ?? "";
  } else {
    const range = `${formatNumber(siiLower, decimals)} to ${formatNumber(siiUpper, decimals)}`;
    intervalSentence =
      siiLower <= 0 && siiUpper >= 0
        ? `The ${level} confidence interval (${range}) includes zero, so the gradient could be chance.`
        : `The ${level} confidence interval (${range}) does not include zero.`;
  }
  const interpretation = [describeSiiSign(sii, polarity), intervalSentence].filter(Boolean).join(" ");
  const gapPhrase = `The gap between the most and least deprived ends is ${formatNumber(Math.abs(sii), decimals)}${unitPhrase(options.unit)}.`;

  const result: SiiResult = {
    sii,
    siiLower,
    siiUpper,
    rii,
    riiLower,
    riiUpper,
    siiRelativeToMean,
    fittedMostDeprived,
    fittedLeastDeprived,
    meanValue,
    used: areas.length,
    suppressed,
    interpretation,
    gapPhrase,
    simulations: siiLower === null ? 0 : simulations,
  };
  if (ciReason) result.ciReason = ciReason;
  if (riiReason) result.riiReason = riiReason;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Is the gap closing?
// ---------------------------------------------------------------------------------------------

export interface SiiSeriesPoint {
  period: string;
  sii: number | null;
  siiLower: number | null;
  siiUpper: number | null;
}

export type GapChange = "widened" | "narrowed" | "no-clear-change" | "cannot-tell";

export interface SiiTrendResult {
  change: GapChange;
  /** First and last periods with an SII and an interval (null when there are none). */
  firstPeriod: string | null;
  lastPeriod: string | null;
  /** The fitted SII changed sign between the first and last period: the other end is now ahead. */
  reversed: boolean;
  /** The periods tested, oldest first. */
  periodsUsed: string[];
  pValue: number | null;
  reason: string;
}

export interface SiiTrendOptions {
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
}

/**
 * Has the gap widened or narrowed? A weighted least-squares regression of the SII on time with
 * known variances (SE = (upper − lower)/(2 × 1.96), weights 1/SE²): the same test as the Fingertips
 * recent-trend method uses for non-proportions (weightedSlopeTest in trend.ts). With two periods it
 * is the z-test of the difference, (SII₂ − SII₁)/√(SE₁² + SE₂²). A change is reported only when the
 * slope is significant at alpha; "widened" then means the fitted |SII| is larger at the last period
 * than at the first, "narrowed" smaller. Periods are scored by position in the sorted series, so a
 * missing year keeps its gap. Needs at least 2 periods with an SII and an interval.
 */
export function siiTrend(series: readonly SiiSeriesPoint[], options: SiiTrendOptions = {}): SiiTrendResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`siiTrend: alpha must be in (0, 1), got ${alpha}`);
  const scored = [...series]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((point, index) => ({ point, score: index + 1 }));
  const usable = scored.filter(
    ({ point }) =>
      finite(point.sii) && finite(point.siiLower) && finite(point.siiUpper) && point.siiUpper > point.siiLower,
  );
  const firstPeriod = usable[0]?.point.period ?? null;
  const lastPeriod = usable[usable.length - 1]?.point.period ?? null;
  const periodsUsed = usable.map(({ point }) => point.period);
  if (usable.length < 2) {
    return {
      change: "cannot-tell",
      firstPeriod,
      lastPeriod,
      reversed: false,
      periodsUsed,
      pValue: null,
      reason: `Cannot tell: needs at least 2 periods with an SII and its confidence interval; ${usable.length} available.`,
    };
  }

  const rows = usable.map(({ point, score }) => ({
    value: point.sii as number,
    standardError: ((point.siiUpper as number) - (point.siiLower as number)) / (2 * Z95),
    score,
  }));
  const test = weightedSlopeTest(rows);
  const pValue = chiSquaredUpperTail(test.statistic, 1);

  // Fitted SII at the first and last periods (the weighted line passes through the weighted means).
  let sumW = 0;
  let sumWT = 0;
  let sumWY = 0;
  for (const row of rows) {
    const w = 1 / row.standardError ** 2;
    sumW += w;
    sumWT += w * row.score;
    sumWY += w * row.value;
  }
  const fittedAt = (score: number) => sumWY / sumW + test.slope * (score - sumWT / sumW);
  const fittedFirst = fittedAt((rows[0] as (typeof rows)[number]).score);
  const fittedLast = fittedAt((rows[rows.length - 1] as (typeof rows)[number]).score);
  const span = `${firstPeriod}–${lastPeriod}`;
  const p = pValue < 0.001 ? "p < 0.001" : `p = ${pValue.toFixed(3)}`;

  if (!(pValue < alpha) || Math.abs(fittedLast) === Math.abs(fittedFirst)) {
    return {
      change: "no-clear-change",
      firstPeriod,
      lastPeriod,
      reversed: false,
      periodsUsed,
      pValue,
      reason: `No clear change in the SII over ${span} (weighted regression on the intervals, ${p}).`,
    };
  }
  const change: GapChange = Math.abs(fittedLast) > Math.abs(fittedFirst) ? "widened" : "narrowed";
  const reversed = fittedFirst !== 0 && fittedLast !== 0 && Math.sign(fittedFirst) !== Math.sign(fittedLast);
  return {
    change,
    firstPeriod,
    lastPeriod,
    reversed,
    periodsUsed,
    pValue,
    reason:
      `The gap ${change} over ${span}: the fitted SII went from ${fittedFirst.toFixed(2)} to ${fittedLast.toFixed(2)} ` +
      `(weighted regression on the intervals, ${p})${reversed ? "; it changed sign, so the other end is now ahead" : ""}.`,
  };
}

/**
 * One sentence for the page, or null when nothing can be said (cannot-tell). Only a statistically
 * supported change is called widening or narrowing; otherwise the sentence says "no clear change".
 */
export function gapSentence(
  indicatorTitleLowerCase: string,
  areaName: string,
  trend: Pick<SiiTrendResult, "change" | "firstPeriod" | "reversed">,
): string | null {
  if (trend.change === "cannot-tell" || trend.firstPeriod === null) return null;
  const subject = `The gap in ${indicatorTitleLowerCase} between the most and least deprived parts of ${areaName}`;
  if (trend.change === "no-clear-change") return `${subject}: no clear change since ${trend.firstPeriod}.`;
  if (trend.reversed) return `${subject} has reversed since ${trend.firstPeriod}.`;
  return `${subject} has ${trend.change} since ${trend.firstPeriod}.`;
}
