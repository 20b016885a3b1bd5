export interface Quartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  count: number;
}

/** Five-number summary with type 7 (linear interpolation) quantiles, as R and spreadsheets use. */
export function quartiles(values: number[]): Quartiles {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError("quartiles: no finite values");
  const at = (p: number) => {
    const position = p * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted.at(-1)!, count: sorted.length };
}
