// The view model of a ward map (explorer, embeds): colours, ranks and the words each ward's
// tooltip and screen-reader label say. Pure: the pages and embeds render it.
import type { ExplorerView } from "@/lib/data/explorer";
import type { GeoJsonGeometry, Observation } from "@/lib/domain/types";
import { buildChoropleth, type ChoroplethArea, type AreaState } from "@/lib/indicators/choropleth";
import type { ClassificationMethod } from "@/lib/indicators/classify";
import { formatInterval, formatValue } from "@/lib/indicators/format";
import { rankAreasByIndicator } from "@/lib/indicators/ranking";
import { areaHref, type MapMode } from "@/lib/url-state";

/** How one area is drawn; boundaries travel separately to the interactive map. */
export interface MapArea {
  code: string;
  name: string;
  fill: string;
  state: AreaState;
  /** What a tooltip and a screen reader say, e.g. "Barnack: 23.4% (95% CI …); rank 5 of 22, lowest first". */
  label: string;
  href: string;
  /** The ward the user came from: drawn with a thick outline. */
  highlighted?: boolean;
}

export interface RankingRow {
  areaCode: string;
  areaName: string;
  value: number | null;
  suppressed: boolean;
  observation: Observation | null;
  comparison?: ChoroplethArea;
}

export function buildWardMap(
  view: Pick<ExplorerView, "indicator" | "parent" | "wards">,
  options: { mode: MapMode; method: ClassificationMethod; from?: string },
) {
  const { indicator, parent, wards } = view;
  const choropleth = buildChoropleth({
    areas: wards,
    indicator,
    mode: options.mode,
    method: options.method,
    benchmark: parent.observation,
    benchmarkName: parent.name,
  });
  const ranked = rankAreasByIndicator<RankingRow>(
    wards.map((ward, i) => ({
      areaCode: ward.code,
      areaName: ward.name,
      value: ward.observation?.value ?? null,
      suppressed: ward.observation?.suppressed ?? false,
      observation: ward.observation,
      comparison: choropleth.areas[i],
    })),
  );
  const rankOf = new Map(ranked.map((r) => [r.item.areaCode, r.rank]));
  const areas: (MapArea & { geometry: GeoJsonGeometry })[] = wards.map((ward, i) => {
    const { fill, state, comparisonText } = choropleth.areas[i]!;
    const rank = rankOf.get(ward.code);
    const obs = ward.observation;
    const interval = obs ? formatInterval(obs.lowerCi, obs.upperCi, indicator) : null;
    const figure =
      state === "suppressed"
        ? "suppressed (too few responses)"
        : state === "missing"
          ? "no data"
          : `${formatValue(obs!.value, indicator)}${interval ? ` (95% CI ${interval})` : ""}`;
    const parts = [
      `${ward.name}: ${figure}`,
      rank ? `rank ${rank} of ${ranked.length}, lowest first` : null,
      state === "value" && obs?.lowerCi !== null ? comparisonText : null,
      ward.code === options.from ? "the ward you came from" : null,
    ];
    return {
      code: ward.code,
      name: ward.name,
      geometry: ward.geometry,
      fill,
      state,
      label: parts.filter(Boolean).join("; "),
      href: areaHref(ward.code, { indicator: indicator.slug }),
      highlighted: ward.code === options.from,
    };
  });
  return { choropleth, ranked, areas };
}
