// Comparison of an area's figure with a benchmark (its local authority), as Fingertips does it.
//
// Method (OHID Fingertips, "Technical guide: comparing indicator values with a benchmark", and the
// Public Health Data Science "Technical guide: confidence intervals"): the area's 95 % confidence
// interval is compared with the benchmark's VALUE, not with the benchmark's interval. The area is
// significantly higher when its lower limit is above the benchmark value and significantly lower
// when its upper limit is below it; otherwise it is similar. Comparing with the value (not CI
// overlap) is deliberate: the benchmark is far more precise than a ward, and two overlapping
// intervals can still differ significantly. The benchmark's interval is accepted for display
// only. See docs/methodology.md, "Comparison with the benchmark".
import type { Polarity } from "@/lib/domain/types";

export type Significance = "higher" | "similar" | "lower" | "not-compared";
export type ComparisonRating = "better" | "similar" | "worse" | "not-compared";

export interface ComparableFigure {
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
}

export interface ComparisonResult {
  significance: Significance;
  rating: ComparisonRating;
  /** Why the result is what it is, in plain English (shown in tooltips and the methodology). */
  reason: string;
}

function notCompared(reason: string): ComparisonResult {
  return { significance: "not-compared", rating: "not-compared", reason };
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Compares an area with a benchmark by the area's 95 % interval against the benchmark value.
 * - Suppressed or missing figures are not compared.
 * - Figures without an interval (census counts and administrative data) are not compared: they are
 *   whole-population counts, and any difference, however small, would otherwise look "significant".
 * - Polarity "neither" still reports higher/lower/similar, but the rating is "not-compared".
 * Equality at the limit counts as similar (the test is strict).
 */
export function compareWithBenchmark(
  area: ComparableFigure & { suppressed: boolean },
  benchmark: ComparableFigure,
  polarity: Polarity,
): ComparisonResult {
  if (area.suppressed) return notCompared("Not compared: the figure is suppressed because too few people answered.");
  if (!isFiniteNumber(area.value)) return notCompared("Not compared: there is no figure for this area.");
  if (!isFiniteNumber(benchmark.value)) return notCompared("Not compared: there is no figure for the benchmark.");
  if (!isFiniteNumber(area.lowerCi) || !isFiniteNumber(area.upperCi)) {
    return notCompared(
      "Not compared: no confidence interval. Census and administrative figures count everyone, so they are shown without a significance test.",
    );
  }
  if (area.lowerCi > area.upperCi) throw new RangeError("compareWithBenchmark: lowerCi is above upperCi");

  const significance: Significance =
    area.lowerCi > benchmark.value ? "higher" : area.upperCi < benchmark.value ? "lower" : "similar";

  if (significance === "similar") {
    return {
      significance,
      rating: polarity === "neither" ? "not-compared" : "similar",
      reason: "Similar: the benchmark value lies inside this area's 95% confidence interval.",
    };
  }
  const side = significance === "higher" ? "above" : "below";
  const limit = significance === "higher" ? "lower" : "upper";
  const evidence = `the ${limit} limit of this area's 95% confidence interval is ${side} the benchmark value`;
  if (polarity === "neither") {
    return {
      significance,
      rating: "not-compared",
      reason: `Significantly ${significance}: ${evidence}. Neither higher nor lower is better, so it is not rated.`,
    };
  }
  const better = (significance === "higher") === (polarity === "higher-better");
  return {
    significance,
    rating: better ? "better" : "worse",
    reason: `Significantly ${better ? "better" : "worse"}: ${evidence} (${polarity === "higher-better" ? "higher" : "lower"} is better).`,
  };
}
