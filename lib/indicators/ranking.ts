import type { AreaCode } from "@/lib/domain/types";

export interface RankableValue {
  areaCode: AreaCode;
  areaName: string;
  value: number | null;
  suppressed: boolean;
}

export interface RankedArea<T extends RankableValue> {
  rank: number | null;
  item: T;
}

/**
 * Areas ordered lowest value first, the question officers ask ("where is it lowest?").
 * Tied values share a rank (1, 2, 2, 4); suppressed or missing values come last, unranked.
 */
export function rankAreasByIndicator<T extends RankableValue>(items: T[]): RankedArea<T>[] {
  const withValue = items
    .filter((item) => item.value !== null && !item.suppressed)
    .sort((a, b) => a.value! - b.value! || a.areaName.localeCompare(b.areaName));
  const ranked = withValue.map((item, index) => ({ item, rank: index + 1 }));
  for (let i = 1; i < ranked.length; i++) {
    if (ranked[i]!.item.value === ranked[i - 1]!.item.value) ranked[i]!.rank = ranked[i - 1]!.rank;
  }
  const unranked = items
    .filter((item) => item.value === null || item.suppressed)
    .sort((a, b) => a.areaName.localeCompare(b.areaName))
    .map((item) => ({ item, rank: null }));
  return [...ranked, ...unranked];
}
