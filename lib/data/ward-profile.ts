// Data for a ward's page: every indicator against its local authority and the range of its
// wards, with significance and recent trend; the ward's assets; similar wards.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authorityAndCurrentWards, currentWardsOf } from "@/lib/data/areas";
import type { AreaCode, GeoJsonGeometry, Indicator, Observation } from "@/lib/domain/types";
import { listIndicatorsWithFigures } from "@/lib/data/indicators";
import { sourceSummaries, type SourceSummary } from "@/lib/data/provenance";
import { toObservation } from "@/lib/data/observations";
import { DEPRIVATION_PROFILE_KEYS, findSimilarAreas, type SimilarArea } from "@/lib/indicators/similar-areas";
import { compareWithBenchmark, type ComparisonResult } from "@/lib/stats/compare";
import { quartiles, type Quartiles } from "@/lib/stats/quartiles";
import { recentTrend, type TrendResult } from "@/lib/stats/trend";

export interface IndicatorComparison {
  indicator: Indicator;
  /** The latest period with a figure for this ward. */
  period: string | null;
  ward: Observation | null;
  parent: Observation | null;
  /** The spread of all the authority's wards in that period (for the spine chart). */
  wards: Quartiles | null;
  comparison: ComparisonResult;
  trend: TrendResult;
}

export interface WardProfile {
  area: { code: AreaCode; name: string; population: number | null; geometry: GeoJsonGeometry | null };
  parent: { code: AreaCode; name: string };
  comparisons: IndicatorComparison[];
  assets: { id: string; name: string; category: string; lat: number; lon: number; synthetic: boolean }[];
  /** Wards with the nearest deprivation profile (z-scored context indicators). */
  similar: (SimilarArea & { comparableSlugs: readonly string[] })[];
  /** Where the figures, boundaries and assets on the page come from (each row's own source). */
  sources: SourceSummary[];
}

/**
 * Everything on a ward page but the trend chart; null when the code is not a ward we hold.
 * Memoised per request (React cache): the page and its metadata both ask for it.
 */
export const getWardProfile = cache(async (code: AreaCode): Promise<WardProfile | null> => {
  const area = await db.area.findUnique({ where: { code }, include: { parent: true } });
  if (!area || area.type !== "ward" || area.successorCode || !area.parent) return null;
  const parent = area.parent;

  const [indicators, rows, assets, siblings] = await Promise.all([
    // Only what the authority has figures for: a council's database holds the whole catalogue.
    listIndicatorsWithFigures(parent.code),
    // Every whole-population figure for the authority and its wards: ~1,500 rows for 22 wards.
    db.observation.findMany({
      where: { group: "all", area: authorityAndCurrentWards(parent.code) },
      orderBy: { period: "asc" },
    }),
    db.asset.findMany({
      where: { areaCode: code },
      select: { id: true, name: true, category: true, lat: true, lon: true, synthetic: true, sourceId: true },
      orderBy: [{ category: "asc" }, { name: "asc" }],
    }),
    db.area.findMany({ where: currentWardsOf(parent.code), select: { code: true, name: true } }),
  ]);
  const observations = rows.map(toObservation);

  const comparisons = indicators.map((indicator): IndicatorComparison => {
    const forIndicator = observations.filter((o) => o.indicatorSlug === indicator.slug);
    const series = forIndicator.filter((o) => o.areaCode === code);
    const latest = series[series.length - 1] ?? null;
    const parentRow = latest
      ? (forIndicator.find((o) => o.areaCode === parent.code && o.period === latest.period) ?? null)
      : null;
    const wardValues = latest
      ? forIndicator
          .filter((o) => o.period === latest.period && o.areaCode !== parent.code && o.value !== null && !o.suppressed)
          .map((o) => o.value!)
      : [];
    return {
      indicator,
      period: latest?.period ?? null,
      ward: latest,
      parent: parentRow,
      wards: wardValues.length ? quartiles(wardValues) : null,
      comparison: compareWithBenchmark(
        latest ?? { value: null, lowerCi: null, upperCi: null, suppressed: false },
        parentRow ?? { value: null, lowerCi: null, upperCi: null },
        indicator.polarity,
      ),
      trend: recentTrend(series, indicator.polarity, { unit: indicator.unit }),
    };
  });

  // Similar wards by deprivation profile: each ward's latest value of each context indicator.
  const latestValue = (areaCode: string, slug: string) =>
    observations.filter((o) => o.areaCode === areaCode && o.indicatorSlug === slug && o.value !== null).at(-1)?.value ??
    null;
  const profiles = siblings.map((s) => ({
    code: s.code,
    name: s.name,
    values: Object.fromEntries(DEPRIVATION_PROFILE_KEYS.map((slug) => [slug, latestValue(s.code, slug)])),
  }));
  const similar =
    profiles.length > 1
      ? findSimilarAreas(code, profiles, [...DEPRIVATION_PROFILE_KEYS], 4).map((s) => ({
          ...s,
          comparableSlugs: DEPRIVATION_PROFILE_KEYS,
        }))
      : [];

  const sources = await sourceSummaries(
    [...rows, ...assets, area, parent].flatMap((row) => (row.sourceId ? [row.sourceId] : [])),
  );

  return {
    area: {
      code: area.code,
      name: area.name,
      population: area.population,
      geometry: area.geometry ? (JSON.parse(area.geometry) as GeoJsonGeometry) : null,
    },
    parent: { code: parent.code, name: parent.name },
    comparisons,
    assets: assets.map(({ sourceId: _sourceId, ...asset }) => asset),
    similar,
    sources,
  };
});

/** A ward's figures for one indicator and period broken down by population group (e.g. age band). */
export async function getGroupBreakdown(code: AreaCode, slug: string, period: string): Promise<Observation[]> {
  const rows = await db.observation.findMany({
    where: { areaCode: code, indicatorSlug: slug, period, group: { not: "all" } },
    orderBy: { group: "asc" },
  });
  return rows.map(toObservation);
}
