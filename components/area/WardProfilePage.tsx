import Link from "next/link";
import { DOMAINS, type Indicator } from "@/lib/domain/types";
import type { TrendPoint } from "@/lib/data/trends";
import type { WardProfile } from "@/lib/data/ward-profile";
import { assetCategoryLabel } from "@/lib/assets/categories";
import { explorerHref } from "@/lib/url-state";
import { AssetList } from "@/components/area/AssetList";
import { IndicatorComparisonTable } from "@/components/area/IndicatorComparisonTable";
import { TrendFigure } from "@/components/charts/TrendFigure";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

export function WardProfilePage({
  profile,
  selected,
  trend,
}: {
  profile: WardProfile;
  selected: Indicator;
  trend: TrendPoint[];
}) {
  const { area, parent, comparisons, assets } = profile;
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={explorerHref({ indicator: selected.slug })}>All {parent.name} wards</Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{area.name}</h1>
        <p className="text-[var(--color-muted)]">
          Ward in {parent.name} · {area.code}
          {area.population ? ` · ${area.population.toLocaleString("en-GB")} residents (Census 2021)` : ""}
        </p>
      </div>

      <section aria-labelledby="indicators-heading" className="space-y-6">
        <h2 id="indicators-heading" className="text-xl font-bold">
          {area.name} compared with {parent.name}
        </h2>
        <p className="text-sm">
          The latest figure for each indicator. Figures marked <SyntheticFlag compact /> are illustrative synthetic
          data. Select an indicator to see its trend.
        </p>
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

      <section id="trend" aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-xl font-bold">
          Trend: {selected.shortTitle}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {selected.synthetic && <SyntheticFlag />}
          <span>
            {selected.title} ({selected.unitLabel}).
          </span>
        </p>
        <TrendFigure points={trend} indicator={selected} areaName={area.name} benchmarkName={parent.name} />
      </section>

      <section aria-labelledby="assets-heading" className="space-y-3">
        <h2 id="assets-heading" className="text-xl font-bold">
          Community assets in {area.name}
        </h2>
        <p className="text-sm">What the ward already has to build on: places to meet, groups and organisations.</p>
        <AssetList assets={assets} categoryLabel={assetCategoryLabel} />
      </section>
    </div>
  );
}
