export interface Quartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  count: number;
}

/** The p-quantile of ascending values, type 7 (linear interpolation), as R and spreadsheets compute it. */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Five-number summary with type 7 quantiles. */
export function quartiles(values: number[]): Quartiles {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError("quartiles: no finite values");
  const at = (p: number) => quantileOfSorted(sorted, p);
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted.at(-1)!, count: sorted.length };
}
