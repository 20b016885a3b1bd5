import Link from "next/link";
import { DOMAINS, type Indicator, type Observation } from "@/lib/domain/types";
import type { TrendPoint } from "@/lib/data/trends";
import type { WardProfile } from "@/lib/data/ward-profile";
import { assetCategoryLabel, assetKind } from "@/lib/assets/categories";
import { summariseArea } from "@/lib/indicators/summary";
import { areaHref, embedTrendHref, explorerHref, indicatorHref } from "@/lib/url-state";
import { AssetList } from "@/components/area/AssetList";
import { GroupBreakdown } from "@/components/area/GroupBreakdown";
import { IndicatorComparisonTable } from "@/components/area/IndicatorComparisonTable";
import { PrintRunningHeader } from "@/components/area/PrintRunningHeader";
import { WardSummary } from "@/components/area/WardSummary";
import { SpineChartKey } from "@/components/charts/SpineChart";
import { TrendFigure } from "@/components/charts/TrendFigure";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { DownloadLinks } from "@/components/downloads/DownloadLinks";
import { ShareEmbed } from "@/components/embed/ShareEmbed";
import { ImageLinks } from "@/components/downloads/ImageLinks";
import { AssetMap } from "@/components/map/AssetMap";
import { ScriptsOnDemand } from "@/components/layout/ScriptsOnDemand";
import { SourceList } from "@/components/indicators/SourceList";

/** The indicator whose trend the page shows, with that trend and its breakdown by group. */
export interface SelectedIndicator {
  indicator: Indicator;
  trend: TrendPoint[];
  groups: Observation[];
}

