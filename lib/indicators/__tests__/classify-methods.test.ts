import { test } from "node:test";
import assert from "node:assert/strict";
import {
  classBreaks,
  classIndex,
  CLASSIFICATION_METHODS,
  COMPARISON_COLOURS,
  comparisonLabel,
  equalIntervalBreaks,
  isClassificationMethod,
  naturalBreaks,
  paletteDescription,
  paletteForPolarity,
  quantileBreaks,
  SEQUENTIAL_PALETTE,
  SIGNIFICANCE_COLOURS,
  type ClassBreaks,
} from "@/lib/indicators/classify";
import { POLARITIES } from "@/lib/domain/types";
import { mulberry32 } from "@/lib/stats/random";

function near(actual: number, expected: number, tolerance: number, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label} expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** Total within-class sum of squared deviations of a classification. */
function withinClassSS(values: number[], breaks: ClassBreaks): number {
  const groups = new Map<number, number[]>();
  for (const v of values) {
    const index = classIndex(v, breaks);
    groups.set(index, [...(groups.get(index) ?? []), v]);
  }
  let total = 0;
  for (const group of groups.values()) {
    const mean = group.reduce((a, b) => a + b, 0) / group.length;
    total += group.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  }
  return total;
}

/** Brute force: the least within-class SS over every way to cut the sorted values into k groups. */
function bruteForceBest(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const ss = (group: number[]) => {
    const mean = group.reduce((a, b) => a + b, 0) / group.length;
    return group.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  };
  let best = Infinity;
  const cut = (startIndex: number, groupsLeft: number, sofar: number) => {
    if (groupsLeft === 1) {
      best = Math.min(best, sofar + ss(sorted.slice(startIndex)));
      return;
    }
    // Leave at least one value for each of the remaining groups.
    for (let end = startIndex + 1; end <= sorted.length - (groupsLeft - 1); end++) {
      cut(end, groupsLeft - 1, sofar + ss(sorted.slice(startIndex, end)));
    }
  };
  cut(0, k, 0);
  return best;
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [high, low] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

test("equal-interval breaks cut the range into equal widths", () => {
  const breaks = equalIntervalBreaks([0, 3, 10, 7, 1], 5);
  assert.deepEqual(breaks, { breaks: [2, 4, 6, 8], min: 0, max: 10 });
  assert.equal(classIndex(10, breaks), 4);
  assert.equal(classIndex(2, breaks), 0); // upper bounds are inclusive
  assert.deepEqual(equalIntervalBreaks([4, 4, 4], 5).breaks, []);
  assert.ok(Number.isNaN(equalIntervalBreaks([], 5).min));
});

test("natural breaks find obvious clusters", () => {
  const values = [21, 1, 12, 3, 2, 11, 22, 10, 20];
  assert.deepEqual(naturalBreaks(values, 3).breaks, [3, 12]);
  assert.deepEqual(naturalBreaks(values, 3).min, 1);
  assert.deepEqual(naturalBreaks(values, 3).max, 22);
});

test("natural breaks are optimal: no other partition has a smaller within-class sum of squares", () => {
  const random = mulberry32(20240611);
  for (let trial = 0; trial < 40; trial++) {
    const n = 4 + Math.floor(random() * 7);
    const values = Array.from({ length: n }, () => Math.round(random() * 1000) / 10);
    for (const k of [2, 3, 4]) {
      if (new Set(values).size < k) continue;
      const breaks = naturalBreaks(values, k);
      assert.equal(breaks.breaks.length, k - 1, `trial ${trial} k ${k}`);
      near(withinClassSS(values, breaks), bruteForceBest(values, k), 1e-6, `trial ${trial} k ${k}`);
    }
  }
});

test("natural breaks never split tied values and cope with fewer distinct values than classes", () => {
  const values = [1, 1, 1, 1, 2, 2, 9];
  const breaks = naturalBreaks(values, 5);
  assert.deepEqual(breaks.breaks, [1, 2]);
  assert.deepEqual(naturalBreaks([5, 5, 5], 5).breaks, []);
  const tied = [3, 3, 3, 4, 8, 8, 8, 8, 9, 15, 15];
  const classed = naturalBreaks(tied, 4);
  for (const v of tied) assert.equal(new Set(tied.filter((x) => x === v).map((x) => classIndex(x, classed))).size, 1);
});

test("classBreaks dispatches by method, and every method has a label", () => {
  const values = [5, 1, 9, 3, 7, 2, 8];
  assert.deepEqual(classBreaks("quantile", values, 3), quantileBreaks(values, 3));
  assert.deepEqual(classBreaks("equal-interval", values, 4), equalIntervalBreaks(values, 4));
  assert.deepEqual(classBreaks("natural-breaks", values, 3), naturalBreaks(values, 3));
  assert.deepEqual(
    CLASSIFICATION_METHODS.map((m) => m.key),
    ["quantile", "equal-interval", "natural-breaks"],
  );
  for (const method of CLASSIFICATION_METHODS) assert.ok(method.label.length > 0);
  assert.ok(isClassificationMethod("natural-breaks"));
  assert.ok(!isClassificationMethod("jenks"));
});

test("every polarity's palette gets darker towards higher values (darker = higher value)", () => {
  for (const polarity of POLARITIES) {
    for (const classes of [2, 3, 4, 5]) {
      const palette = paletteForPolarity(polarity, classes);
      assert.equal(palette.length, classes);
      for (let i = 1; i < palette.length; i++) {
        assert.ok(
          relativeLuminance(palette[i]!) < relativeLuminance(palette[i - 1]!),
          `${polarity} ${classes} step ${i}`,
        );
      }
    }
    assert.equal(paletteForPolarity(polarity, 1).length, 1);
  }
  assert.deepEqual(paletteForPolarity("higher-better", 5), SEQUENTIAL_PALETTE);
  // Different polarities are told apart by hue.
  assert.notEqual(paletteForPolarity("higher-better", 5)[4], paletteForPolarity("lower-better", 5)[4]);
});

test("palette descriptions state the rule and the polarity", () => {
  assert.equal(paletteDescription("higher-better"), "Darker blue = higher value (higher is better)");
  assert.match(paletteDescription("lower-better"), /^Darker \w+ = higher value \(lower is better\)$/);
  assert.match(paletteDescription("neither"), /neither higher nor lower is better/);
});

test("comparison colours: ≥ 3:1 against white except 'similar', readable text, and a label and symbol each", () => {
  for (const [rating, style] of Object.entries(COMPARISON_COLOURS)) {
    if (rating !== "similar") assert.ok(contrast(style.fill, "#ffffff") >= 3, `${rating} vs white`);
    assert.ok(contrast(style.fill, style.text) >= 4.5, `${rating} text`);
    assert.ok(style.label.length > 0 && style.symbol.length > 0);
  }
  for (const [key, style] of Object.entries(SIGNIFICANCE_COLOURS)) {
    assert.ok(contrast(style.fill, style.text) >= 4.5, `${key} text`);
  }
  const symbols = Object.values(COMPARISON_COLOURS).map((s) => s.symbol);
  assert.equal(new Set(symbols).size, symbols.length);
  assert.equal(comparisonLabel("worse", "Peterborough"), "Worse than Peterborough");
});
