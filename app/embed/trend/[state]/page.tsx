import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TrendFigure } from "@/components/charts/TrendFigure";
import { EmbedFrame } from "@/components/embed/EmbedFrame";
import { sourcesOfFigures } from "@/lib/data/provenance";
import { getAreaTrendView } from "@/lib/data/trends";
import { areaHref, indicatorHref, parseEmbedTrendParams, stateFromSegment } from "@/lib/url-state";

export const metadata: Metadata = { title: "Trend (embed)" };

// /embed/trend?area=…&indicator=… is rewritten here by proxy.ts (lib/url-state.ts owns the mapping; without
// both parameters it is a 404). Rendered on first request, then served from the cache.
type Props = { params: Promise<{ state: string }> };

export const revalidate = 86400;
export const generateStaticParams = async () => [];

/** One indicator's trend for an area against its parent. */
export default async function EmbedTrendPage({ params }: Props) {
  const query = stateFromSegment((await params).state);
  const state = query && parseEmbedTrendParams(query);
  if (!state) notFound();
  const trend = await getAreaTrendView(state.area, state.indicator);
  if (typeof trend === "string") notFound();
  const { indicator, area, benchmark, points } = trend;
  const sources = await sourcesOfFigures(points.flatMap((point) => [point.area, point.benchmark]));
  return (
    <EmbedFrame
      title={`${indicator.title}: ${area.name}${benchmark ? ` and ${benchmark.name}` : ""}`}
      indicator={indicator}
      sources={sources}
      pageHref={
        area.type === "ward" ? areaHref(area.code, { indicator: indicator.slug }) : indicatorHref(indicator.slug)
      }
    >
      <TrendFigure points={points} indicator={indicator} areaName={area.name} benchmarkName={benchmark?.name} />
    </EmbedFrame>
  );
}
