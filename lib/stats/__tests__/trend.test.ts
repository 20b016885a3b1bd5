import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chiSquaredForTrend,
  chiSquaredUpperTail,
  effectiveSampleSizeFromWilson,
  normalCdf,
  recentTrend,
  weightedSlopeTest,
  type TrendInputPoint,
} from "@/lib/stats/trend";
import { wilsonInterval } from "@/lib/stats/intervals";

function near(actual: number, expected: number, tolerance: number, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Census-like proportion points (counts, no interval), one per year from 2021. */
function countSeries(successes: number[], trials = 100): TrendInputPoint[] {
  return successes.map((x, i) => ({
    period: String(2021 + i),
    value: (100 * x) / trials,
    numerator: x,
    denominator: trials,
    lowerCi: null,
    upperCi: null,
    suppressed: false,
  }));
}

/** Textbook form (Altman 1991, §10.7.4): X² = [Σxᵢ(tᵢ − t̄)]² / [p̄(1 − p̄)·Σnᵢ(tᵢ − t̄)²], t̄ = Σnᵢtᵢ/N. */
function textbookChiSquared(x: number[], n: number[], t: number[]): number {
  const N = n.reduce((a, b) => a + b, 0);
  const p = x.reduce((a, b) => a + b, 0) / N;
  const tBar = n.reduce((sum, ni, i) => sum + ni * t[i]!, 0) / N;
  const top = x.reduce((sum, xi, i) => sum + xi * (t[i]! - tBar), 0) ** 2;
  const bottom = p * (1 - p) * n.reduce((sum, ni, i) => sum + ni * (t[i]! - tBar) ** 2, 0);
  return top / bottom;
}

test("normalCdf and the chi-squared tail match published values", () => {
  near(normalCdf(0), 0.5, 1e-15, "Φ(0)");
  near(normalCdf(1), 0.8413447460685429, 1e-13, "Φ(1)");
  near(normalCdf(1.959963984540054), 0.975, 1e-13, "Φ(1.96)");
  near(normalCdf(-3), 0.0013498980316301, 1e-15, "Φ(-3)");
  // χ²(1) critical values: 3.841459 at 0.05; Fingertips' 9.549536 at 0.002.
  near(chiSquaredUpperTail(3.841458820694124, 1), 0.05, 1e-12, "χ²₁ 0.05");
  near(chiSquaredUpperTail(9.54953570608324, 1), 0.002, 1e-12, "χ²₁ 0.002");
  // χ²(2) has the closed form exp(−x/2).
  for (const x of [0.5, 3, 10]) near(chiSquaredUpperTail(x, 2), Math.exp(-x / 2), 1e-13, `χ²₂ ${x}`);
  assert.equal(chiSquaredUpperTail(0, 1), 1);
});

test("the chi-squared trend statistic matches the textbook formula and R's prop.trend.test example", () => {
  // R documentation example: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82);
  // prop.trend.test(smokers, patients) gives X-squared = 8.2249, p-value = 0.004132.
  const smokers = [83, 90, 129, 70];
  const patients = [86, 93, 136, 82];
  const scores = [1, 2, 3, 4];
  const rows = smokers.map((x, i) => ({ successes: x, trials: patients[i]!, score: scores[i]! }));
  const { statistic, slopeSign } = chiSquaredForTrend(rows);
  near(statistic, textbookChiSquared(smokers, patients, scores), 1e-9, "vs textbook");
  near(statistic, 8.2249, 5e-4, "vs R");
  near(chiSquaredUpperTail(statistic, 1), 0.004132, 5e-6, "p vs R");
  assert.equal(slopeSign, -1);
});

test("recentTrend's statistic for five census-like points equals the hand-computed one", () => {
  const x = [20, 23, 25, 29, 31];
  const n = [100, 100, 100, 100, 100];
  const result = recentTrend(countSeries(x), "higher-better");
  near(result.statistic!, textbookChiSquared(x, n, [1, 2, 3, 4, 5]), 1e-9);
});

test("a strongly rising series is increasing, rated by polarity", () => {
  const rising = countSeries([20, 30, 40, 50, 60]);
  const better = recentTrend(rising, "higher-better");
  assert.equal(better.direction, "increasing");
  assert.equal(better.rating, "improving");
  assert.equal(better.method, "chi-squared-trend");
  assert.deepEqual(better.periodsUsed, ["2021", "2022", "2023", "2024", "2025"]);
  assert.ok(better.pValue! < 0.001);
  assert.equal(recentTrend(rising, "lower-better").rating, "worsening");
  assert.equal(recentTrend(rising, "neither").rating, "not-rated");
  assert.equal(recentTrend(rising, "neither").direction, "increasing");
  const falling = recentTrend(countSeries([60, 50, 40, 30, 20]), "lower-better");
  assert.deepEqual([falling.direction, falling.rating], ["decreasing", "improving"]);
});

test("a flat noisy series shows no significant change", () => {
  const result = recentTrend(countSeries([25, 28, 23, 27, 25]), "higher-better");
  assert.equal(result.direction, "no-significant-change");
  assert.equal(result.rating, "no-change");
  assert.ok(result.pValue! > 0.05);
});

test("fewer than five usable points cannot be calculated", () => {
  const four = recentTrend(countSeries([20, 30, 40, 50]), "higher-better");
  assert.equal(four.direction, "cannot-calculate");
  assert.equal(four.rating, "not-rated");
  assert.deepEqual(four.periodsUsed, []);
  assert.match(four.reason, /at least 5/);

  const withSuppressed = countSeries([20, 30, 40, 50, 60]);
  withSuppressed[2] = { ...withSuppressed[2]!, value: null, numerator: null, denominator: null, suppressed: true };
  const gap = recentTrend(withSuppressed, "higher-better");
  assert.equal(gap.direction, "cannot-calculate");
  assert.match(gap.reason, /1 suppressed/);
});

test("only the five most recent usable periods are used, and a suppressed year keeps its gap", () => {
  const series = countSeries([50, 40, 20, 30, 40, 50, 60]); // 2021..2027; the early fall is ignored
  series[4] = { ...series[4]!, value: null, numerator: null, denominator: null, suppressed: true }; // 2025
  const result = recentTrend(series, "higher-better");
  assert.deepEqual(result.periodsUsed, ["2022", "2023", "2024", "2026", "2027"]);
  // Scores are positions in the full series: 2, 3, 4, 6, 7.
  near(result.statistic!, textbookChiSquared([40, 20, 30, 50, 60], [100, 100, 100, 100, 100], [2, 3, 4, 6, 7]), 1e-9);
});

test("input order does not matter", () => {
  const series = countSeries([20, 30, 40, 50, 60]);
  assert.deepEqual(recentTrend([...series].reverse(), "higher-better"), recentTrend(series, "higher-better"));
});

test("one unusual year cannot decide the trend (leave-one-out check)", () => {
  // Significant overall, but flat without the last year: Fingertips reports no significant change.
  const result = recentTrend(countSeries([20, 20, 20, 20, 60]), "higher-better");
  assert.ok(result.pValue! < 0.05);
  assert.equal(result.direction, "no-significant-change");
  assert.match(result.reason, /left out/);
});

test("the effective sample size is recovered from a Wilson interval", () => {
  for (const [p, nEff] of [
    [0.21, 87.3],
    [0.5, 2400],
    [0, 55],
    [0.97, 140],
  ] as const) {
    const interval = wilsonInterval(p * nEff, nEff);
    near(effectiveSampleSizeFromWilson(p, interval.lower, interval.upper), nEff, nEff * 1e-6, `p=${p}`);
  }
});

test("survey points use the effective sample size implied by their intervals, not the weighted base", () => {
  // Weighted base 1,000 per year but intervals computed on an effective n of 100 (design effect 10).
  const shares = [0.2, 0.22, 0.25, 0.27, 0.3];
  const survey: TrendInputPoint[] = shares.map((p, i) => {
    const interval = wilsonInterval(p * 100, 100);
    return {
      period: String(2021 + i),
      value: p * 100,
      numerator: p * 1000,
      denominator: 1000,
      lowerCi: interval.lower * 100,
      upperCi: interval.upper * 100,
      suppressed: false,
    };
  });
  const asCounts = survey.map((point) => ({ ...point, lowerCi: null, upperCi: null }));
  const withDesign = recentTrend(survey, "higher-better", { unit: "percent" });
  const naive = recentTrend(asCounts, "higher-better");
  // χ² scales linearly with a common sample size, so it is a tenth of the naive one.
  near(withDesign.statistic! / naive.statistic!, 0.1, 1e-6);
  assert.equal(naive.direction, "increasing");
  assert.equal(withDesign.direction, "no-significant-change");
  // Without the unit, the scale (×100) is inferred from value ÷ (numerator ÷ denominator).
  near(recentTrend(survey, "higher-better").statistic!, withDesign.statistic!, 1e-9);
});

test("per-1,000 rates are scaled back to proportions", () => {
  const rates = [10, 14, 19, 25, 32];
  const points: TrendInputPoint[] = rates.map((rate, i) => {
    const interval = wilsonInterval((rate / 1000) * 400, 400);
    return {
      period: String(2021 + i),
      value: rate,
      numerator: (rate / 1000) * 800,
      denominator: 800,
      lowerCi: interval.lower * 1000,
      upperCi: interval.upper * 1000,
      suppressed: false,
    };
  });
  const x = rates.map((rate) => (rate / 1000) * 400);
  const expected = textbookChiSquared(x, [400, 400, 400, 400, 400], [1, 2, 3, 4, 5]);
  near(recentTrend(points, "higher-better", { unit: "per1000" }).statistic!, expected, expected * 1e-6);
  near(recentTrend(points, "higher-better").statistic!, expected, expected * 1e-6);
});

test("means use the weighted slope test; with equal standard errors it is ordinary regression", () => {
  const values = [23.9, 24.1, 24.4, 24.5, 24.9];
  const se = 0.1;
  const half = 1.959963984540054 * se;
  const points: TrendInputPoint[] = values.map((value, i) => ({
    period: String(2021 + i),
    value,
    numerator: null,
    denominator: 2500,
    lowerCi: value - half,
    upperCi: value + half,
    suppressed: false,
  }));
  // By hand: t̄ = 3, Σ(t − t̄)² = 10, slope = Σ(t − t̄)(y − ȳ)/10, SE(slope) = se/√10.
  const yBar = values.reduce((a, b) => a + b, 0) / 5;
  const slope = values.reduce((sum, y, i) => sum + (i + 1 - 3) * (y - yBar), 0) / 10;
  const expected = (slope / (se / Math.sqrt(10))) ** 2;
  const result = recentTrend(points, "higher-better", { unit: "score" });
  assert.equal(result.method, "weighted-regression");
  near(result.statistic!, expected, 1e-6);
  assert.equal(result.direction, "increasing");
  assert.equal(result.rating, "improving");
  const direct = weightedSlopeTest(values.map((value, i) => ({ value, standardError: se, score: i + 1 })));
  near(direct.slope, slope, 1e-12);
});

test("means without intervals cannot be calculated", () => {
  const points: TrendInputPoint[] = [1, 2, 3, 4, 5].map((i) => ({
    period: String(2020 + i),
    value: 20 + i,
    numerator: null,
    denominator: null,
    lowerCi: null,
    upperCi: null,
    suppressed: false,
  }));
  const result = recentTrend(points, "lower-better");
  assert.equal(result.direction, "cannot-calculate");
  assert.match(result.reason, /5 without a confidence interval/);
});

test("a series stuck at 0% shows no change rather than failing", () => {
  const result = recentTrend(countSeries([0, 0, 0, 0, 0]), "higher-better");
  assert.equal(result.direction, "no-significant-change");
  assert.equal(result.statistic, 0);
});
