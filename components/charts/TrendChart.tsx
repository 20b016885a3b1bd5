"use client";
// Trend of one indicator: the ward (solid line, round markers) against its local authority
// (dashed line, square markers), so the two differ by more than colour. The table beside it
// (TrendTable) carries the same figures for screen readers and for copying.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendChartPoint {
  period: string;
  ward: number | null;
  parent: number | null;
}

const WARD_COLOUR = "#1d4f91";
const PARENT_COLOUR = "#505a5f";

export default function TrendChart({
  points,
  wardName,
  parentName,
  unitLabel,
  decimals,
}: {
  points: TrendChartPoint[];
  wardName: string;
  parentName: string;
  unitLabel: string;
  decimals: number;
}) {
  const format = (value: unknown) => (typeof value === "number" ? value.toFixed(decimals) : "–");
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="#d9d9d9" strokeDasharray="2 4" />
        <XAxis dataKey="period" tick={{ fill: "#0b0c0c" }} />
        <YAxis
          tick={{ fill: "#0b0c0c" }}
          width={56}
          label={{ value: unitLabel, angle: -90, position: "insideLeft", fill: "#0b0c0c", dy: 60 }}
        />
        <Tooltip formatter={format} />
        <Legend />
        <Line
          className="trend-ward"
          name={wardName}
          dataKey="ward"
          stroke={WARD_COLOUR}
          strokeWidth={3}
          dot={{ r: 4, fill: WARD_COLOUR, className: "trend-ward-dot" }}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          className="trend-parent"
          name={parentName}
          dataKey="parent"
          stroke={PARENT_COLOUR}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: PARENT_COLOUR, strokeWidth: 0, className: "trend-parent-dot" }}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
