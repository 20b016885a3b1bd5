// The two asset indicators, community-spaces and active-groups: assets of each kind per 1,000
// residents, for each ward and a total for each ward's local authority. One computation for the
// demo's illustrative register (lib/demo-data/seed-demo.ts) and a council's imported one
// (lib/import/assets.ts), so the two cannot count differently.
import { assetKind, INDICATOR_FOR_ASSET_KIND } from "@/lib/assets/categories";
import type { AreaCode, AssetRecord, Observation } from "@/lib/domain/types";

/** The indicators an asset register feeds, in catalogue order. */
export const ASSET_INDICATOR_SLUGS = [INDICATOR_FOR_ASSET_KIND.space, INDICATOR_FOR_ASSET_KIND.group] as const;

export interface WardAssetCounts {
  population: number;
  /** Assets of kind "space" (library, community centre, community hall): indicator community-spaces. */
  spaces: number;
  /** Assets of kind "group": indicator active-groups. */
  groups: number;
  /** Assets counted in neither indicator (parks, unknown categories). */
  other: number;
  spacesPer1000: number;
  groupsPer1000: number;
}

/**
 * Per ward, the counts behind the community-spaces and active-groups indicators and their rates per
 * 1,000 residents (unrounded). Every ward in populationByWard appears, with zeros if it has no
 * assets; an asset in a ward with no population is an error rather than silently dropped.
 */
export function countAssetsPer1000(
  assets: readonly Pick<AssetRecord, "areaCode" | "category">[],
  populationByWard: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
): Map<string, WardAssetCounts> {
  const populations: [string, number][] =
    populationByWard instanceof Map ? [...populationByWard] : Object.entries(populationByWard);
  const tallies = new Map<string, { spaces: number; groups: number; other: number }>();
  for (const [code, population] of populations) {
    if (!(population > 0)) throw new RangeError(`Ward ${code}: population must be positive, got ${population}`);
    tallies.set(code, { spaces: 0, groups: 0, other: 0 });
  }
  for (const asset of assets) {
    const tally = tallies.get(asset.areaCode);
    if (!tally) throw new Error(`Asset in ${asset.areaCode}, which has no population`);
    const kind = assetKind(asset.category);
    if (kind === "space") tally.spaces++;
    else if (kind === "group") tally.groups++;
    else tally.other++;
  }
  const result = new Map<string, WardAssetCounts>();
  for (const [code, population] of populations) {
    const tally = tallies.get(code)!;
    result.set(code, {
      population,
      ...tally,
      spacesPer1000: (tally.spaces / population) * 1000,
      groupsPer1000: (tally.groups / population) * 1000,
    });
  }
  return result;
}

export interface AssetIndicatorInput {
  /** The register: every asset must lie in one of `wards`. */
  assets: readonly Pick<AssetRecord, "areaCode" | "category">[];
  /** The wards counted (zeros where they have no asset), each with its residents and local authority. */
  wards: readonly { code: AreaCode; population: number; parentCode: AreaCode | null }[];
  period: string;
  sourceId: string;
  synthetic: boolean;
}

/**
 * Figures for both asset indicators: one per ward, and one per local authority over all its counted
 * wards (assets in them per 1,000 of their residents). Rates are rounded to 2 decimals; the counts
 * and residents are kept as numerator and denominator, so every figure can be checked by hand.
 */
export function assetIndicatorObservations(input: AssetIndicatorInput): Observation[] {
  const population = new Map(input.wards.map((ward) => [ward.code, ward.population]));
  const counts = countAssetsPer1000(input.assets, population);
  const row = (slug: string, areaCode: AreaCode, numerator: number, denominator: number): Observation => ({
    indicatorSlug: slug,
    areaCode,
    period: input.period,
    group: "all",
    value: Math.round((numerator / denominator) * 1000 * 100) / 100,
    lowerCi: null,
    upperCi: null,
    numerator,
    denominator,
    sampleSize: null,
    suppressed: false,
    synthetic: input.synthetic,
    sourceId: input.sourceId,
  });
  const rows: Observation[] = [];
  const totals = new Map<AreaCode, { residents: number; spaces: number; groups: number }>();
  for (const ward of input.wards) {
    const count = counts.get(ward.code)!;
    rows.push(row(INDICATOR_FOR_ASSET_KIND.space, ward.code, count.spaces, ward.population));
    rows.push(row(INDICATOR_FOR_ASSET_KIND.group, ward.code, count.groups, ward.population));
    if (ward.parentCode === null) continue;
    const total = totals.get(ward.parentCode) ?? { residents: 0, spaces: 0, groups: 0 };
    total.residents += ward.population;
    total.spaces += count.spaces;
    total.groups += count.groups;
    totals.set(ward.parentCode, total);
  }
  for (const [code, total] of totals) {
    rows.push(row(INDICATOR_FOR_ASSET_KIND.space, code, total.spaces, total.residents));
    rows.push(row(INDICATOR_FOR_ASSET_KIND.group, code, total.groups, total.residents));
  }
  return rows;
}
