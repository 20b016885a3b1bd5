import Link from "next/link";
import type { Indicator } from "@/lib/domain/types";
import type { ExplorerView } from "@/lib/data/explorer";
import { buildWardMap } from "@/lib/indicators/ward-map";
import type { ClassificationMethod } from "@/lib/indicators/classify";
import { DOMAIN_INFO } from "@/lib/indicators/domains";
import { formatValue } from "@/lib/indicators/format";
import { NEEDS_SCRIPTS_ATTRIBUTE, ON_REACH } from "@/lib/scripts-on-demand";
import { areaHref, embedMapHref, explorerHref, indicatorHref, type MapMode, type TableSort } from "@/lib/url-state";
import { IndicatorPicker } from "@/components/explorer/IndicatorPicker";
import { WideningGaps } from "@/components/explorer/WideningGaps";
import type { InequalityView } from "@/lib/data/inequality";
import { WardRanking } from "@/components/explorer/WardRanking";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";
import { DownloadLinks } from "@/components/downloads/DownloadLinks";
import { ShareEmbed } from "@/components/embed/ShareEmbed";
import { ImageLinks } from "@/components/downloads/ImageLinks";
import { ScriptsOnDemand } from "@/components/layout/ScriptsOnDemand";
import { ChoroplethMapLayers } from "@/components/map/ChoroplethMapLayers";
import { MapLegend } from "@/components/map/MapLegend";
import { StaticChoropleth } from "@/components/map/StaticChoropleth";

export interface ExplorerState {
  sort: TableSort;
  mode: MapMode;
  method: ClassificationMethod;
  /** The ward the user came from, highlighted. */
  from?: string;
}

export function ExplorerPage({
  view,
  indicators,
  state,
  wideningGaps,
}: {
  view: ExplorerView;
  indicators: Indicator[];
  state: ExplorerState;
  wideningGaps: InequalityView[];
}) {
  const { indicator, period, parent, wards } = view;
  const { choropleth, ranked, areas: mapAreas } = buildWardMap(view, state);
  const lowest = ranked[0];
  const noIntervals = state.mode === "compare" && choropleth.compared === 0;

  return (
    <div className="space-y-6">
      {/* Reads completely without JavaScript; only the Leaflet map and the embed code ask for it. */}
      <ScriptsOnDemand />
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
            )}{" "}
            · <Link href={indicatorHref(indicator.slug, { period })}>About this indicator</Link>
          </span>
        </p>
      </div>

      <IndicatorPicker
        indicators={indicators}
        selected={indicator.slug}
        periods={view.periods}
        period={period}
        mode={state.mode}
        method={state.method}
        from={state.from}
      />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="map-heading" className="space-y-3">
          <h2 id="map-heading" className="text-xl font-bold">
            Map{state.mode === "compare" ? `: compared with ${parent.name}` : ""}
          </h2>
          <a href="#ranking" className="no-print text-sm">
            Skip the map: go to the table of wards
          </a>
          {noIntervals && (
            <p className="border-l-4 border-[#1d4f91] pl-3 text-sm">
              These figures count everyone (Census or administrative data), so they have no confidence interval and
              wards are not tested against {parent.name}. Switch to “Values” to see how they vary.
            </p>
          )}
          <figure>
            <div
              className="relative h-[420px] w-full border border-gray-400 bg-[#f3f2f1]"
              data-testid="map"
              // Needs scripts (Leaflet) only once the reader reaches for it: hover, touch, zoom, focus or scroll.
              {...{ [NEEDS_SCRIPTS_ATTRIBUTE]: ON_REACH }}
            >
              {/* The server-drawn map reads without JavaScript and prints; Leaflet goes over it on screen. */}
              <ChoroplethMapLayers
                drawn={<StaticChoropleth areas={mapAreas} title={`${indicator.shortTitle}, ${period}`} />}
                areas={mapAreas.map(({ geometry: _geometry, ...area }) => area)}
                title={`${indicator.shortTitle}, ${period}`}
                boundariesUrl={`/api/v1/boundaries/${parent.code}`}
              />
            </div>
            <figcaption className="mt-2 text-sm text-[var(--color-muted)]">
              {view.boundaryAttribution && `Ward boundaries: ${view.boundaryAttribution} `}Select a ward (or Tab to it
              and press Enter) to open its page.
            </figcaption>
          </figure>
          <MapLegend entries={choropleth.legend} description={choropleth.description} unitLabel={indicator.unitLabel} />
          <ImageLinks
            chart="map"
            query={{
              indicator: indicator.slug,
              period,
              ...(state.mode === "compare" ? { mode: "compare" } : {}),
              ...(state.method !== "quantile" ? { classes: state.method } : {}),
            }}
          />
          <ShareEmbed
            title={`${indicator.shortTitle}, ${parent.name} wards, ${period}`}
            pagePath={explorerHref({ indicator: indicator.slug, period, mode: state.mode, classes: state.method })}
            embedPath={embedMapHref({ indicator: indicator.slug, period, mode: state.mode, classes: state.method })}
          />
        </section>

        <section id="ranking" aria-labelledby="ranking-heading" className="space-y-3">
          <DownloadLinks query={{ indicator: indicator.slug, period }} label="this table" />
          <h2 id="ranking-heading" className="text-xl font-bold">
            Table of wards
          </h2>
          <WardRanking
            ranked={ranked}
            indicator={indicator}
            parentName={parent.name}
            parentValue={parent.observation?.value ?? null}
            highlight={state.from}
            sort={state.sort}
            sortHref={(sort) =>
              `${explorerHref({ indicator: indicator.slug, period, mode: state.mode, classes: state.method, from: state.from, sort })}#ranking`
            }
          />
        </section>
      </div>

      <WideningGaps views={wideningGaps} parentName={parent.name} />

      <section aria-labelledby="about-heading" className="max-w-3xl space-y-2 text-sm">
        <h2 id="about-heading" className="text-xl font-bold">
          About this indicator
        </h2>
        <p>{indicator.description}</p>
        <p>
          <strong>Why it matters:</strong> {indicator.whyItMatters}
        </p>
        <p>
          <strong>Source:</strong>{" "}
          {view.sources.map((source) => `${source.title} (${source.publisher}). Licence: ${source.licence}. `)}
          <Link href={indicatorHref(indicator.slug, { period })}>Method, caveats and trend</Link>
        </p>
      </section>
    </div>
  );
}