/** `selected` is null when the authority has no figures yet: the page then shows the ward and its assets. */
export function WardProfilePage({ profile, selected }: { profile: WardProfile; selected: SelectedIndicator | null }) {
  const { area, parent, comparisons, assets, similar, sources } = profile;
  const summary = summariseArea({ areaName: area.name, parentName: parent.name, comparisons });
  const syntheticSlugs = new Set(comparisons.filter((c) => c.indicator.synthetic).map((c) => c.indicator.slug));
  const assetCounts = {
    spaces: assets.filter((a) => assetKind(a.category) === "space").length,
    groups: assets.filter((a) => assetKind(a.category) === "group").length,
  };
  const periods = [...new Set(comparisons.map((c) => c.period).filter(Boolean))].sort().reverse();

  // Number assets in the order the list shows them, so the map's numbers match the list.
  const orderedAssets = [...assets].sort(
    (a, b) =>
      assetCategoryLabel(a.category).localeCompare(assetCategoryLabel(b.category)) || a.name.localeCompare(b.name),
  );

  return (
    <div className="space-y-8">
      {/* Reads completely without JavaScript; only the trend chart and embed code ask for it. */}
      <ScriptsOnDemand />
      <PrintRunningHeader
        text={`${area.name} ward, ${parent.name} · Civic Pulse · latest data ${periods.join(", ")}`}
      />
      <div className="space-y-1">
        <p className="no-print text-sm">
          <Link href={explorerHref({ indicator: selected?.indicator.slug, from: area.code })}>
            All {parent.name} wards
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{area.name}</h1>
        <p className="text-[var(--color-muted)]">
          Ward in {parent.name} · {area.code}
          {area.population ? ` · ${area.population.toLocaleString("en-GB")} residents` : ""}
          {periods.length > 0 ? ` · latest data ${periods.join(", ")}` : ""}
        </p>
      </div>

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-xl font-bold">
          {area.name} at a glance
        </h2>
        <WardSummary
          summary={summary}
          parentName={parent.name}
          syntheticSlugs={syntheticSlugs}
          assetCounts={assetCounts}
        />
      </section>

      {selected ? (
        <>
          <section aria-labelledby="indicators-heading" className="space-y-6">
            <h2 id="indicators-heading" className="text-xl font-bold">
              Every indicator compared with {parent.name}
            </h2>
            <p className="text-sm">
              The latest figure for each indicator.{" "}
              {syntheticSlugs.size > 0 && (
                <>
                  Figures marked <SyntheticFlag compact /> are illustrative synthetic data.{" "}
                </>
              )}
              A trend is shown only where five or more periods show a statistically significant change. Select an
              indicator to see its trend.
            </p>
            <SpineChartKey benchmarkName={parent.name} />
            {DOMAINS.map((domain) => {
              const rows = comparisons.filter((c) => c.indicator.domain === domain);
              return rows.length ? (
                <IndicatorComparisonTable
                  key={domain}
                  domain={domain}
                  comparisons={rows}
                  wardCode={area.code}
                  wardName={area.name}
                  parentName={parent.name}
                  selectedSlug={selected.indicator.slug}
                />
              ) : null;
            })}
          </section>
          <WardTrend
            area={area}
            parentName={parent.name}
            selected={selected}
            period={comparisons.find((c) => c.indicator.slug === selected.indicator.slug)?.period ?? null}
          />
        </>
      ) : (
        <section aria-labelledby="indicators-heading" className="space-y-2">
          <h2 id="indicators-heading" className="text-xl font-bold">
            Indicators
          </h2>
          <p>No figures for {parent.name}&apos;s wards have been imported yet.</p>
        </section>
      )}

      <section id="assets" aria-labelledby="assets-heading" className="render-when-near space-y-3">
        <h2 id="assets-heading" className="text-xl font-bold">
          Community assets in {area.name}
        </h2>
        <p className="text-sm">
          What the ward already has to build on: places to meet, groups and organisations. Numbers on the map match the
          list.
        </p>
        <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_3fr]">
          {area.geometry && (
            <div className="max-w-md" data-testid="asset-map">
              <AssetMap geometry={area.geometry} assets={orderedAssets} areaName={area.name} />
            </div>
          )}
          <AssetList assets={orderedAssets} categoryLabel={assetCategoryLabel} />
        </div>
      </section>

      {similar.length > 0 && (
        <section aria-labelledby="similar-heading" className="render-when-near space-y-2">
          <h2 id="similar-heading" className="text-xl font-bold">
            Wards like {area.name}
          </h2>
          <p className="text-sm">
            The wards of {parent.name} with the most similar deprivation, income, health and disability profile: see
            what comparable places achieve.
          </p>
          <ol className="list-decimal space-y-1 pl-5" data-testid="similar-wards">
            {similar.map((s) => (
              <li key={s.code}>
                <Link prefetch={false} href={areaHref(s.code, { indicator: selected?.indicator.slug })}>
                  {s.name}
                </Link>{" "}
                <span className="text-sm text-[var(--color-muted)]">
                  (distance {s.distance.toFixed(2)} standard deviations over {s.keysCompared} indicators)
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {/* Not printed: the footer carries the attributions, and the printed profile keeps to 3 pages. */}
      <section aria-labelledby="sources-heading" className="render-when-near no-print space-y-2">
        <h2 id="sources-heading" className="text-xl font-bold">
          Where these figures come from
        </h2>
        <SourceList sources={sources} />
      </section>
    </div>
  );
}

/** The selected indicator's trend for the ward against its authority, with the ways to take it away. */
function WardTrend({
  area,
  parentName,
  selected: { indicator, trend, groups },
  period,
}: {
  area: { code: string; name: string };
  parentName: string;
  selected: SelectedIndicator;
  period: string | null;
}) {
  return (
    <section id="trend" aria-labelledby="trend-heading" className="render-when-near space-y-3">
      <h2 id="trend-heading" className="text-xl font-bold">
        Trend: {indicator.shortTitle}
      </h2>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {indicator.synthetic && <SyntheticFlag />}
        <span>
          {indicator.title} ({indicator.unitLabel}).{" "}
          <Link href={indicatorHref(indicator.slug, { from: area.code })}>About this indicator</Link>
        </span>
      </p>
      <TrendFigure points={trend} indicator={indicator} areaName={area.name} benchmarkName={parentName} />
      <ImageLinks chart="trend" query={{ indicator: indicator.slug, area: area.code }} />
      <ShareEmbed
        title={`${indicator.shortTitle}: ${area.name} and ${parentName}`}
        pagePath={`${areaHref(area.code, { indicator: indicator.slug })}#trend`}
        embedPath={embedTrendHref({ area: area.code, indicator: indicator.slug })}
      />
      {period && groups.length > 0 && (
        <div className="space-y-2 pt-2">
          <h3 className="text-lg font-bold">Who takes part least</h3>
          <GroupBreakdown rows={groups} indicator={indicator} areaName={area.name} period={period} />
        </div>
      )}
    </section>
  );
}
