"use client";
// The interactive choropleth: Leaflet without any tile layer (no third-party requests).
// Each ward is a focusable link: Tab reaches it, Enter opens its page, hover or focus shows its figure.
import { useMemo } from "react";
import { useRouter } from "next/navigation";
import L from "leaflet";
import { GeoJSON, MapContainer } from "react-leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import "leaflet/dist/leaflet.css";
import type { MapArea } from "@/components/map/types";

type AreaFeature = Feature<Geometry, MapArea>;

export default function ChoroplethMap({ areas, title }: { areas: MapArea[]; title: string }) {
  const router = useRouter();
  const collection = useMemo<FeatureCollection<Geometry, MapArea>>(
    () => ({
      type: "FeatureCollection",
      features: areas.map((area) => ({ type: "Feature", properties: area, geometry: area.geometry })),
    }),
    [areas],
  );
  const bounds = useMemo(() => L.geoJSON(collection).getBounds(), [collection]);
  // GeoJSON layers are immutable in react-leaflet: a new key redraws when the data changes.
  const dataKey = useMemo(() => areas.map((a) => `${a.code}:${a.fill}:${a.state}`).join("|"), [areas]);

  return (
    <MapContainer
      bounds={bounds}
      boundsOptions={{ padding: [8, 8] }}
      scrollWheelZoom={false}
      zoomSnap={0.25}
      attributionControl={false}
      className="h-full w-full"
      aria-label={`Map: ${title}`}
    >
      <GeoJSON
        key={dataKey}
        data={collection}
        style={(feature) => {
          const area = (feature as AreaFeature).properties;
          return {
            className: `ward-shape ward-${area.state}`,
            fillColor: area.fill,
            fillOpacity: 1,
            color: "#0b0c0c",
            weight: 1,
            // Suppressed areas get a dashed outline as well as their own fill, so colour is not the only signal.
            dashArray: area.state === "suppressed" ? "4 3" : undefined,
          };
        }}
        onEachFeature={(feature, layer) => {
          const area = (feature as AreaFeature).properties;
          layer.bindTooltip(area.label, { sticky: true });
          layer.on("click", () => router.push(area.href));
          layer.on("add", () => {
            const path = (layer as L.Path).getElement() as SVGElement | undefined;
            if (!path) return;
            path.setAttribute("tabindex", "0");
            path.setAttribute("role", "link");
            path.setAttribute("aria-label", area.label);
            path.setAttribute("data-area-code", area.code);
            path.addEventListener("focus", () => layer.openTooltip());
            path.addEventListener("blur", () => layer.closeTooltip());
            path.addEventListener("keydown", (event) => {
              if (event.key === "Enter") router.push(area.href);
            });
          });
        }}
      />
    </MapContainer>
  );
}
