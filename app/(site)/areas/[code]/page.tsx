import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RetiredAreaNotice } from "@/components/area/RetiredAreaNotice";
import { WardProfilePage } from "@/components/area/WardProfilePage";
import { getRetiredArea } from "@/lib/data/areas";
import { getAreaTrend } from "@/lib/data/trends";
import { getGroupBreakdown, getWardProfile } from "@/lib/data/ward-profile";
import { DEFAULT_INDICATOR_SLUG } from "@/lib/indicators/catalogue";
import { isAreaCode, parseAreaParams } from "@/lib/url-state";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const profile = isAreaCode(code) ? await getWardProfile(code) : null;
  const retired = !profile && isAreaCode(code) ? await getRetiredArea(code) : null;
  return {
    title: profile ? `${profile.area.name} ward` : retired ? `${retired.name} (former ward)` : "Page not found",
  };
}

export default async function AreaPage({ params, searchParams }: Props) {
  const { code } = await params;
  const query = parseAreaParams(await searchParams);
  if (!isAreaCode(code) || !query) notFound();
  const profile = await getWardProfile(code);
  if (!profile) {
    // A code retired by a boundary change is not an error: say what replaced it.
    const retired = await getRetiredArea(code);
    if (retired) return <RetiredAreaNotice area={retired} />;
    notFound();
  }
  const selected = profile.comparisons.find((c) => c.indicator.slug === (query.indicator ?? DEFAULT_INDICATOR_SLUG));
  if (!selected) notFound();
  const [trend, groups] = await Promise.all([
    getAreaTrend(code, profile.parent.code, selected.indicator.slug),
    selected.period ? getGroupBreakdown(code, selected.indicator.slug, selected.period) : [],
  ]);
  return <WardProfilePage profile={profile} selected={selected.indicator} trend={trend} groups={groups} />;
}
