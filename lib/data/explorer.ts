// Data for the explorer (home page): one indicator and period across every ward of an authority.
import "server-only";
import { db } from "@/lib/db/client";
import { authorityAndCurrentWards, currentWardsOf } from "@/lib/data/areas";
import type { AreaCode, GeoJsonGeometry, Observation } from "@/lib/domain/types";
import { getIndicator, listPeriods, type IndicatorWithSource } from "@/lib/data/indicators";
import { toObservation } from "@/lib/data/observations";
import { getBoundaryAttribution, sourcesOfFigures, type SourceSummary } from "@/lib/data/provenance";

export interface WardValue {
  code: AreaCode;
  name: string;
  geometry: GeoJsonGeometry;
  observation: Observation | null;
}

export interface ExplorerView {
  indicator: IndicatorWithSource;
  periods: string[];
  period: string;
  parent: { code: AreaCode; name: string; observation: Observation | null };
  wards: WardValue[];
  /** The sources of the figures shown (each figure's own), and who to credit for the ward boundaries. */
  sources: SourceSummary[];
  boundaryAttribution: string | null;
}

/**
 * The wards of one local authority with their value for an indicator and period.
 * Returns null when the indicator or authority is unknown, or the authority has no figures for it in the
 * period (a 404).
 */
export async function getExplorerView(
  laCode: AreaCode,
  slug: string,
  requestedPeriod?: string,
): Promise<ExplorerView | null> {
  const [indicator, periods, la] = await Promise.all([
    getIndicator(slug),
    listPeriods(slug, laCode),
    db.area.findUnique({ where: { code: laCode }, select: { code: true, name: true } }),
  ]);
  if (!indicator || !la || periods.length === 0) return null;
  const period = requestedPeriod ?? periods[periods.length - 1]!;
  if (!periods.includes(period)) return null;

  const [wards, observations] = await Promise.all([
    db.area.findMany({
      where: { ...currentWardsOf(laCode), geometry: { not: null } },
      select: { code: true, name: true, geometry: true },
      orderBy: { name: "asc" },
    }),
    db.observation.findMany({
      where: { indicatorSlug: slug, period, group: "all", area: authorityAndCurrentWards(laCode) },
    }),
  ]);
  const byArea = new Map(observations.map((row) => [row.areaCode, toObservation(row)]));
  const [sources, boundaryAttribution] = await Promise.all([
    sourcesOfFigures(observations),
    getBoundaryAttribution(wards.map((ward) => ward.code)),
  ]);
  return {
    indicator,
    periods,
    period,
    parent: { ...la, observation: byArea.get(laCode) ?? null },
    wards: wards.map((ward) => ({
      code: ward.code,
      name: ward.name,
      geometry: JSON.parse(ward.geometry!) as GeoJsonGeometry,
      observation: byArea.get(ward.code) ?? null,
    })),
    sources,
    boundaryAttribution,
  };
}
