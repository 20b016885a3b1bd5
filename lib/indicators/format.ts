import type { Indicator } from "@/lib/domain/types";

type FormatInfo = Pick<Indicator, "unit" | "decimals">;

/** A value as people read it: "27.3%", "14 per 1,000", "24.1". Null reads as an em dash. */
export function formatValue(value: number | null | undefined, indicator: FormatInfo): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const number = value.toLocaleString("en-GB", {
    minimumFractionDigits: indicator.decimals,
    maximumFractionDigits: indicator.decimals,
  });
  if (indicator.unit === "percent") return `${number}%`;
  if (indicator.unit === "per1000") return `${number} per 1,000`;
  return number;
}

/** "22.1% to 27.9%" for a confidence interval, or null when there is none. */
export function formatInterval(lower: number | null, upper: number | null, indicator: FormatInfo): string | null {
  if (lower === null || upper === null) return null;
  return `${formatValue(lower, indicator)} to ${formatValue(upper, indicator)}`;
}
