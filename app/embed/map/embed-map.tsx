// What /embed/map renders, for /embed/map (the default view) and /embed/map/[state] (any other, where
// proxy.ts sends /embed/map?indicator=…&period=…): the state is a path segment so that every view is
// generated once and served from the cache (lib/url-state.ts).
import { notFound } from "next/navigation";
import { EmbedFrame } from "@/components/embed/EmbedFrame";
import { MapLegend } from "@/components/map/MapLegend";
import { StaticChoropleth } from "@/components/map/StaticChoropleth";
import { NoDataYet } from "@/components/layout/NoDataYet";
import { ScriptsOnDemand } from "@/components/layout/ScriptsOnDemand";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { getHomeDataStatus } from "@/lib/data/home-authority";
import { listIndicatorsWithFigures } from "@/lib/data/indicators";
import { defaultIndicatorSlug } from "@/lib/indicators/catalogue";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import { buildWardMap } from "@/lib/indicators/ward-map";
import { explorerHref, type EmbedMapParams } from "@/lib/url-state";

export const embedMapMetadata = { title: "Map (embed)" };

/** The ward map alone, server-drawn, for iframes. */
export async function EmbedMapRoute({ params }: { params: EmbedMapParams }) {
  const laCode = homeAreaCode();
  const slug = params.indicator ?? defaultIndicatorSlug(await listIndicatorsWithFigures(laCode));
  // Embedded before the council's first import: an empty frame would look broken.
  if (!slug) return <NoDataYet status={await getHomeDataStatus()} compact />;
  const view = await getExplorerView(laCode, slug, params.period);
  if (!view) notFound();
  const state = { mode: params.mode ?? "value", method: params.classes ?? DEFAULT_CLASSIFICATION_METHOD } as const;
  const { choropleth, areas } = buildWardMap(view, state);
  const { indicator, period, parent } = view;
  return (
    <EmbedFrame
      title={`${indicator.title}, ${parent.name} wards, ${period}`}
      indicator={indicator}
      sources={view.sources}
      boundaries={view.boundaryAttribution}
      pageHref={explorerHref({ indicator: indicator.slug, period, ...{ mode: state.mode, classes: state.method } })}
    >
      {/* Nothing on it needs JavaScript (a drawn map of links, its legend): Next's scripts never load. */}
      <ScriptsOnDemand />
      <div className="aspect-[4/3] w-full max-h-[80vh]" data-testid="embed-map">
        <StaticChoropleth areas={areas} title={`${indicator.shortTitle}, ${period}`} />
      </div>
      <MapLegend
        entries={choropleth.legend}
        description={choropleth.description}
        unitLabel={indicator.unitLabel}
        headingLevel={2}
      />
    </EmbedFrame>
  );
}
