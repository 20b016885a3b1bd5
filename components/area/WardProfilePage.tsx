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

export function WardProfilePage({
  profile,
  selected,
  trend,
  groups,
}: {
  profile: WardProfile;
  selected: Indicator;
  trend: TrendPoint[];
  groups: Observation[];
}) {
  const { area, parent, comparisons, assets, similar } = profile;
  const summary = summariseArea({ areaName: area.name, parentName: parent.name, comparisons });
  const syntheticSlugs = new Set(comparisons.filter((c) => c.indicator.synthetic).map((c) => c.indicator.slug));
  const assetCounts = {
    spaces: assets.filter((a) => assetKind(a.category) === "space").length,
    groups: assets.filter((a) => assetKind(a.category) === "group").length,
  };
  const periods = [...new Set(comparisons.map((c) => c.period).filter(Boolean))].sort().reverse();
  const selectedPeriod = comparisons.find((c) => c.indicator.slug === selected.slug)?.period ?? null;
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
          <Link href={explorerHref({ indicator: selected.slug, from: area.code })}>All {parent.name} wards</Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{area.name}</h1>
        <p className="text-[var(--color-muted)]">
          Ward in {parent.name} · {area.code}
          {area.population ? ` · ${area.population.toLocaleString("en-GB")} residents (Census 2021)` : ""} · latest data{" "}
          {periods.join(", ")}
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

      <section aria-labelledby="indicators-heading" className="space-y-6">
        <h2 id="indicators-heading" className="text-xl font-bold">
          Every indicator compared with {parent.name}
        </h2>
        <p className="text-sm">
          The latest figure for each indicator. Figures marked <SyntheticFlag compact /> are illustrative synthetic
          data. A trend is shown only where five or more periods show a statistically significant change. Select an
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
              selectedSlug={selected.slug}
            />
          ) : null;
        })}
      </section>

      <section id="trend" aria-labelledby="trend-heading" className="render-when-near space-y-3">
        <h2 id="trend-heading" className="text-xl font-bold">
          Trend: {selected.shortTitle}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {selected.synthetic && <SyntheticFlag />}
          <span>
            {selected.title} ({selected.unitLabel}).{" "}
            <Link href={indicatorHref(selected.slug, { from: area.code })}>About this indicator</Link>
          </span>
        </p>
        <TrendFigure points={trend} indicator={selected} areaName={area.name} benchmarkName={parent.name} />
        <ImageLinks chart="trend" query={{ indicator: selected.slug, area: area.code }} />
        <ShareEmbed
          title={`${selected.shortTitle}: ${area.name} and ${parent.name}`}
          pagePath={`${areaHref(area.code, { indicator: selected.slug })}#trend`}
          embedPath={embedTrendHref({ area: area.code, indicator: selected.slug })}
        />
        {selectedPeriod && groups.length > 0 && (
          <div className="space-y-2 pt-2">
            <h3 className="text-lg font-bold">Who takes part least</h3>
            <GroupBreakdown rows={groups} indicator={selected} areaName={area.name} period={selectedPeriod} />
          </div>
        )}
      </section>

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
                <Link prefetch={false} href={areaHref(s.code, { indicator: selected.slug })}>
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
    </div>
  );
}
