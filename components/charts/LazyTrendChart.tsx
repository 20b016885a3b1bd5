"use client";
// Recharts loads in the browser after first paint; the parent reserves the chart's height.
import dynamic from "next/dynamic";

export const LazyTrendChart = dynamic(() => import("@/components/charts/TrendChart"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-[var(--color-muted)]">Loading the chart…</p>,
});
