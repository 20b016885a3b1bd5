import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import zlib from "node:zlib";
import { toTopoJson } from "@/lib/geography/topojson";
import { fromTopoJson } from "@/lib/geography/boundary-topology";
import { pointInPolygon } from "@/lib/geography/geometry";
import type { GeoJsonGeometry } from "@/lib/domain/types";

const wards = (
  JSON.parse(fs.readFileSync("prisma/data/boundaries/wards-E06000031.geojson", "utf8")) as {
    features: {
      properties: { code: string; name: string; labelLon: number; labelLat: number };
      geometry: GeoJsonGeometry;
    }[];
  }
).features;

test("Peterborough's wards round-trip through TopoJSON with every label point still inside its ward", () => {
  const topo = toTopoJson(
    wards.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry })),
  );
  const back = fromTopoJson(JSON.parse(JSON.stringify(topo)));
  assert.equal(back.length, 22);
  for (const f of wards) {
    const area = back.find((a) => a.code === f.properties.code);
    assert.ok(area, f.properties.code);
    assert.equal(area.name, f.properties.name);
    assert.ok(pointInPolygon([f.properties.labelLon, f.properties.labelLat], area.geometry), f.properties.name);
  }
});

test("the TopoJSON payload is smaller than the GeoJSON and within the boundary budget", () => {
  const geojson = JSON.stringify({ type: "FeatureCollection", features: wards });
  const topo = JSON.stringify(
    toTopoJson(wards.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }))),
  );
  assert.ok(topo.length < geojson.length, `${topo.length} < ${geojson.length}`);
  // Budget (shared/PERFORMANCE.md): Peterborough's boundaries at most 8 kB compressed.
  assert.ok(zlib.brotliCompressSync(topo).length <= 8_000, `${zlib.brotliCompressSync(topo).length} bytes brotli`);
});
