import Link from "next/link";
import type { Indicator } from "@/lib/domain/types";
import type { ExplorerView } from "@/lib/data/explorer";
import { buildChoropleth } from "@/lib/indicators/choropleth";
import { NO_DATA_COLOUR } from "@/lib/indicators/classify";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { formatValue } from "@/lib/indicators/format";
import { rankAreasByIndicator } from "@/lib/indicators/ranking";
import { areaHref } from "@/lib/url-state";
import { IndicatorPicker } from "@/components/explorer/IndicatorPicker";
import { WardRanking, type RankingRow } from "@/components/explorer/WardRanking";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { LazyChoroplethMap } from "@/components/map/LazyChoroplethMap";
import { MapLegend } from "@/components/map/MapLegend";
import type { MapArea } from "@/components/map/types";

export function ExplorerPage({ view, indicators }: { view: ExplorerView; indicators: Indicator[] }) {
  const { indicator, period, parent, wards } = view;
  const ranked = rankAreasByIndicator<RankingRow>(
    wards.map((ward) => ({
      areaCode: ward.code,
      areaName: ward.name,
      value: ward.observation?.value ?? null,
      suppressed: ward.observation?.suppressed ?? false,
      observation: ward.observation,
    })),
  );
  const rankOf = new Map(ranked.map((r) => [r.item.areaCode, r.rank]));
  const choropleth = buildChoropleth(wards, indicator);
  const mapAreas: MapArea[] = wards.map((ward, i) => {
    const { fill, state } = choropleth.areas[i]!;
    const rank = rankOf.get(ward.code);
    const figure =
      state === "suppressed"
        ? "suppressed (too few responses)"
        : state === "missing"
          ? "no data"
          : formatValue(ward.observation!.value, indicator);
    return {
      code: ward.code,
      name: ward.name,
      fill,
      state,
      label: `${ward.name}: ${figure}${rank ? ` (rank ${rank} of ${ranked.length}, lowest first)` : ""}`,
      href: areaHref(ward.code, { indicator: indicator.slug }),
    };
  });
  const lowest = ranked[0];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-[var(--color-muted)]">
          {DOMAIN_INFO[indicator.domain].title}
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">
          {indicator.title}, {parent.name} wards, {period}
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          {indicator.synthetic && <SyntheticFlag />}
          <span>
            {parent.name}: <strong>{formatValue(parent.observation?.value, indicator)}</strong>
            {lowest?.rank && (
              <>
                {" "}
                · lowest:{" "}
                <Link href={areaHref(lowest.item.areaCode, { indicator: indicator.slug })}>
                  {lowest.item.areaName}
                </Link>{" "}
                ({formatValue(lowest.item.value, indicator)})
              </>
            )}
          </span>
        </p>
      </div>

      <IndicatorPicker indicators={indicators} selected={indicator.slug} periods={view.periods} period={period} />

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="map-heading" className="space-y-3">
          <h2 id="map-heading" className="text-xl font-bold">
            Map
          </h2>
          <a href="#ranking" className="no-print text-sm">
            Skip the map: go to the table of wards
          </a>
          <figure>
            <div className="h-[420px] w-full border border-gray-400" data-testid="map">
              <LazyChoroplethMap
                areas={mapAreas}
                title={`${indicator.shortTitle}, ${period}`}
                boundariesUrl={`/api/v1/boundaries/${parent.code}`}
              />
            </div>
            <figcaption className="mt-2 text-sm text-[var(--color-muted)]">
              Ward boundaries: ONS, OGL v3.0; contains OS data © Crown copyright and database right 2025. Select a ward
              (or Tab to it and press Enter) to open its page.
            </figcaption>
          </figure>
          <MapLegend
            classes={choropleth.classes}
            suppressed={choropleth.suppressed}
            missing={choropleth.missing}
            noDataColour={NO_DATA_COLOUR}
            polarity={indicator.polarity}
            unitLabel={indicator.unitLabel}
          />
        </section>

        <section id="ranking" aria-labelledby="ranking-heading" className="space-y-3">
          <h2 id="ranking-heading" className="text-xl font-bold">
            Wards, lowest first
          </h2>
          <WardRanking
            ranked={ranked}
            indicator={indicator}
            parentName={parent.name}
            parentValue={parent.observation?.value ?? null}
          />
        </section>
      </div>

      <section aria-labelledby="about-heading" className="max-w-3xl space-y-2 text-sm">
        <h2 id="about-heading" className="text-xl font-bold">
          About this indicator
        </h2>
        <p>{indicator.description}</p>
        <p>
          <strong>Why it matters:</strong> {indicator.whyItMatters}
        </p>
        <p>
          <strong>Method:</strong> {indicator.method}
        </p>
        {indicator.caveats && (
          <p>
            <strong>Caveats:</strong> {indicator.caveats}
          </p>
        )}
        <p>
          <strong>Source:</strong> {indicator.source.title} ({indicator.source.publisher}). Licence:{" "}
          {indicator.source.licence}.
        </p>
      </section>
    </div>
  );
}
