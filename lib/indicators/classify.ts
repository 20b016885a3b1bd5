// Choropleth classification: which colour class each value falls in.
import type { Polarity } from "@/lib/domain/types";
import { quantileOfSorted } from "@/lib/stats/quartiles";

export interface ClassBreaks {
  /** Upper bound of each class except the last; length = classes − 1. */
  breaks: number[];
  min: number;
  max: number;
}

/** Quantile breaks: each class holds about the same number of areas. */
export function quantileBreaks(values: number[], classes = 5): ClassBreaks {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { breaks: [], min: NaN, max: NaN };
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) breaks.push(quantileOfSorted(sorted, k / classes));
  return { breaks: [...new Set(breaks)], min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Index of the class a value falls in (0 = lowest values). Upper bounds are inclusive. */
export function classIndex(value: number, { breaks }: ClassBreaks): number {
  const index = breaks.findIndex((upper) => value <= upper);
  return index === -1 ? breaks.length : index;
}

/**
 * Colour-blind-safe sequential palette (ColorBrewer Blues, 5 classes): one hue, so the order
 * reads by lightness alone, in greyscale print and for every form of colour blindness.
 * Darker always means a higher value; the legend says whether higher is better.
 */
export const SEQUENTIAL_PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

/** The colour for no data; suppressed areas are also hatched so they differ from missing ones. */
export const NO_DATA_COLOUR = "#d9d9d9";

export function polarityPhrase(polarity: Polarity): string {
  if (polarity === "higher-better") return "Higher is better";
  if (polarity === "lower-better") return "Lower is better";
  return "Neither higher nor lower is better";
}

// ---------------------------------------------------------------------------------------------
// Other classification methods (see docs/methodology.md, "Map classes and colours")
// ---------------------------------------------------------------------------------------------

export const CLASSIFICATION_METHODS = [
  {
    key: "quantile",
    label: "Quantiles",
    description: "Each colour holds about the same number of wards.",
  },
  {
    key: "equal-interval",
    label: "Equal intervals",
    description: "Each colour covers the same range of values.",
  },
  {
    key: "natural-breaks",
    label: "Natural breaks (Jenks)",
    description: "Colours follow gaps in the data, grouping wards with similar values.",
  },
] as const;

export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number]["key"];
export const DEFAULT_CLASSIFICATION_METHOD: ClassificationMethod = "quantile";

export function isClassificationMethod(value: unknown): value is ClassificationMethod {
  return CLASSIFICATION_METHODS.some((method) => method.key === value);
}

/**
 * Equal-interval breaks: the range min..max cut into `classes` equal widths. When every value is
 * the same there is one class (no breaks).
 */
export function equalIntervalBreaks(values: number[], classes = 5): ClassBreaks {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { breaks: [], min: NaN, max: NaN };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max || classes < 2) return { breaks: [], min, max };
  const width = (max - min) / classes;
  return { breaks: Array.from({ length: classes - 1 }, (_, k) => min + width * (k + 1)), min, max };
}

/**
 * Jenks natural breaks, computed exactly: the partition of the sorted values into `classes`
 * contiguous groups with the least total within-class sum of squared deviations, by dynamic
 * programming (Jenks & Caspall 1971; the optimal algorithm of Fisher 1958), O(classes × n²).
 * Tied values always share a class (the DP runs on distinct values weighted by their counts),
 * so there are at most as many classes as distinct values. Each break is the largest value of
 * its class, matching classIndex's inclusive upper bounds.
 */
export function naturalBreaks(values: number[], classes = 5): ClassBreaks {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { breaks: [], min: NaN, max: NaN };
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;

  const distinct: number[] = [];
  const counts: number[] = [];
  for (const value of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === value) counts[counts.length - 1]!++;
    else {
      distinct.push(value);
      counts.push(1);
    }
  }
  const m = distinct.length;
  const k = Math.max(1, Math.min(Math.floor(classes), m));
  if (k === 1) return { breaks: [], min, max };

  // Prefix sums of counts, and of centred values and their squares (centring keeps precision).
  const centre = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const w = [0];
  const s1 = [0];
  const s2 = [0];
  for (let i = 0; i < m; i++) {
    const x = distinct[i]! - centre;
    const c = counts[i]!;
    w.push(w[i]! + c);
    s1.push(s1[i]! + c * x);
    s2.push(s2[i]! + c * x * x);
  }
  /** Within-class sum of squares of distinct values i..j (inclusive, 0-based). */
  const cost = (i: number, j: number) => {
    const n = w[j + 1]! - w[i]!;
    const sum = s1[j + 1]! - s1[i]!;
    return Math.max(0, s2[j + 1]! - s2[i]! - (sum * sum) / n);
  };

  // best[c][j]: least cost of splitting distinct values 0..j into c + 1 classes;
  // start[c][j]: index where the last of those classes starts.
  const best: number[][] = [Array.from({ length: m }, (_, j) => cost(0, j))];
  const start: number[][] = [Array.from({ length: m }, () => 0)];
  for (let c = 1; c < k; c++) {
    const row: number[] = new Array<number>(m).fill(Infinity);
    const from: number[] = new Array<number>(m).fill(-1);
    for (let j = c; j < m; j++) {
      for (let i = c; i <= j; i++) {
        const candidate = best[c - 1]![i - 1]! + cost(i, j);
        if (candidate < row[j]!) {
          row[j] = candidate;
          from[j] = i;
        }
      }
    }
    best.push(row);
    start.push(from);
  }

  const breaks: number[] = [];
  let end = m - 1;
  for (let c = k - 1; c >= 1; c--) {
    const first = start[c]![end]!;
    breaks.unshift(distinct[first - 1]!);
    end = first - 1;
  }
  return { breaks, min, max };
}

