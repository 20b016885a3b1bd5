import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MIN_SII_AREAS,
  gapSentence,
  rangeOfAreas,
  relativeRanks,
  siiTrend,
  slopeIndexOfInequality,
  type SiiPoint,
} from "@/lib/stats/inequality";

const Z95 = 1.959963984540054; // Φ⁻¹(0.975)

function close(actual: number | null, expected: number, tolerance: number, message?: string): void {
  assert.ok(actual !== null, message ?? "expected a number, got null");
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${message ?? ""} expected ${expected} ± ${tolerance}, got ${actual}`.trim(),
  );
}

// ---------------------------------------------------------------------------------------------
// Published example: PHEindicatormethods, "Worked examples for phe_sii function" (vignette),
// Example 1, life expectancy by deprivation decile, males (Sex = 1), output table "sii" column.
// Published output: cran/PHEindicatormethods, inst/doc/WorkedExamples_phe_sii.html at commit
// 09d6b75598b2aea1938ee8f33bb3b6c48fc451fb (built 2020-06-23), run with se = SE, value_type = 0,
// repetitions = 1000, confidence c(0.95, 0.998).
// Input (the package's LE_data): ukhsa-collaboration/PHEindicatormethods,
// tests/testthat/LE_testdata.csv at commit fcc3e35735abfb3b7e979097f56850931b849bef
// (columns Sex, GeoCode, Decile, Pop, Deaths, LifeExp, SE; decile 1 = most deprived).
// ---------------------------------------------------------------------------------------------
const LE_DATA: Record<string, { population: number[]; lifeExpectancy: number[]; standardError: number[] }> = {
  E06000001: {
    population: [13837, 14519, 14940, 14599, 12311, 13196, 13335, 13388, 13685, 11779],
    lifeExpectancy: [
      70.56313911, 72.61347473, 75.06710359, 75.20662276, 76.23469045, 75.21801932, 77.09240397, 79.84156222,
      80.81329918, 82.73763832,
    ],
    standardError: [
      1.133868862, 1.020288759, 1.108685178, 1.485618539, 1.311653285, 1.169033147, 1.306645801, 1.090905616,
      0.979426096, 1.319452272,
    ],
  },
  E06000002: {
    population: [21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312],
    lifeExpectancy: [
      70.54853186, 71.57155734, 72.48698671, 73.51985519, 73.14605425, 76.15898712, 78.65444871, 80.56476961,
      80.85486627, 79.9711253,
    ],
    standardError: [
      0.947488056, 1.043688022, 0.969320245, 1.023567868, 1.006757968, 0.906037647, 0.724013864, 1.118131371,
      0.848327099, 0.94159082,
    ],
  },
  E06000003: {
    population: [20524, 18615, 23212, 20883, 17002, 20117, 19031, 19365, 18554, 19820],
    lifeExpectancy: [
      72.76836448, 75.49551789, 76.04600799, 75.47369917, 78.06618358, 77.02857403, 79.82679432, 80.35857167,
      80.15630823, 83.7271982,
    ],
    standardError: [
      1.022722819, 1.214913372, 0.967057029, 0.972293965, 0.989564113, 0.88291958, 0.916181115, 1.09344987, 1.141181722,
      0.86306322,
    ],
  },
  E06000004: {
    population: [31147, 30866, 25433, 32212, 27863, 27336, 24888, 28320, 30546, 28027],
    lifeExpectancy: [
      69.20108791, 74.21283732, 74.932479, 76.34881505, 78.68231391, 79.80919091, 81.06231776, 81.52758251, 84.52806861,
      82.36568616,
    ],
    standardError: [
      0.796193843, 0.821750976, 0.938102831, 0.662956404, 0.683456844, 0.840229937, 1.014952532, 0.804054345,
      0.705796375, 0.884730389,
    ],
  },
  E06000005: {
    population: [14404, 13797, 16090, 12741, 18360, 15140, 16610, 15231, 17322, 14097],
    lifeExpectancy: [
      72.24345546, 74.18504547, 76.18067458, 75.10176875, 76.35195127, 81.44594268, 80.35266153, 79.52257957,
      83.26955872, 82.67629102,
    ],
    standardError: [
      1.201063491, 1.053851208, 1.100489479, 1.166971958, 0.858364562, 1.361867516, 0.865853521, 1.145417419,
      1.226088756, 1.299727629,
    ],
  },
  E06000006: {
    population: [18368, 18936, 15561, 20051, 19314, 19331, 17163, 16116, 17275, 23267],
    lifeExpectancy: [
      72.54567756, 75.76729083, 72.94350371, 75.8830764, 76.75897977, 74.26248445, 80.01279053, 82.77903697,
      82.23979685, 83.45957186,
    ],
    standardError: [
      1.063662504, 1.018469816, 1.049863649, 0.933704193, 1.03068435, 0.961414509, 0.887843303, 1.020296466,
      1.237268232, 0.886518745,
    ],
  },
  E06000007: {
    population: [33010, 29861, 31818, 30633, 29006, 31665, 28535, 30847, 35047, 28769],
    lifeExpectancy: [
      73.11376394, 73.03773624, 76.44686697, 78.2741337, 79.55985603, 80.69868148, 79.90792029, 82.33915366,
      82.13627106, 83.22718509,
    ],
    standardError: [
      0.702880179, 0.780915476, 0.784156262, 0.818330155, 0.658232933, 0.655050418, 0.649921165, 0.743453555,
      0.637512118, 0.666312752,
    ],
  },
  E06000008: {
    population: [23860, 21124, 22765, 20419, 24827, 23170, 20998, 20724, 21670, 20189],
    lifeExpectancy: [
      70.89831053, 74.47943843, 74.34962137, 73.45608756, 74.5330475, 74.87305205, 77.33274168, 78.60147957,
      80.56135028, 82.36438001,
    ],
    standardError: [
      0.88506523, 0.991949766, 1.048014689, 1.090186467, 0.924259741, 0.95958218, 0.939711873, 0.797963574, 0.950200325,
      1.067916694,
    ],
  },
  E06000009: {
    population: [22570, 19464, 22522, 19394, 19045, 19982, 20877, 22625, 20544, 19610],
    lifeExpectancy: [
      66.00755209, 71.16293285, 71.38253414, 72.99326352, 74.0860973, 76.58928427, 78.47982432, 78.53892509,
      79.13504052, 78.07273914,
    ],
    standardError: [
      1.004499003, 1.1297589, 0.928334218, 1.00845316, 0.993578763, 0.938313514, 0.832923468, 0.854965084, 0.791609243,
      0.917956444,
    ],
  },
  E06000010: {
    population: [38654, 40881, 41931, 38008, 38737, 43513, 38089, 35517, 38203, 36776],
    lifeExpectancy: [
      72.29466055, 71.25472196, 73.0276723, 74.94624363, 77.02532676, 75.67346402, 79.87490676, 81.12014745, 80.5417459,
      79.64900614,
    ],
    standardError: [
      0.710787538, 0.699161911, 0.717665499, 0.706381106, 0.713419162, 0.588630149, 0.596690841, 0.672745277,
      0.626176493, 0.714044131,
    ],
  },
};

/** Published SII (5 significant decimals as printed) and 95 % limits from 1,000 simulations. */
const PUBLISHED: Record<string, { sii: number; lower95: number; upper95: number }> = {
  E06000001: { sii: 11.68886, lower95: 9.384847, upper95: 14.20602 },
  E06000002: { sii: 12.54785, lower95: 10.39066, upper95: 14.63612 },
  E06000003: { sii: 10.05084, lower95: 7.727753, upper95: 12.35499 },
  E06000004: { sii: 14.85223, lower95: 13.055243, upper95: 16.63475 },
  E06000005: { sii: 11.68095, lower95: 9.201616, upper95: 14.24529 },
  E06000006: { sii: 12.27526, lower95: 10.086474, upper95: 14.3426 },
  E06000007: { sii: 11.59893, lower95: 10.134951, upper95: 13.06471 },
  E06000008: { sii: 10.7251, lower95: 8.752538, upper95: 12.74114 },
  E06000009: { sii: 13.59387, lower95: 11.467974, upper95: 15.58183 },
  E06000010: { sii: 11.20094, lower95: 9.670168, upper95: 12.80885 },
};

/** Deciles as SII points: the decile stands in for a ward, score 11 − decile so decile 1 is most deprived. */
function decilePoints(code: string): SiiPoint[] {
  const data = LE_DATA[code]!;
  return data.population.map((population, i) => {
    const value = data.lifeExpectancy[i]!;
    const se = data.standardError[i]!;
    return {
      code: `${code}-d${i + 1}`,
      value,
      // phe_sii was given the SE; an interval of ± 1.96 SE gives the same SE back.
      lowerCi: value - Z95 * se,
      upperCi: value + Z95 * se,
      suppressed: false,
      population,
      deprivationScore: 11 - (i + 1),
    };
  });
}

/**
 * Independent check of the regression: the standard deviation of the SII when each value varies
 * with its SE. The SII is linear in the values, Σ kᵢyᵢ with kᵢ = aᵢ(xᵢ − x̄)/Σaⱼ(xⱼ − x̄)², so the
 * simulated SIIs are exactly normal with sd √Σ kᵢ²SEᵢ², and the 95 % limits are SII ± 1.96 sd.
 */
function analyticSiiSd(code: string): number {
  const data = LE_DATA[code]!;
  const total = data.population.reduce((s, p) => s + p, 0);
  const shares = data.population.map((p) => p / total);
  let cumulative = 0;
  const ranks = shares.map((a) => {
    const mid = cumulative + a / 2;
    cumulative += a;
    return mid;
  });
  const meanRank = shares.reduce((s, a, i) => s + a * ranks[i]!, 0);
  const sxx = shares.reduce((s, a, i) => s + a * (ranks[i]! - meanRank) ** 2, 0);
  const variance = shares.reduce(
    (s, a, i) => s + ((a * (ranks[i]! - meanRank)) / sxx) ** 2 * data.standardError[i]! ** 2,
    0,
  );
  return Math.sqrt(variance);
}

test("reproduces the published phe_sii SIIs for 10 areas to the printed precision", () => {
  for (const [code, published] of Object.entries(PUBLISHED)) {
    const result = slopeIndexOfInequality(decilePoints(code), "higher-better", { simulations: 1000 });
    // Printed with 7 significant figures: agree to half a unit in the last printed place.
    close(result.sii, published.sii, 5e-6, code);
    assert.equal(result.used, 10);
    assert.equal(result.suppressed, 0);
  }
});

test("simulated 95% limits agree with the published ones (phe_sii's own test tolerance) and with theory", () => {
  for (const [code, published] of Object.entries(PUBLISHED)) {
    const result = slopeIndexOfInequality(decilePoints(code), "higher-better", { seed: `le-${code}` });
    assert.equal(result.simulations, 10_000);
    // tests/testthat/testSII.R compares simulated limits with tolerance = 0.05 (relative).
    close(result.siiLower, published.lower95, 0.05 * published.lower95, `${code} lower`);
    close(result.siiUpper, published.upper95, 0.05 * published.upper95, `${code} upper`);
    // Against the exact normal limits: Monte Carlo error of a 2.5 % quantile from 10,000 draws is
    // about 0.027 sd, so 0.1 sd is about four standard errors.
    const sd = analyticSiiSd(code);
    close(result.siiLower, published.sii - Z95 * sd, 0.1 * sd, `${code} lower vs theory`);
    close(result.siiUpper, published.sii + Z95 * sd, 0.1 * sd, `${code} upper vs theory`);
  }
});

// ---------------------------------------------------------------------------------------------
// Hand-computed small example (5 wards), worked in full:
//
//   ward  IMD score  population  share a  cumulative band  relative rank x  value y
//   A     50 (most)  1,000       0.1      0.0–0.1          0.05             20
//   B     40         3,000       0.3      0.1–0.4          0.25             24
//   C     30         2,000       0.2      0.4–0.6          0.50             30
//   D     20         2,000       0.2      0.6–0.8          0.70             34
//   E     10 (least) 2,000       0.2      0.8–1.0          0.90             40
//
//   x̄ = Σax = 0.005 + 0.075 + 0.1 + 0.14 + 0.18 = 0.5;  ȳ = Σay = 2 + 7.2 + 6 + 6.8 + 8 = 30
//   Sxx = Σa(x − x̄)² = 0.1·0.2025 + 0.3·0.0625 + 0 + 0.2·0.04 + 0.2·0.16 = 0.079
//   Sxy = Σa(x − x̄)(y − ȳ) = 0.45 + 0.45 + 0 + 0.16 + 0.8 = 1.86
//   SII = Sxy/Sxx = 1.86/0.079 = 1860/79 ≈ 23.5443
//   fitted(0) = ȳ − SII·x̄ = 30 − 930/79 = 1440/79 ≈ 18.2278 (most deprived end)
//   fitted(1) = 1440/79 + 1860/79 = 3300/79 ≈ 41.7722 (least deprived end)
//   RII (phe_sii) = fitted(1)/fitted(0) = 3300/1440 = 55/24 ≈ 2.2917
//   SII / mean = (1860/79)/30 = 62/79 ≈ 0.7848
// ---------------------------------------------------------------------------------------------
function handExample(overrides: Partial<Record<string, Partial<SiiPoint>>> = {}): SiiPoint[] {
  const rows: [string, number, number, number][] = [
    // Deliberately not in deprivation order: the function must sort.
    ["C", 30, 2000, 30],
    ["A", 50, 1000, 20],
    ["E", 10, 2000, 40],
    ["B", 40, 3000, 24],
    ["D", 20, 2000, 34],
  ];
  return rows.map(([code, deprivationScore, population, value]) => ({
    code,
    value,
    lowerCi: value - 2,
    upperCi: value + 2,
    suppressed: false,
    population,
    deprivationScore,
    ...overrides[code],
  }));
}

test("hand-computed 5-ward example: SII, fitted ends and both RIIs", () => {
  const result = slopeIndexOfInequality(handExample(), "higher-better", { unit: "percent" });
  close(result.sii, 1860 / 79, 1e-10, "SII");
  close(result.fittedMostDeprived, 1440 / 79, 1e-10, "fitted(0)");
  close(result.fittedLeastDeprived, 3300 / 79, 1e-10, "fitted(1)");
  close(result.rii, 55 / 24, 1e-10, "RII");
  close(result.siiRelativeToMean, 62 / 79, 1e-10, "SII/mean");
  close(result.meanValue, 30, 1e-10, "mean");
  assert.equal(result.used, 5);
  assert.equal(result.gapPhrase, "The gap between the most and least deprived ends is 23.5 percentage points.");
  assert.ok(result.siiLower! < result.sii! && result.sii! < result.siiUpper!);
  assert.ok(result.riiLower! < result.rii! && result.rii! < result.riiUpper!);
});

test("relative ranks: most deprived first, midpoints of cumulative shares; tied scores share a band", () => {
  const ranks = relativeRanks(handExample());
  assert.deepEqual(
    ranks.map((r) => r.area.code),
    ["A", "B", "C", "D", "E"],
  );
  const expected = [0.05, 0.25, 0.5, 0.7, 0.9];
  ranks.forEach((r, i) => close(r.rank, expected[i]!, 1e-12));

  // B and C tied at 40: one band 0.1–0.6 of the population, midpoint 0.35 for both.
  const tied = relativeRanks(handExample({ C: { deprivationScore: 40 } }));
  const byCode = Object.fromEntries(tied.map((r) => [r.area.code, r.rank]));
  close(byCode.B!, 0.35, 1e-12);
  close(byCode.C!, 0.35, 1e-12);
  close(byCode.A!, 0.05, 1e-12);
  close(byCode.D!, 0.7, 1e-12);
});

test("fewer than 5 usable wards: no SII and a clear message", () => {
  const points = handExample({ A: { suppressed: true, value: null }, B: { value: null } }).slice(0, 5);
  const result = slopeIndexOfInequality(points, "higher-better");
  assert.equal(result.sii, null);
  assert.equal(result.siiLower, null);
  assert.equal(result.rii, null);
  assert.equal(result.used, 3);
  assert.equal(result.suppressed, 2);
  assert.equal(result.reason, "Needs at least 5 wards with figures; 3 available.");
  assert.equal(MIN_SII_AREAS, 5);
});

test("suppressed and missing wards are left out and counted, and the rest re-ranked", () => {
  const extra: SiiPoint[] = [
    { code: "S1", value: null, lowerCi: null, upperCi: null, suppressed: true, population: 5000, deprivationScore: 60 },
    { code: "S2", value: 99, lowerCi: 90, upperCi: 100, suppressed: true, population: 5000, deprivationScore: 5 },
    {
      code: "S3",
      value: null,
      lowerCi: null,
      upperCi: null,
      suppressed: false,
      population: 5000,
      deprivationScore: 35,
    },
  ];
  const result = slopeIndexOfInequality([...handExample(), ...extra], "higher-better");
  assert.equal(result.used, 5);
  assert.equal(result.suppressed, 3);
  // Same SII as the five wards alone: the left-out wards' populations do not enter the ranking.
  close(result.sii, 1860 / 79, 1e-10);
});

test("all values equal: SII exactly 0, RII 1 (phe_sii's ratio), SII/mean 0", () => {
  const points = handExample({
    A: { value: 27.3, lowerCi: 25, upperCi: 30 },
    B: { value: 27.3, lowerCi: 25, upperCi: 30 },
    C: { value: 27.3, lowerCi: 25, upperCi: 30 },
    D: { value: 27.3, lowerCi: 25, upperCi: 30 },
    E: { value: 27.3, lowerCi: 25, upperCi: 30 },
  });
  const result = slopeIndexOfInequality(points, "higher-better");
  assert.equal(result.sii, 0);
  assert.ok(Object.is(result.sii, 0), "not -0");
  assert.equal(result.rii, 1);
  assert.equal(result.siiRelativeToMean, 0);
  assert.match(result.interpretation, /^Zero: the fitted line is flat/);
  // Uncertainty remains: the interval straddles 0.
  assert.ok(result.siiLower! < 0 && result.siiUpper! > 0);
  assert.equal(result.gapPhrase, "The gap between the most and least deprived ends is 0.0.");
});

test("polarity never flips the sign, only the words", () => {
  const higher = slopeIndexOfInequality(handExample(), "higher-better");
  const lower = slopeIndexOfInequality(handExample(), "lower-better");
  const neither = slopeIndexOfInequality(handExample(), "neither");
  assert.equal(higher.sii, lower.sii);
  assert.equal(higher.sii, neither.sii);
  assert.ok(higher.sii! > 0);
  assert.deepEqual([higher.siiLower, higher.siiUpper], [lower.siiLower, lower.siiUpper]);
  assert.match(
    higher.interpretation,
    /^Positive: values rise from the most deprived to the least deprived wards, so the least deprived wards do better \(higher is better\)\./,
  );
  assert.match(
    lower.interpretation,
    /Lower is better here, so a positive SII means the least deprived wards do worse\./,
  );
  assert.match(neither.interpretation, /neither higher nor lower is better/);
  assert.notEqual(higher.interpretation, lower.interpretation);

  // A falling gradient: negative SII in both polarities.
  const falling = handExample({ A: { value: 40 }, B: { value: 34 }, D: { value: 24 }, E: { value: 20 } });
  const fallingHigher = slopeIndexOfInequality(falling, "higher-better");
  const fallingLower = slopeIndexOfInequality(falling, "lower-better");
  // By hand: ȳ = 4 + 10.2 + 6 + 4.8 + 4 = 29; Sxy = −0.495 − 0.375 + 0 − 0.2 − 0.72 = −1.79; SII = −1.79/0.079.
  close(fallingHigher.sii, -1.79 / 0.079, 1e-10);
  assert.equal(fallingLower.sii, fallingHigher.sii);
  assert.match(fallingHigher.interpretation, /^Negative: .*so a negative SII means the most deprived wards do better/);
  assert.match(fallingLower.interpretation, /^Negative: .*so the least deprived wards do better \(lower is better\)/);
});

test("the interpretation says whether the interval includes zero", () => {
  const clear = slopeIndexOfInequality(handExample(), "higher-better");
  assert.match(clear.interpretation, /The 95% confidence interval \([\d.]+ to [\d.]+\) does not include zero\./);
  const wide = handExample({
    A: { lowerCi: -200, upperCi: 240 },
    B: { lowerCi: -200, upperCi: 248 },
    C: { lowerCi: -200, upperCi: 260 },
    D: { lowerCi: -200, upperCi: 268 },
    E: { lowerCi: -200, upperCi: 280 },
  });
  const vague = slopeIndexOfInequality(wide, "higher-better");
  assert.match(vague.interpretation, /includes zero, so the gradient could be chance\./);
});

test("the simulated interval is deterministic: same seed, same interval; another seed differs", () => {
  const a = slopeIndexOfInequality(handExample(), "higher-better", { seed: "x", unit: "percent" });
  const b = slopeIndexOfInequality(handExample(), "higher-better", { seed: "x", unit: "percent" });
  const c = slopeIndexOfInequality(handExample(), "higher-better", { seed: "y", unit: "percent" });
  assert.deepEqual([a.siiLower, a.siiUpper, a.riiLower, a.riiUpper], [b.siiLower, b.siiUpper, b.riiLower, b.riiUpper]);
  assert.notDeepEqual([a.siiLower, a.siiUpper], [c.siiLower, c.siiUpper]);
  // The default seed is fixed too.
  const d1 = slopeIndexOfInequality(handExample(), "higher-better");
  const d2 = slopeIndexOfInequality(handExample(), "higher-better");
  assert.deepEqual([d1.siiLower, d1.siiUpper], [d2.siiLower, d2.siiUpper]);
});

test("proportions are simulated on the logit scale: narrow intervals give a narrow SII interval, 0 % is safe", () => {
  const narrow = handExample({
    A: { lowerCi: 19.99, upperCi: 20.01 },
    B: { lowerCi: 23.99, upperCi: 24.01 },
    C: { lowerCi: 29.99, upperCi: 30.01 },
    D: { lowerCi: 33.99, upperCi: 34.01 },
    E: { lowerCi: 39.99, upperCi: 40.01 },
  });
  const result = slopeIndexOfInequality(narrow, "higher-better", { unit: "percent" });
  close(result.siiLower, 1860 / 79, 0.1);
  close(result.siiUpper, 1860 / 79, 0.1);

  // A ward at 0 % (Wilson lower limit 0) has no logit: it falls back to the natural scale, no NaN.
  const withZero = handExample({ A: { value: 0, lowerCi: 0, upperCi: 3.5 } });
  const zero = slopeIndexOfInequality(withZero, "higher-better", { unit: "percent" });
  assert.ok(Number.isFinite(zero.siiLower!) && Number.isFinite(zero.siiUpper!));
  assert.ok(zero.siiLower! < zero.sii! && zero.sii! < zero.siiUpper!);
});

test("census figures without intervals: SII but no interval, with the reason", () => {
  const census = handExample({
    A: { lowerCi: null, upperCi: null },
    B: { lowerCi: null, upperCi: null },
    C: { lowerCi: null, upperCi: null },
    D: { lowerCi: null, upperCi: null },
    E: { lowerCi: null, upperCi: null },
  });
  const result = slopeIndexOfInequality(census, "higher-better", { unit: "percent" });
  close(result.sii, 1860 / 79, 1e-10);
  assert.equal(result.siiLower, null);
  assert.equal(result.siiUpper, null);
  assert.equal(result.riiLower, null);
  assert.equal(result.simulations, 0);
  assert.match(result.ciReason!, /no confidence intervals to simulate from/);
  assert.match(result.interpretation, /no confidence intervals to simulate from/);

  const partial = slopeIndexOfInequality(handExample({ C: { lowerCi: null } }), "higher-better");
  assert.equal(partial.siiLower, null);
  assert.match(partial.ciReason!, /1 of the 5 wards have no confidence interval/);
});

test("no RII when the fitted line reaches zero at the most deprived end", () => {
  const points = handExample({
    A: { value: 0 },
    B: { value: 0 },
    C: { value: 10 },
    D: { value: 20 },
    E: { value: 30 },
  });
  const result = slopeIndexOfInequality(points, "higher-better");
  assert.ok(result.fittedMostDeprived! <= 0);
  assert.equal(result.rii, null);
  assert.equal(result.riiLower, null);
  assert.match(result.riiReason!, /No RII/);
});

test("bad inputs fail loudly", () => {
  assert.throws(() => slopeIndexOfInequality(handExample({ A: { population: 0 } }), "higher-better"), RangeError);
  assert.throws(
    () => slopeIndexOfInequality(handExample({ A: { deprivationScore: NaN } }), "higher-better"),
    RangeError,
  );
  assert.throws(() => slopeIndexOfInequality(handExample(), "higher-better", { simulations: 999 }), RangeError);
  const flat = handExample({
    A: { deprivationScore: 1 },
    B: { deprivationScore: 1 },
    C: { deprivationScore: 1 },
    D: { deprivationScore: 1 },
    E: { deprivationScore: 1 },
  });
  assert.match(slopeIndexOfInequality(flat, "higher-better").reason!, /same deprivation score/);
});

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

test("rangeOfAreas: highest, lowest, gap and ratio; suppressed and missing left out and counted", () => {
  const result = rangeOfAreas([
    { code: "W1", name: "Central", value: 31.5, suppressed: false },
    { code: "W2", name: "Bretton", value: 12.5, suppressed: false },
    { code: "W3", name: "Orton", value: 80, suppressed: true },
    { code: "W4", name: "Werrington", value: null, suppressed: false },
    { code: "W5", name: "Dogsthorpe", value: 25, suppressed: false },
  ]);
  assert.deepEqual(result.highest, { code: "W1", name: "Central", value: 31.5 });
  assert.deepEqual(result.lowest, { code: "W2", name: "Bretton", value: 12.5 });
  assert.equal(result.gap, 19);
  assert.equal(result.ratio, 2.52);
  assert.equal(result.used, 3);
  assert.equal(result.suppressed, 2);
  assert.equal(result.reason, undefined);
});

test("rangeOfAreas: ties broken by name; no ratio when the lowest is 0; fewer than 2 gives a reason", () => {
  const tied = rangeOfAreas([
    { code: "W9", name: "Park", value: 10, suppressed: false },
    { code: "W8", name: "East", value: 10, suppressed: false },
    { code: "W7", name: "North", value: 0, suppressed: false },
  ]);
  assert.equal(tied.highest?.name, "East");
  assert.equal(tied.lowest?.name, "North");
  assert.equal(tied.ratio, null);
  assert.equal(tied.gap, 10);

  const one = rangeOfAreas([
    { code: "W1", name: "Central", value: 5, suppressed: false },
    { code: "W2", name: "East", value: null, suppressed: true },
  ]);
  assert.equal(one.highest, null);
  assert.equal(one.gap, null);
  assert.equal(one.used, 1);
  assert.equal(one.suppressed, 1);
  assert.equal(one.reason, "Needs at least 2 wards with figures; 1 available.");
});

// ---------------------------------------------------------------------------------------------
// Trend of the SII
// ---------------------------------------------------------------------------------------------

test("siiTrend: two clearly different periods, widened; the reverse, narrowed (z-test of the difference)", () => {
  const widened = siiTrend([
    { period: "2023", sii: 10, siiLower: 9, siiUpper: 11 },
    { period: "2021", sii: 5, siiLower: 4, siiUpper: 6 },
  ]);
  assert.equal(widened.change, "widened");
  assert.equal(widened.firstPeriod, "2021");
  assert.equal(widened.lastPeriod, "2023");
  assert.equal(widened.reversed, false);
  // z = 5 / (SE·√2), SE = 1/1.96: z = 6.9295, p = erfc(z/√2) = 4.2227e-12 (Python math.erfc).
  close(widened.pValue, 4.222735487689767e-12, 1e-15);

  const narrowed = siiTrend([
    { period: "2021", sii: 10, siiLower: 9, siiUpper: 11 },
    { period: "2023", sii: 5, siiLower: 4, siiUpper: 6 },
  ]);
  assert.equal(narrowed.change, "narrowed");

  // A negative SII growing in size has widened too: widening is about |SII|.
  const negative = siiTrend([
    { period: "2021", sii: -5, siiLower: -6, siiUpper: -4 },
    { period: "2023", sii: -10, siiLower: -11, siiUpper: -9 },
  ]);
  assert.equal(negative.change, "widened");
});

test("siiTrend: overlapping change is no clear change, with the p-value of the difference", () => {
  const result = siiTrend([
    { period: "2021", sii: 5, siiLower: 3, siiUpper: 7 },
    { period: "2022", sii: null, siiLower: null, siiUpper: null },
    { period: "2023", sii: 6, siiLower: 4, siiUpper: 8 },
  ]);
  assert.equal(result.change, "no-clear-change");
  assert.deepEqual(result.periodsUsed, ["2021", "2023"]);
  // z = 1 / (SE·√2), SE = 4/(2·1.96): z = 0.69295, p = 0.48834 (Python math.erfc).
  close(result.pValue, 0.48833973000861103, 1e-9);
  assert.match(result.reason, /No clear change in the SII over 2021–2023/);
});

test("siiTrend: fewer than 2 periods with intervals cannot tell; a sign change is flagged as reversed", () => {
  const one = siiTrend([
    { period: "2021", sii: 5, siiLower: 3, siiUpper: 7 },
    { period: "2023", sii: 6, siiLower: null, siiUpper: null },
  ]);
  assert.equal(one.change, "cannot-tell");
  assert.equal(one.pValue, null);
  assert.match(one.reason, /needs at least 2 periods with an SII and its confidence interval; 1 available/);

  const flipped = siiTrend([
    { period: "2021", sii: -3, siiLower: -4, siiUpper: -2 },
    { period: "2023", sii: 6, siiLower: 5, siiUpper: 7 },
  ]);
  assert.equal(flipped.change, "widened");
  assert.equal(flipped.reversed, true);
});

test("siiTrend: with several periods the fitted line decides, not one odd year", () => {
  // Steady rise 4 → 8 with tight intervals: widened, from the fitted ends.
  const series = [4, 5, 6, 7, 8].map((sii, i) => ({
    period: String(2019 + i),
    sii,
    siiLower: sii - 0.5,
    siiUpper: sii + 0.5,
  }));
  const result = siiTrend(series);
  assert.equal(result.change, "widened");
  assert.equal(result.firstPeriod, "2019");
  assert.equal(result.lastPeriod, "2023");
  assert.match(result.reason, /from 4\.00 to 8\.00/);
});

test("gapSentence: widened, narrowed, no clear change, reversed, and nothing when it cannot tell", () => {
  const title = "formal volunteering";
  assert.equal(
    gapSentence(title, "Peterborough", { change: "widened", firstPeriod: "2021", reversed: false }),
    "The gap in formal volunteering between the most and least deprived parts of Peterborough has widened since 2021.",
  );
  assert.equal(
    gapSentence(title, "Peterborough", { change: "narrowed", firstPeriod: "2021", reversed: false }),
    "The gap in formal volunteering between the most and least deprived parts of Peterborough has narrowed since 2021.",
  );
  assert.equal(
    gapSentence(title, "Peterborough", { change: "no-clear-change", firstPeriod: "2021", reversed: false }),
    "The gap in formal volunteering between the most and least deprived parts of Peterborough: no clear change since 2021.",
  );
  assert.equal(
    gapSentence(title, "Peterborough", { change: "widened", firstPeriod: "2021", reversed: true }),
    "The gap in formal volunteering between the most and least deprived parts of Peterborough has reversed since 2021.",
  );
  assert.equal(gapSentence(title, "Peterborough", { change: "cannot-tell", firstPeriod: null, reversed: false }), null);
});
