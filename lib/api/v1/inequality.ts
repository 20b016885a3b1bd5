// GET /api/v1/indicators/{slug}/inequality: per period the range, gap, SII and RII with their
// intervals, wards used and left out, and the synthetic flag. JSON, or CSV with format=csv.
import "server-only";
import { z } from "zod";
import { homeAreaCode } from "@/lib/config";
import { toCsv } from "@/lib/csv/write-csv";
import { getInequality } from "@/lib/data/inequality";
import { notFound, parseQuery } from "@/lib/api/v1/http";
import { areaCodeParam, formatParam, slugParam } from "@/lib/api/v1/params";

export const inequalityQuery = z.object({ area: areaCodeParam.optional(), format: formatParam.default("json") });

export const INEQUALITY_COLUMNS = [
  "indicator",
  "area_code",
  "period",
  "highest_code",
  "highest_value",
  "lowest_code",
  "lowest_value",
  "gap",
  "ratio",
  "sii",
  "sii_lower",
  "sii_upper",
  "rii",
  "rii_lower",
  "rii_upper",
  "wards_used",
  "wards_suppressed",
  "synthetic",
] as const;

export async function inequalityResponse(slug: string, params: URLSearchParams) {
  const query = parseQuery(inequalityQuery, params);
  if (!slugParam.safeParse(slug).success) throw notFound(`No indicator has the slug "${slug.slice(0, 40)}".`);
  const area = query.area ?? homeAreaCode();
  const view = await getInequality(area, slug);
  if (!view) throw notFound(`No indicator "${slug}" for area "${area}".`);
  const rows = view.periods.map((p) => ({
    indicator: slug,
    area_code: area,
    period: p.period,
    highest_code: p.range.highest?.code ?? null,
    highest_value: p.range.highest?.value ?? null,
    lowest_code: p.range.lowest?.code ?? null,
    lowest_value: p.range.lowest?.value ?? null,
    gap: p.range.highest ? p.range.gap : null,
    ratio: p.range.ratio,
    sii: p.sii.sii,
    sii_lower: p.sii.siiLower,
    sii_upper: p.sii.siiUpper,
    rii: p.sii.rii,
    rii_lower: p.sii.riiLower,
    rii_upper: p.sii.riiUpper,
    wards_used: p.sii.used,
    wards_suppressed: p.sii.suppressed,
    synthetic: view.indicator.synthetic,
  }));
  if (query.format === "csv")
    return { csv: toCsv(INEQUALITY_COLUMNS, rows), filename: `civic-pulse-${slug}-inequality.csv` };
  return {
    json: {
      meta: {
        indicator: slug,
        area_code: area,
        synthetic: view.indicator.synthetic,
        deprivation_ranking: `Wards ranked by ${view.deprivationPeriod ?? "the latest"} IMD score (population-weighted).`,
        method:
          "Slope and relative index of inequality (OHID/PHE method); 95% intervals by seeded Monte Carlo simulation. See /indicators/{slug}.",
        trend: { change: view.trend.change, p_value: view.trend.pValue, sentence: view.sentence },
      },
      data: rows,
    },
  };
}
