// An indicator over time for one area and its benchmark: the ward page and indicator page trends.
import "server-only";
import { db } from "@/lib/db/client";
import type { AreaCode, Observation } from "@/lib/domain/types";
import { toObservation } from "@/lib/data/observations";

export interface TrendPoint {
  period: string;
  area: Observation | null;
  benchmark: Observation | null;
}

/** One indicator over time for an area and (optionally) its benchmark area, oldest first. */
export async function getAreaTrend(
  code: AreaCode,
  benchmarkCode: AreaCode | null,
  slug: string,
): Promise<TrendPoint[]> {
  const codes = benchmarkCode ? [code, benchmarkCode] : [code];
  const rows = await db.observation.findMany({
    where: { indicatorSlug: slug, group: "all", areaCode: { in: codes } },
    orderBy: { period: "asc" },
  });
  const periods = [...new Set(rows.map((row) => row.period))];
  const find = (period: string, areaCode: AreaCode | null) => {
    const row = rows.find((r) => r.period === period && r.areaCode === areaCode);
    return row ? toObservation(row) : null;
  };
  return periods.map((period) => ({ period, area: find(period, code), benchmark: find(period, benchmarkCode) }));
}
