// GET /api/v1/indicators and /api/v1/indicators/{slug}.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listIndicators, listPeriods, toIndicator } from "@/lib/data/indicators";
import { notFound, parseQuery } from "@/lib/api/v1/http";
import { slugParam } from "@/lib/api/v1/params";
import type { Indicator } from "@/lib/domain/types";

type SourceJson = { id: string; title: string; publisher: string; licence: string; attribution: string };

function indicatorJson(indicator: Indicator, source: SourceJson, periods: string[], figureSources: SourceJson[]) {
  return {
    slug: indicator.slug,
    title: indicator.title,
    short_title: indicator.shortTitle,
    description: indicator.description,
    why_it_matters: indicator.whyItMatters,
    domain: indicator.domain,
    unit: indicator.unit,
    unit_label: indicator.unitLabel,
    polarity: indicator.polarity,
    decimals: indicator.decimals,
    method: indicator.method,
    caveats: indicator.caveats ?? null,
    synthetic: indicator.synthetic,
    periods,
    source,
    figure_sources: figureSources,
    links: {
      observations: `/api/v1/indicators/${indicator.slug}/observations`,
      csv: `/api/v1/indicators/${indicator.slug}/observations?format=csv`,
      page: `/indicators/${indicator.slug}`,
    },
  };
}

const sourceSelect = { id: true, title: true, publisher: true, licence: true, attribution: true } as const;

export async function indicatorsResponse(params: URLSearchParams) {
  parseQuery(z.object({}), params);
  const [indicators, sources, figureSources, periods] = await Promise.all([
    listIndicators(),
    db.source.findMany({ select: sourceSelect }),
    db.observation.groupBy({
      by: ["indicatorSlug", "sourceId"],
      orderBy: [{ indicatorSlug: "asc" }, { sourceId: "asc" }],
    }),
    db.observation.findMany({
      where: { group: "all" },
      distinct: ["indicatorSlug", "period"],
      select: { indicatorSlug: true, period: true },
      orderBy: { period: "asc" },
    }),
  ]);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return {
    json: {
      meta: { count: indicators.length },
      data: indicators.map((i) =>
        indicatorJson(
          i,
          sourceById.get(i.sourceId)!,
          periods.filter((p) => p.indicatorSlug === i.slug).map((p) => p.period),
          figureSources.filter((f) => f.indicatorSlug === i.slug).map((f) => sourceById.get(f.sourceId)!),
        ),
      ),
    },
  };
}

export async function indicatorResponse(slug: string, params: URLSearchParams) {
  parseQuery(z.object({}), params);
  if (!slugParam.safeParse(slug).success) throw notFound(`No indicator has the slug "${slug.slice(0, 40)}".`);
  const row = await db.indicator.findUnique({ where: { slug }, include: { source: { select: sourceSelect } } });
  if (!row) throw notFound(`No indicator has the slug "${slug}".`);
  const [periods, figureSources] = await Promise.all([
    listPeriods(slug),
    db.observation.groupBy({ by: ["sourceId"], where: { indicatorSlug: slug }, orderBy: { sourceId: "asc" } }),
  ]);
  const sources = await db.source.findMany({
    where: { id: { in: figureSources.map((f) => f.sourceId) } },
    select: sourceSelect,
    orderBy: { id: "asc" },
  });
  return { json: { data: indicatorJson(toIndicator(row), row.source, periods, sources) } };
}
