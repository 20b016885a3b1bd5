// Reading boundary TopoJSON (browser and server): kept apart from lib/geography/topojson.ts so the
// map's client bundle does not carry the TopoJSON encoder.
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { AreaCode, GeoJsonGeometry } from "@/lib/domain/types";

export const BOUNDARY_OBJECT = "areas";

export interface BoundaryArea {
  code: AreaCode;
  name: string;
  geometry: GeoJsonGeometry;
}

/** Back to areas with GeoJSON geometries (what Leaflet draws). */
export function fromTopoJson(topo: Topology): BoundaryArea[] {
  const object = topo.objects[BOUNDARY_OBJECT] as GeometryCollection<{ name: string }> | undefined;
  if (!object) throw new Error(`TopoJSON has no "${BOUNDARY_OBJECT}" object.`);
  const collection = feature(topo, object) as unknown as {
    features: { id: string; properties: { name: string }; geometry: GeoJsonGeometry }[];
  };
  return collection.features.map((f) => ({ code: String(f.id), name: f.properties.name, geometry: f.geometry }));
}
