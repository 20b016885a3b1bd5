"use client";
// The interactive choropleth: Leaflet without any tile layer (no third-party requests).
// Boundaries come as TopoJSON from this site's API; colours and labels come from the server.
// Each ward is a focusable link: Tab reaches it, Enter opens its page, hover or focus shows its figure.
import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import L from "leaflet";
import { GeoJSON, MapContainer } from "react-leaflet";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";
import "leaflet/dist/leaflet.css";
import { fromTopoJson, type BoundaryArea } from "@/lib/geography/boundary-topology";
import type { MapArea } from "@/components/map/types";

type AreaFeature = Feature<Geometry, MapArea>;

export default function ChoroplethMap({
  areas,
  title,
  boundariesUrl,
  onReady,
}: {
  areas: MapArea[];
  title: string;
  boundariesUrl: string;
  /** Called once the wards are drawn (each a focusable link). */
  onReady?: () => void;
}) {
  const router = useRouter();
  const [boundaries, setBoundaries] = useState<BoundaryArea[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(boundariesUrl)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((topology: Topology) => !cancelled && setBoundaries(fromTopoJson(topology)))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [boundariesUrl]);

  const collection = useMemo<FeatureCollection<Geometry, MapArea> | null>(() => {
    if (!boundaries) return null;
    const byCode = new Map(areas.map((area) => [area.code, area]));
    return {
      type: "FeatureCollection",
      features: boundaries.flatMap((b) => {
        const area = byCode.get(b.code);
        return area ? [{ type: "Feature" as const, properties: area, geometry: b.geometry }] : [];
      }),
    };
  }, [areas, boundaries]);

  if (failed) {
    return (
      <p role="status" className="absolute bottom-2 left-2 bg-white p-2 text-sm">
        The interactive map could not load; the map above and the table of wards show every figure.
      </p>
    );
  }
  if (!collection) return null;
  return (
    <LeafletChoropleth collection={collection} title={title} onOpen={(href) => router.push(href)} onReady={onReady} />
  );
}

function LeafletChoropleth({
  collection,
  title,
  onOpen,
  onReady,
}: {
  collection: FeatureCollection<Geometry, MapArea>;
  title: string;
  onOpen: (href: string) => void;
  onReady?: () => void;
}) {
  const bounds = useMemo(() => L.geoJSON(collection).getBounds(), [collection]);
  // The layer's "add" comes after every ward's own (which makes it a focusable link).
  const eventHandlers = useMemo(() => ({ add: () => onReady?.() }), [onReady]);
  // GeoJSON layers are immutable in react-leaflet: a new key redraws when the data changes.
  const dataKey = collection.features
    .map((f) => `${f.properties.code}:${f.properties.fill}:${f.properties.state}:${f.properties.highlighted}`)
    .join("|");
  return (
    <MapContainer
      bounds={bounds}
      boundsOptions={{ padding: [8, 8] }}
      scrollWheelZoom={false}
      zoomSnap={0.25}
      attributionControl={false}
      className="h-full w-full"
      aria-label={`Interactive map: ${title}`}
    >
      <GeoJSON
        key={dataKey}
        data={collection}
        eventHandlers={eventHandlers}
        style={(feature) => {
          const area = (feature as AreaFeature).properties;
          return {
            className: `ward-shape ward-${area.state}`,
            fillColor: area.fill,
            fillOpacity: 1,
            color: "#0b0c0c",
            weight: area.highlighted ? 4 : 1,
            // Suppressed areas get a dashed outline as well as their own fill: colour is not the only signal.
            dashArray: area.state === "suppressed" ? "4 3" : area.state === "missing" ? "1 3" : undefined,
          };
        }}
        onEachFeature={(feature, layer) => {
          const area = (feature as AreaFeature).properties;
          layer.bindTooltip(area.label, { sticky: true });
          layer.on("click", () => onOpen(area.href));
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
              if (event.key === "Enter") onOpen(area.href);
            });
          });
        }}
      />
    </MapContainer>
  );
}
