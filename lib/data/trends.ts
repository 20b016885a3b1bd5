// An indicator over time for one area and its benchmark: the ward page, indicator page and trend embed
// trends, and the trend image.
import "server-only";
import { db } from "@/lib/db/client";
import type { AreaCode, Observation } from "@/lib/domain/types";
import { getIndicator, type IndicatorWithSource } from "@/lib/data/indicators";
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

export interface AreaTrendView {
  indicator: IndicatorWithSource;
  area: { code: AreaCode; name: string; type: string };
  /** The area's parent, the line it is compared with; null for an area without one. */
  benchmark: { code: AreaCode; name: string } | null;
  points: TrendPoint[];
}

/** What an area trend lacks: an unknown indicator or area, or no figure for the area in any period. */
export type AreaTrendMiss = "unknown-indicator" | "unknown-area" | "no-figures";

/** One indicator's trend for an area against its parent: the trend embed and the trend image. */
export async function getAreaTrendView(code: AreaCode, slug: string): Promise<AreaTrendView | AreaTrendMiss> {
  const [indicator, area] = await Promise.all([
    getIndicator(slug),
    db.area.findUnique({
      where: { code },
      select: { code: true, name: true, type: true, parent: { select: { code: true, name: true } } },
    }),
  ]);
  if (!indicator) return "unknown-indicator";
  if (!area) return "unknown-area";
  const { parent, ...named } = area;
  const points = await getAreaTrend(code, parent?.code ?? null, slug);
  if (!points.some((point) => point.area)) return "no-figures";
  return { indicator, area: named, benchmark: parent, points };
}
