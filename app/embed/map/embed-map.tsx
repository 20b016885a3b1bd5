// What /embed/map renders, for /embed/map (the default view) and /embed/map/[state] (any other, where
// proxy.ts sends /embed/map?indicator=…&period=…): the state is a path segment so that every view is
// generated once and served from the cache (lib/url-state.ts).
import { notFound } from "next/navigation";
import { EmbedFrame } from "@/components/embed/EmbedFrame";
import { MapLegend } from "@/components/map/MapLegend";
import { StaticChoropleth } from "@/components/map/StaticChoropleth";
import { homeAreaCode } from "@/lib/config";
import { getExplorerView } from "@/lib/data/explorer";
import { DEFAULT_INDICATOR_SLUG } from "@/lib/indicators/catalogue";
import { DEFAULT_CLASSIFICATION_METHOD } from "@/lib/indicators/classify";
import { buildWardMap } from "@/lib/indicators/ward-map";
import { explorerHref, type EmbedMapParams } from "@/lib/url-state";

export const embedMapMetadata = { title: "Map (embed)" };

/** The ward map alone, server-drawn, for iframes. */
export async function EmbedMapRoute({ params }: { params: EmbedMapParams }) {
  const view = await getExplorerView(homeAreaCode(), params.indicator ?? DEFAULT_INDICATOR_SLUG, params.period);
  if (!view) notFound();
  const state = { mode: params.mode ?? "value", method: params.classes ?? DEFAULT_CLASSIFICATION_METHOD } as const;
  const { choropleth, areas } = buildWardMap(view, state);
  const { indicator, period, parent } = view;
  return (
    <EmbedFrame
      title={`${indicator.title}, ${parent.name} wards, ${period}`}
      indicator={indicator}
      source={indicator.source}
      pageHref={explorerHref({ indicator: indicator.slug, period, ...{ mode: state.mode, classes: state.method } })}
    >
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
