// How even is an indicator across a local authority's wards, period by period, and is the gap
// between the most and least deprived wards closing? (lib/stats/inequality does the maths.)
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { readDataVersion } from "@/lib/data/data-version";
import type { AreaCode, Indicator } from "@/lib/domain/types";
import { currentWardsOf } from "@/lib/data/areas";
import { getIndicator, listIndicatorsWithFigures, type IndicatorWithSource } from "@/lib/data/indicators";
import {
  gapSentence,
  rangeOfAreas,
  relativeRanks,
  siiTrend,
  slopeIndexOfInequality,
  type RangeResult,
  type SiiResult,
  type SiiTrendResult,
} from "@/lib/stats/inequality";

/** Wards are ranked by one edition of deprivation for every period, so the ranking cannot move. */
export const DEPRIVATION_INDICATOR = "imd-score";

export interface InequalityPeriod {
  period: string;
  range: RangeResult;
  sii: SiiResult;
  /** Each ward's value and deprivation, for the scatter chart. */
  wards: {
    code: string;
    name: string;
    value: number | null;
    deprivationScore: number | null;
    /** Population-weighted relative rank: 0 = most deprived end, 1 = least deprived. */
    relativeRank: number | null;
    suppressed: boolean;
  }[];
}

export interface InequalityView {
  indicator: IndicatorWithSource;
  parent: { code: AreaCode; name: string };
  deprivationPeriod: string | null;
  periods: InequalityPeriod[];
  trend: SiiTrendResult;
  sentence: string | null;
}

// The simulation is deterministic, so results depend only on the data: cache them per data version.
const results = new Map<string, Promise<InequalityView | null>>();

/** Once per request (React cache), however many indicators a page summarises. */
const dataVersion = cache(() => readDataVersion(db));

export async function getInequality(
  laCode: AreaCode,
  slug: string,
  simulations?: number,
): Promise<InequalityView | null> {
  const key = `${laCode}|${slug}|${simulations ?? "default"}|${await dataVersion()}`;
  if (!results.has(key)) {
    if (results.size > 500) results.clear();
    results.set(key, computeInequality(laCode, slug, simulations));
  }
  return results.get(key)!;
}

async function computeInequality(laCode: AreaCode, slug: string, simulations?: number): Promise<InequalityView | null> {
  const [indicator, la, wards] = await Promise.all([
    getIndicator(slug),
    db.area.findUnique({ where: { code: laCode }, select: { code: true, name: true } }),
    db.area.findMany({ where: currentWardsOf(laCode), select: { code: true, name: true, population: true } }),
  ]);
  if (!indicator || !la) return null;
  const codes = wards.map((w) => w.code);
  const [rows, deprivationRows] = await Promise.all([
    db.observation.findMany({
      where: { indicatorSlug: slug, group: "all", areaCode: { in: codes } },
      orderBy: { period: "asc" },
    }),
    db.observation.findMany({
      where: { indicatorSlug: DEPRIVATION_INDICATOR, group: "all", areaCode: { in: codes } },
      orderBy: { period: "desc" },
    }),
  ]);
  const deprivationPeriod = deprivationRows[0]?.period ?? null;
  const deprivation = new Map(
    deprivationRows.filter((r) => r.period === deprivationPeriod).map((r) => [r.areaCode, r.value]),
  );
  const ranks = new Map(
    relativeRanks(
      wards
        .filter((w) => w.population && deprivation.get(w.code) != null)
        .map((w) => ({ code: w.code, population: w.population!, deprivationScore: deprivation.get(w.code)! })),
    ).map((r) => [r.area.code, r.rank]),
  );
  const periods = [...new Set(rows.map((r) => r.period))];
  const results = periods.map((period): InequalityPeriod => {
    const inPeriod = wards.map((ward) => {
      const row = rows.find((r) => r.period === period && r.areaCode === ward.code);
      return { ward, row };
    });
    const range = rangeOfAreas(
      inPeriod.map(({ ward, row }) => ({
        code: ward.code,
        name: ward.name,
        value: row?.value ?? null,
        suppressed: row?.suppressed ?? false,
      })),
    );
    const usable = inPeriod.filter(({ ward }) => ward.population && deprivation.get(ward.code) != null);
    const sii = slopeIndexOfInequality(
      usable.map(({ ward, row }) => ({
        code: ward.code,
        value: row?.value ?? null,
        lowerCi: row?.lowerCi ?? null,
        upperCi: row?.upperCi ?? null,
        suppressed: row?.suppressed ?? !row,
        population: ward.population!,
        deprivationScore: deprivation.get(ward.code)!,
      })),
      indicator.polarity,
      { unit: indicator.unit, decimals: indicator.decimals, ...(simulations ? { simulations } : {}) },
    );
    return {
      period,
      range,
      sii,
      wards: inPeriod.map(({ ward, row }) => ({
        code: ward.code,
        name: ward.name,
        value: row?.suppressed ? null : (row?.value ?? null),
        deprivationScore: deprivation.get(ward.code) ?? null,
        relativeRank: ranks.get(ward.code) ?? null,
        suppressed: row?.suppressed ?? false,
      })),
    };
  });
  const trend = siiTrend(
    results.map((p) => ({ period: p.period, sii: p.sii.sii, siiLower: p.sii.siiLower, siiUpper: p.sii.siiUpper })),
  );
  return {
    indicator,
    parent: la,
    deprivationPeriod,
    periods: results,
    trend,
    sentence: gapSentence(titleForSentence(indicator), la.name, trend),
  };
}

function titleForSentence(indicator: Indicator): string {
  return indicator.shortTitle.charAt(0).toLowerCase() + indicator.shortTitle.slice(1);
}

/** Indicators whose gap between most and least deprived wards widened, most significant first. */
export async function listWideningGaps(laCode: AreaCode, limit = 5) {
  const indicators = await listIndicatorsWithFigures(laCode);
  const views = await Promise.all(indicators.map((i) => getInequality(laCode, i.slug, 1000)));
  return views
    .filter((v): v is InequalityView => v !== null && v.trend.change === "widened")
    .sort((a, b) => (a.trend.pValue ?? 1) - (b.trend.pValue ?? 1))
    .slice(0, limit);
}
