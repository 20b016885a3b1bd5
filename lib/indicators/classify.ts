// Choropleth classification: which colour class each value falls in.
import type { Polarity } from "@/lib/domain/types";

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
  for (let k = 1; k < classes; k++) {
    // Type 7 quantile (linear interpolation), as R and spreadsheets compute it.
    const position = (k / classes) * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.min(low + 1, sorted.length - 1);
    breaks.push(sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low));
  }
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

export function paletteFor(classes: number): readonly string[] {
  if (classes >= SEQUENTIAL_PALETTE.length) return SEQUENTIAL_PALETTE;
  // Fewer classes (many tied values): spread the picks across the ramp.
  return Array.from(
    { length: classes },
    (_, i) => SEQUENTIAL_PALETTE[Math.round((i * (SEQUENTIAL_PALETTE.length - 1)) / Math.max(1, classes - 1))]!,
  );
}

export function polarityPhrase(polarity: Polarity): string {
  if (polarity === "higher-better") return "Higher is better";
  if (polarity === "lower-better") return "Lower is better";
  return "Neither higher nor lower is better";
}
