// Boundaries as TopoJSON: shared borders are stored once and coordinates are quantised,
// which roughly halves the payload against GeoJSON for contiguous wards.
import { topology } from "topojson-server";
import type { FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";

import { BOUNDARY_OBJECT, type BoundaryArea } from "@/lib/geography/boundary-topology";

/** 1e5 quantisation is ~0.5 m at Peterborough's extent: finer than the 20 m source generalisation. */
export function toTopoJson(areas: BoundaryArea[], quantization = 1e5): Topology {
  const collection: FeatureCollection<Geometry, { name: string }> = {
    type: "FeatureCollection",
    features: areas.map((area) => ({
      type: "Feature",
      id: area.code,
      properties: { name: area.name },
      geometry: area.geometry,
    })),
  };
  return topology({ [BOUNDARY_OBJECT]: collection }, quantization);
}
