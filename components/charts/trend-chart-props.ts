// What both drawings of a trend take: the server-drawn StaticTrendChart and the interactive (Recharts)
// TrendChart that replaces it, so the two always show the same series from the same figures.

export interface TrendChartPoint {
  period: string;
  area: number | null;
  /** The 95% interval as [lower, upper], or null where there is none. */
  interval: [number, number] | null;
  benchmark: number | null;
}

export interface TrendChartProps {
  /** Oldest first. */
  points: TrendChartPoint[];
  areaName: string;
  /** No benchmark line when absent. */
  benchmarkName?: string;
  unitLabel: string;
  decimals: number;
}

export const AREA_COLOUR = "#1d4f91";
export const BAND_COLOUR = "#9ecae1";
export const BENCHMARK_COLOUR = "#505a5f";
export const GRID_COLOUR = "#d9d9d9";
