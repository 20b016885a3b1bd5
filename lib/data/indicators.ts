// Indicator metadata as stored (the catalogue plus anything imported), and their periods.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authorityAndCurrentWards, currentWardsOf } from "@/lib/data/areas";
import type { AreaCode, DomainKey, Indicator, Polarity, Unit } from "@/lib/domain/types";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import type { Indicator as IndicatorRow, Source as SourceRow } from "@/lib/db/generated/client";

export type IndicatorWithSource = Indicator & { source: SourceRow };

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    ...row,
    domain: row.domain as DomainKey,
    unit: row.unit as Unit,
    polarity: row.polarity as Polarity,
    caveats: row.caveats ?? undefined,
  };
}

/** All indicators, in domain order, then catalogue order. */
export async function listIndicators(): Promise<Indicator[]> {
  const rows = await db.indicator.findMany({ orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] });
  return rows
    .map(toIndicator)
    .sort((a, b) => DOMAIN_INFO[a.domain].order - DOMAIN_INFO[b.domain].order || a.sortOrder - b.sortOrder);
}

/** Memoised per request (React cache): metadata, page and data modules all ask for it. */
export const getIndicator = cache(async (slug: string): Promise<IndicatorWithSource | null> => {
  const row = await db.indicator.findUnique({ where: { slug }, include: { source: true } });
  return row ? { ...toIndicator(row), source: row.source } : null;
});

/**
 * The indicators with a whole-population figure for at least one of the authority's current wards, in
 * catalogue order: what its pages offer. A council's database holds the whole catalogue from its first run,
 * but only what it has imported can be mapped. Memoised per request (React cache).
 */
export const listIndicatorsWithFigures = cache(async (laCode: AreaCode): Promise<Indicator[]> => {
  const [indicators, withFigures] = await Promise.all([
    listIndicators(),
    db.observation.groupBy({ by: ["indicatorSlug"], where: { group: "all", area: currentWardsOf(laCode) } }),
  ]);
  const slugs = new Set(withFigures.map((row) => row.indicatorSlug));
  return indicators.filter((indicator) => slugs.has(indicator.slug));
});

/**
 * Periods with any whole-population figure for the indicator, oldest first: anywhere, or only for an
 * authority and its current wards.
 */
export async function listPeriods(slug: string, laCode?: AreaCode): Promise<string[]> {
  const rows = await db.observation.findMany({
    where: {
      indicatorSlug: slug,
      group: "all",
      ...(laCode ? { area: authorityAndCurrentWards(laCode) } : {}),
    },
    distinct: ["period"],
    select: { period: true },
    orderBy: { period: "asc" },
  });
  return rows.map((row) => row.period);
}
