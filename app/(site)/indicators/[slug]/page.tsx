import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IndicatorProfilePage } from "@/components/indicators/IndicatorProfilePage";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getIndicator } from "@/lib/data/indicators";
import { getAreaTrend } from "@/lib/data/trends";
import { getInequality } from "@/lib/data/inequality";
import { isSlug, parseIndicatorParams } from "@/lib/url-state";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const indicator = isSlug(slug) ? await getIndicator(slug) : null;
  return { title: indicator ? indicator.shortTitle : "Page not found" };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = parseIndicatorParams(await searchParams);
  if (!isSlug(slug) || !query) notFound();
  const laCode = homeAreaCode();
  const [view, trend, inequality] = await Promise.all([
    getExplorerView(laCode, slug, query.period),
    getAreaTrend(laCode, null, slug),
    getInequality(laCode, slug),
  ]);
  if (!view || !inequality) notFound();
  return <IndicatorProfilePage view={view} trend={trend} inequality={inequality} highlight={query.from} />;
}
