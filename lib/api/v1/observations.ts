// GET /api/v1/observations and /api/v1/indicators/{slug}/observations: tidy rows, one per
// area × indicator × period × group, each with its interval, flags and source. JSON or CSV.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/csv/write-csv";
import { notFound, parseQuery } from "@/lib/api/v1/http";
import { areaCodeParam, formatParam, groupParam, periodParam, slugParam } from "@/lib/api/v1/params";

export const observationsQuery = z.object({
  indicator: slugParam.optional(),
  area: areaCodeParam.optional(),
  period: periodParam.optional(),
  group: groupParam.default("all"),
  format: formatParam.default("json"),
});

/** The columns of a tidy row, in download order. */
export const TIDY_COLUMNS = [
  "area_code",
  "area_name",
  "area_type",
  "indicator",
  "indicator_title",
  "unit",
  "period",
  "group",
  "value",
  "lower_ci",
  "upper_ci",
  "numerator",
  "denominator",
  "sample_size",
  "suppressed",
  "synthetic",
  "source_id",
  "source_title",
  "source_licence",
] as const;
export type TidyRow = Record<(typeof TIDY_COLUMNS)[number], string | number | boolean | null>;

export async function observationsResponse(params: URLSearchParams, fixed: { indicator?: string } = {}) {
  const query = parseQuery(fixed.indicator ? observationsQuery.omit({ indicator: true }) : observationsQuery, params);
  const indicator = fixed.indicator ?? ("indicator" in query ? (query.indicator as string | undefined) : undefined);
  if (indicator && !(await db.indicator.findUnique({ where: { slug: indicator }, select: { slug: true } }))) {
    throw notFound(`No indicator has the slug "${indicator}".`);
  }
  if (query.area && !(await db.area.findUnique({ where: { code: query.area }, select: { code: true } }))) {
    throw notFound(`No area has the code "${query.area}".`);
  }
  const rows = await db.observation.findMany({
    where: { indicatorSlug: indicator, areaCode: query.area, period: query.period, group: query.group },
    include: {
      area: { select: { name: true, type: true } },
      indicator: { select: { title: true, unit: true, sortOrder: true } },
      source: { select: { title: true, licence: true } },
    },
    orderBy: [{ indicator: { sortOrder: "asc" } }, { period: "asc" }, { areaCode: "asc" }],
  });
  const tidy: TidyRow[] = rows.map((row) => ({
    area_code: row.areaCode,
    area_name: row.area.name,
    area_type: row.area.type,
    indicator: row.indicatorSlug,
    indicator_title: row.indicator.title,
    unit: row.indicator.unit,
    period: row.period,
    group: row.group,
    value: row.value,
    lower_ci: row.lowerCi,
    upper_ci: row.upperCi,
    numerator: row.numerator,
    denominator: row.denominator,
    sample_size: row.sampleSize,
    suppressed: row.suppressed,
    synthetic: row.synthetic,
    source_id: row.sourceId,
    source_title: row.source.title,
    source_licence: row.source.licence,
  }));
  if (query.format === "csv") {
    const name = ["civic-pulse", indicator, query.area, query.period].filter(Boolean).join("-");
    return { csv: toCsv(TIDY_COLUMNS, tidy), filename: `${name}.csv` };
  }
  const synthetic = tidy.filter((r) => r.synthetic).length;
  return {
    json: {
      meta: {
        count: tidy.length,
        synthetic_rows: synthetic,
        note:
          synthetic > 0
            ? "Rows with synthetic = true are illustrative, generated data, not real survey results."
            : undefined,
        licence: "See source_licence per row. Attribution: see /api/v1/indicators.",
      },
      data: tidy,
    },
  };
}
