import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TrendFigure } from "@/components/charts/TrendFigure";
import { EmbedFrame } from "@/components/embed/EmbedFrame";
import { getIndicator } from "@/lib/data/indicators";
import { getAreaTrend } from "@/lib/data/trends";
import { db } from "@/lib/db/client";
import { areaHref, AREA_CODE_PATTERN, isSlug } from "@/lib/url-state";

export const metadata: Metadata = { title: "Trend (embed)" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = z.object({ area: z.string().regex(AREA_CODE_PATTERN), indicator: z.string().refine(isSlug) });

/** /embed/trend?area=&indicator= — one indicator's trend for an area against its parent. */
export default async function EmbedTrendPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = query.safeParse({ area: raw.area, indicator: raw.indicator });
  if (!parsed.success) notFound();
  const { area: code, indicator: slug } = parsed.data;
  const [indicator, area] = await Promise.all([
    getIndicator(slug),
    db.area.findUnique({
      where: { code },
      select: { code: true, name: true, type: true, parent: { select: { code: true, name: true } } },
    }),
  ]);
  if (!indicator || !area) notFound();
  const trend = await getAreaTrend(code, area.parent?.code ?? null, slug);
  if (trend.length === 0) notFound();
  return (
    <EmbedFrame
      title={`${indicator.title}: ${area.name}${area.parent ? ` and ${area.parent.name}` : ""}`}
      indicator={indicator}
      source={indicator.source}
      pageHref={area.type === "ward" ? areaHref(code, { indicator: slug }) : `/indicators/${slug}`}
    >
      <TrendFigure points={trend} indicator={indicator} areaName={area.name} benchmarkName={area.parent?.name} />
    </EmbedFrame>
  );
}
