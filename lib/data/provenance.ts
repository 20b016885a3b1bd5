// Where what a page shows comes from: the Source rows behind its figures, areas and assets. Pages
// attribute figures to the source each figure was stored under (Observation.sourceId), not to the
// source that first defined the indicator: a council's imported figures are the council's, even for an
// indicator the catalogue defined with the demo's data.
import "server-only";
import { cache } from "react";
import { ASSET_INDICATOR_SLUGS } from "@/lib/assets/asset-indicators";
import { authorityAndCurrentWards, currentWardsOf } from "@/lib/data/areas";
import { db } from "@/lib/db/client";
import type { AreaCode, Observation } from "@/lib/domain/types";

export interface SourceSummary {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  attribution: string;
  vintage: string | null;
  url: string | null;
  synthetic: boolean;
}

const sourceSummarySelect = {
  id: true,
  title: true,
  publisher: true,
  licence: true,
  attribution: true,
  vintage: true,
  url: true,
  synthetic: true,
} as const;

/** A source's attribution statement, or, when its importer gave none, its title, publisher and licence. */
export function attributionOf(source: Pick<SourceSummary, "title" | "publisher" | "licence" | "attribution">): string {
  return source.attribution.trim() || `${source.title}, ${source.publisher} (${source.licence}).`;
}

/** The sources with these ids, by id. */
export async function sourceSummaries(ids: Iterable<string>): Promise<SourceSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.source.findMany({ where: { id: { in: unique } }, select: sourceSummarySelect, orderBy: { id: "asc" } });
}

/** The sources of the figures given (one indicator can span editions and importers), by id. */
export function sourcesOfFigures(observations: readonly (Pick<Observation, "sourceId"> | null)[]) {
  return sourceSummaries(observations.flatMap((o) => (o ? [o.sourceId] : [])));
}

/** The sources of an indicator's figures for an authority and its current wards, every period and group. */
export async function getIndicatorFigureSources(laCode: AreaCode, slug: string): Promise<SourceSummary[]> {
  const rows = await db.observation.groupBy({
    by: ["sourceId"],
    where: { indicatorSlug: slug, area: authorityAndCurrentWards(laCode) },
  });
  return sourceSummaries(rows.map((row) => row.sourceId));
}

/**
 * Who to credit for the boundaries of these areas (one statement per distinct attribution), or null; without
 * a leading "Source:", as it follows "Boundaries:" wherever it is shown.
 */
export async function getBoundaryAttribution(areaCodes: AreaCode[]): Promise<string | null> {
  const sources = await db.source.findMany({
    where: { areas: { some: { code: { in: areaCodes } } } },
    select: sourceSummarySelect,
    orderBy: { id: "asc" },
  });
  return [...new Set(sources.map((source) => attributionOf(source).replace(/^Source:\s*/i, "")))].join(" ") || null;
}

export interface HomeProvenance {
  /** Every source holding figures, areas or assets shown for the authority and its wards. */
  sources: SourceSummary[];
  /** Indicators (other than those counted from the asset register) with synthetic figures here. */
  syntheticIndicators: number;
  /** Whether the asset register shown, or the indicators counted from it, are synthetic. */
  syntheticAssetRegister: boolean;
}

/** What the site footer attributes, and which illustrative data it must say remains. */
export const getHomeProvenance = cache(async (laCode: AreaCode): Promise<HomeProvenance> => {
  const [figures, areas, assets] = await Promise.all([
    db.observation.groupBy({
      by: ["sourceId", "indicatorSlug", "synthetic"],
      where: { area: authorityAndCurrentWards(laCode) },
    }),
    db.area.findMany({ where: authorityAndCurrentWards(laCode), distinct: ["sourceId"], select: { sourceId: true } }),
    db.asset.groupBy({ by: ["sourceId", "synthetic"], where: { area: currentWardsOf(laCode) } }),
  ]);
  const sources = await sourceSummaries(
    [...figures, ...areas, ...assets].flatMap((row) => (row.sourceId ? [row.sourceId] : [])),
  );
  const syntheticSlugs = new Set(figures.filter((row) => row.synthetic).map((row) => row.indicatorSlug));
  const assetSlugs: readonly string[] = ASSET_INDICATOR_SLUGS;
  return {
    sources,
    syntheticIndicators: [...syntheticSlugs].filter((slug) => !assetSlugs.includes(slug)).length,
    syntheticAssetRegister:
      assets.some((row) => row.synthetic) || [...syntheticSlugs].some((slug) => assetSlugs.includes(slug)),
  };
});