/** Breaks by the chosen method. */
export function classBreaks(method: ClassificationMethod, values: number[], classes = 5): ClassBreaks {
  if (method === "equal-interval") return equalIntervalBreaks(values, classes);
  if (method === "natural-breaks") return naturalBreaks(values, classes);
  return quantileBreaks(values, classes);
}

// ---------------------------------------------------------------------------------------------
// Palettes by polarity
// ---------------------------------------------------------------------------------------------

/**
 * One ColorBrewer single-hue ramp per polarity, lightest first. The rule is the Fingertips/ONS
 * convention, the same for every indicator: DARKER = HIGHER VALUE. Polarity changes only the hue,
 * so a reader who switches indicators never has to re-learn which end is which, and the hue adds a
 * second cue: blue where higher is better, orange where higher is worse, purple where neither.
 * Single-hue ramps read by lightness alone, so they survive every colour-vision deficiency and
 * greyscale printing. The blue ramp is SEQUENTIAL_PALETTE.
 */
export const POLARITY_PALETTES = {
  "higher-better": SEQUENTIAL_PALETTE,
  "lower-better": ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"],
  neither: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
} as const satisfies Record<Polarity, readonly string[]>;

const HUE_NAMES: Record<Polarity, string> = { "higher-better": "blue", "lower-better": "orange", neither: "purple" };

/** The most classes a palette holds; callers should ask for no more. */
export const MAX_PALETTE_CLASSES = 5;

/** `classes` colours (at most 5) from the polarity's ramp, lightest (lowest values) first. */
export function paletteForPolarity(polarity: Polarity, classes: number): readonly string[] {
  const ramp = POLARITY_PALETTES[polarity];
  if (classes >= ramp.length) return ramp;
  if (classes <= 1) return [ramp[Math.floor(ramp.length / 2)]!];
  // Fewer classes (many tied values): spread the picks across the ramp, keeping both ends.
  return Array.from({ length: classes }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (classes - 1))]!);
}

/** Legend text for a polarity's palette, e.g. "Darker blue = higher value (higher is better)". */
export function paletteDescription(polarity: Polarity): string {
  const better =
    polarity === "higher-better"
      ? "higher is better"
      : polarity === "lower-better"
        ? "lower is better"
        : "neither higher nor lower is better";
  return `Darker ${HUE_NAMES[polarity]} = higher value (${better})`;
}

// ---------------------------------------------------------------------------------------------
// Benchmark comparison colours
// ---------------------------------------------------------------------------------------------

export interface ComparisonStyle {
  /** Fill colour of the marker, chip or map area. */
  fill: string;
  /** Text colour on that fill (WCAG contrast ≥ 4.5:1). */
  text: string;
  /** A glyph shown beside the colour, so colour is never the only signal. */
  symbol: string;
  /** Short text label. */
  label: string;
}

/**
 * Colours for the benchmark comparison, from the Okabe–Ito colour-blind-safe palette: blue for
 * better, vermilion for worse (both ≥ 3:1 against white, distinguishable in every common colour
 * deficiency), yellow for similar (deliberately light: it needs an outline on white), and a mid
 * grey for not compared. Always shown with the symbol or the label.
 */
export const COMPARISON_COLOURS = {
  better: { fill: "#0072B2", text: "#ffffff", symbol: "✓", label: "Better" },
  similar: { fill: "#F0E442", text: "#000000", symbol: "≈", label: "Similar" },
  worse: { fill: "#D55E00", text: "#000000", symbol: "✕", label: "Worse" },
  "not-compared": { fill: "#8C8C8C", text: "#000000", symbol: "–", label: "Not compared" },
} as const satisfies Record<"better" | "similar" | "worse" | "not-compared", ComparisonStyle>;

/**
 * For indicators where neither direction is better, significance is shown as higher / lower in
 * shades of one hue (Paul Tol's indigo and pale cyan), so it does not suggest good or bad.
 */
export const SIGNIFICANCE_COLOURS = {
  higher: { fill: "#332288", text: "#ffffff", symbol: "▲", label: "Higher" },
  similar: COMPARISON_COLOURS.similar,
  lower: { fill: "#88CCEE", text: "#000000", symbol: "▼", label: "Lower" },
  "not-compared": COMPARISON_COLOURS["not-compared"],
} as const satisfies Record<"higher" | "similar" | "lower" | "not-compared", ComparisonStyle>;

/** Full label for a rating against a named benchmark: "Better than Peterborough". */
export function comparisonLabel(rating: keyof typeof COMPARISON_COLOURS, benchmarkName: string): string {
  if (rating === "better") return `Better than ${benchmarkName}`;
  if (rating === "worse") return `Worse than ${benchmarkName}`;
  if (rating === "similar") return `Similar to ${benchmarkName}`;
  return `Not compared with ${benchmarkName}`;
}

/** Full label for a significance against a named benchmark (polarity "neither"): "Higher than Peterborough". */
export function significanceLabel(significance: keyof typeof SIGNIFICANCE_COLOURS, benchmarkName: string): string {
  if (significance === "higher") return `Higher than ${benchmarkName}`;
  if (significance === "lower") return `Lower than ${benchmarkName}`;
  if (significance === "similar") return `Similar to ${benchmarkName}`;
  return `Not compared with ${benchmarkName}`;
}
