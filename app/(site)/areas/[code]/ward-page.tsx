// What both ward routes render: /areas/[code] (the default indicator's trend) and
// /areas/[code]/indicator/[slug] (another indicator's, where proxy.ts sends /areas/[code]?indicator=…).
// The indicator is a path segment rather than a query parameter so that every ward page can be
// generated once and served from the cache: a page that reads its query string renders per request.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RetiredAreaNotice } from "@/components/area/RetiredAreaNotice";
import { WardProfilePage } from "@/components/area/WardProfilePage";
import { getRetiredArea, listCurrentWardCodes } from "@/lib/data/areas";
import { getAreaTrend } from "@/lib/data/trends";
import { getGroupBreakdown, getWardProfile, type WardProfile } from "@/lib/data/ward-profile";
import { homeAreaCode } from "@/lib/config";
import { DEFAULT_INDICATOR_SLUG, defaultIndicatorSlug } from "@/lib/indicators/catalogue";
import { areaHref, isAreaCode, isSlug } from "@/lib/url-state";

/**
 * The indicator the default view (/areas/[code]) shows: it depends on the figures (an authority without
 * the headline indicator opens on another); null when the ward has none.
 */
function defaultViewSlug(profile: WardProfile): string | null {
  return defaultIndicatorSlug(profile.comparisons.map((c) => c.indicator));
}

export async function wardPageMetadata(code: string, slug?: string): Promise<Metadata> {
  const profile = isAreaCode(code) ? await getWardProfile(code) : null;
  const retired = !profile && isAreaCode(code) ? await getRetiredArea(code) : null;
  const defaultSlug = (profile && defaultViewSlug(profile)) ?? DEFAULT_INDICATOR_SLUG;
  const shown = slug ?? defaultSlug;
  return {
    title: profile ? `${profile.area.name} ward` : retired ? `${retired.name} (former ward)` : "Page not found",
    // One address per view, whichever route served it.
    alternates: { canonical: areaHref(code, shown === defaultSlug ? {} : { indicator: shown }) },
  };
}

/**
 * `slug` undefined is the default view, /areas/[code]: the headline indicator's trend, or, for an authority
 * without figures for it, the first indicator's that has. An indicator the authority has no figures for is
 * no view of the page (404); with no figures at all, the page still shows the ward and its assets.
 */
export async function WardPage({ code, slug }: { code: string; slug?: string }) {
  if (!isAreaCode(code) || (slug !== undefined && !isSlug(slug))) notFound();
  const profile = await getWardProfile(code);
  if (!profile) {
    // A code retired by a boundary change is not an error: say what replaced it.
    const retired = await getRetiredArea(code);
    if (retired) return <RetiredAreaNotice area={retired} />;
    notFound();
  }
  const shown = slug ?? defaultViewSlug(profile);
  const selected = profile.comparisons.find((c) => c.indicator.slug === shown);
  if (slug !== undefined && !selected) notFound();
  if (!selected) return <WardProfilePage profile={profile} selected={null} />;
  const [trend, groups] = await Promise.all([
    getAreaTrend(code, profile.parent.code, selected.indicator.slug),
    selected.period ? getGroupBreakdown(code, selected.indicator.slug, selected.period) : [],
  ]);
  return <WardProfilePage profile={profile} selected={{ indicator: selected.indicator, trend, groups }} />;
}

/** The current wards' pages are generated at build time; any other code is rendered on its first request. */
export async function currentWardCodes(): Promise<{ code: string }[]> {
  return (await listCurrentWardCodes(homeAreaCode())).map((code) => ({ code }));
}
