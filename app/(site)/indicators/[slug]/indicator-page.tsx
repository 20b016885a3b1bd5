// What both indicator routes render: /indicators/[slug] and /indicators/[slug]/view/[state] (where
// proxy.ts sends ?period=…&from=…), so that every view is generated once and served from the cache.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IndicatorProfilePage } from "@/components/indicators/IndicatorProfilePage";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getIndicator, listIndicators } from "@/lib/data/indicators";
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
  const [view, trend, inequality] = await Promise.all([
    getExplorerView(laCode, slug, state.period),
    getAreaTrend(laCode, null, slug),
    getInequality(laCode, slug),
  ]);
  if (!view || !inequality) notFound();
  return <IndicatorProfilePage view={view} trend={trend} inequality={inequality} highlight={state.from} />;
}

/** Every indicator's page is generated at build time. */
export async function indicatorSlugs(): Promise<{ slug: string }[]> {
  return (await listIndicators()).map((indicator) => ({ slug: indicator.slug }));
}
