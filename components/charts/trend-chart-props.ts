// What both drawings of a trend share: the server-drawn StaticTrendChart and the interactive (Recharts)
// TrendChart that replaces it take the same props, colours and value axis, so the swap changes nothing.
import { extent, niceDomain } from "@/components/charts/scale";

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

/** The value axis: from zero when every value is positive (differences are not exaggerated), 1-2-5 steps. */
export function trendValueAxis({ points, benchmarkName }: Pick<TrendChartProps, "points" | "benchmarkName">): {
  domain: [number, number];
  ticks: number[];
} {
  const values = points.flatMap((p) => [p.area, benchmarkName ? p.benchmark : null, ...(p.interval ?? [])]);
  const [low, high] = extent(values) ?? [0, 1];
  return niceDomain(Math.min(0, low), high, 5);
}
