// Indicator metadata as stored (the catalogue plus anything imported), and their periods.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { DomainKey, Indicator, Polarity, Unit } from "@/lib/domain/types";
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

/** Periods with any whole-population figure for the indicator, oldest first. */
export async function listPeriods(slug: string): Promise<string[]> {
  const rows = await db.observation.findMany({
    where: { indicatorSlug: slug, group: "all" },
    distinct: ["period"],
    select: { period: true },
    orderBy: { period: "asc" },
  });
  return rows.map((row) => row.period);
}
