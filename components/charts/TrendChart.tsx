"use client";
// Trend of one indicator for an area (solid line, round markers, shaded 95% interval) against
// its benchmark (dashed line, no fill), so the two differ by more than colour. The table twin
// (TrendTable) carries the same figures for screen readers and for copying.
// Loaded only through LazyTrendChart, when the chart nears the viewport: Recharts is most of a page's JavaScript.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  AREA_COLOUR,
  BAND_COLOUR,
  BENCHMARK_COLOUR,
  GRID_COLOUR,
  trendValueAxis,
  type TrendChartProps,
} from "@/components/charts/trend-chart-props";
import { tickFormatter } from "@/components/charts/scale";

export default function TrendChart({ points, areaName, benchmarkName, unitLabel, decimals }: TrendChartProps) {
  const format = (value: unknown) =>
    Array.isArray(value)
      ? value.map((v: number) => v.toFixed(decimals)).join(" to ")
      : typeof value === "number"
        ? value.toFixed(decimals)
        : "–";
  const hasBand = points.some((p) => p.interval);
  // The same axis as the server-drawn figure this chart replaces, so the swap moves no line.
  const axis = trendValueAxis({ points, benchmarkName });
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke={GRID_COLOUR} strokeDasharray="2 4" />
        <XAxis dataKey="period" tick={{ fill: "#0b0c0c" }} />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={tickFormatter(axis.ticks)}
          tick={{ fill: "#0b0c0c" }}
          width={56}
          label={{ value: unitLabel, angle: -90, position: "insideLeft", fill: "#0b0c0c", dy: 60 }}
        />
        <Tooltip formatter={format} />
        <Legend />
        {hasBand && (
          <Area
            className="trend-interval"
            name={`${areaName}: 95% interval`}
            dataKey="interval"
            stroke="none"
            fill={BAND_COLOUR}
            fillOpacity={0.6}
            isAnimationActive={false}
            connectNulls={false}
          />
        )}
        <Line
          className="trend-area"
          name={areaName}
          dataKey="area"
          stroke={AREA_COLOUR}
          strokeWidth={3}
          dot={{ r: 4, fill: AREA_COLOUR, className: "trend-area-dot" }}
          isAnimationActive={false}
          connectNulls={false}
        />
        {benchmarkName && (
          <Line
            className="trend-benchmark"
            name={benchmarkName}
            dataKey="benchmark"
            stroke={BENCHMARK_COLOUR}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={{ r: 3, fill: BENCHMARK_COLOUR, strokeWidth: 0, className: "trend-benchmark-dot" }}
            isAnimationActive={false}
            connectNulls={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
