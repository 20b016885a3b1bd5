"use client";
// The interactive trend chart as a code-split component: Recharts (~100 kB compressed) downloads only
// when this renders, which LoadWhenVisible delays until the chart nears the viewport (see TrendChartBox).
import { lazy } from "react";
import type { TrendChartProps } from "@/components/charts/trend-chart-props";

const TrendChart = lazy(() => import("@/components/charts/TrendChart"));

// A function, not the lazy object itself: a server component renders this export through a client
// reference, and React cannot resolve a lazy component to another lazy one.
export function LazyTrendChart(props: TrendChartProps) {
  return <TrendChart {...props} />;
}
