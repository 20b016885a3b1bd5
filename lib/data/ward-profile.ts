// Data for a ward's page: every indicator against its local authority, one trend, its assets.
import "server-only";
import { db } from "@/lib/db/client";
import type { AreaCode, GeoJsonGeometry, Indicator, Observation } from "@/lib/domain/types";
import { listIndicators } from "@/lib/data/indicators";
import { toObservation } from "@/lib/data/observations";

export interface IndicatorComparison {
  indicator: Indicator;
  /** The latest period with a figure for this ward. */
  period: string | null;
  ward: Observation | null;
  parent: Observation | null;
}

export interface WardProfile {
  area: { code: AreaCode; name: string; population: number | null; geometry: GeoJsonGeometry | null };
  parent: { code: AreaCode; name: string };
  comparisons: IndicatorComparison[];
  assets: { id: string; name: string; category: string; lat: number; lon: number; synthetic: boolean }[];
}

/** Everything on a ward page but the trend; null when the code is not a ward we hold. */
export async function getWardProfile(code: AreaCode): Promise<WardProfile | null> {
  const area = await db.area.findUnique({ where: { code }, include: { parent: true } });
  if (!area || area.type !== "ward" || !area.parent) return null;
  const parent = area.parent;

  const [indicators, observations, assets] = await Promise.all([
    listIndicators(),
    db.observation.findMany({
      where: { areaCode: { in: [code, parent.code] }, group: "all" },
      orderBy: { period: "asc" },
    }),
    db.asset.findMany({
      where: { areaCode: code },
      select: { id: true, name: true, category: true, lat: true, lon: true, synthetic: true },
      orderBy: [{ category: "asc" }, { name: "asc" }],
    }),
  ]);

  const comparisons = indicators.map((indicator): IndicatorComparison => {
    const rows = observations.filter((row) => row.indicatorSlug === indicator.slug);
    const wardRows = rows.filter((row) => row.areaCode === code);
    const latest = wardRows[wardRows.length - 1];
    const parentRow = latest && rows.find((row) => row.areaCode === parent.code && row.period === latest.period);
    return {
      indicator,
      period: latest?.period ?? null,
      ward: latest ? toObservation(latest) : null,
      parent: parentRow ? toObservation(parentRow) : null,
    };
  });

  return {
    area: {
      code: area.code,
      name: area.name,
      population: area.population,
      geometry: area.geometry ? (JSON.parse(area.geometry) as GeoJsonGeometry) : null,
    },
    parent: { code: parent.code, name: parent.name },
    comparisons,
    assets,
  };
}
