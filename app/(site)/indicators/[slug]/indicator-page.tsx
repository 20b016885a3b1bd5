// What both indicator routes render: /indicators/[slug] and /indicators/[slug]/view/[state] (where
// proxy.ts sends ?period=…&from=…), so that every view is generated once and served from the cache.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IndicatorProfilePage } from "@/components/indicators/IndicatorProfilePage";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getIndicator, listIndicatorsWithFigures } from "@/lib/data/indicators";
import { getIndicatorFigureSources } from "@/lib/data/provenance";
import { getAreaTrend } from "@/lib/data/trends";
import { getInequality } from "@/lib/data/inequality";
import { indicatorHref, isSlug, type IndicatorParams } from "@/lib/url-state";

export async function indicatorPageMetadata(slug: string, state: IndicatorParams = {}): Promise<Metadata> {
  const indicator = isSlug(slug) ? await getIndicator(slug) : null;
  return {
    title: indicator ? indicator.shortTitle : "Page not found",
    alternates: { canonical: indicatorHref(slug, state) },
  };
}

export async function IndicatorRoute({ slug, state = {} }: { slug: string; state?: IndicatorParams }) {
  if (!isSlug(slug)) notFound();
  const laCode = homeAreaCode();
  // An indicator without figures for the authority is no page of this site (404): nothing links to it, and a
  // definition with an empty map and trend is not what a resident following a link would be looking for.
  const [view, trend, inequality, sources] = await Promise.all([
    getExplorerView(laCode, slug, state.period),
    getAreaTrend(laCode, null, slug),
    getInequality(laCode, slug),
    getIndicatorFigureSources(laCode, slug),
  ]);
  if (!view || !inequality) notFound();
  return (
    <IndicatorProfilePage view={view} trend={trend} inequality={inequality} highlight={state.from} sources={sources} />
  );
}

/** The page of every indicator with figures for the authority is generated at build time. */
export async function indicatorSlugs(): Promise<{ slug: string }[]> {
  return (await listIndicatorsWithFigures(homeAreaCode())).map((indicator) => ({ slug: indicator.slug }));
}
