import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import {
  INPUT_FILE,
  OUTPUT_FILE,
  cleanRing,
  findCrossingSegments,
  prepareBoundaries,
  triangleAreaSquareMetres,
  type WardFeature,
} from "@/scripts/data/prepare-boundaries";

const root = process.cwd();
const rawText = fs.readFileSync(path.join(root, INPUT_FILE), "utf8");
const committedText = fs.readFileSync(path.join(root, OUTPUT_FILE), "utf8");
const raw = JSON.parse(rawText) as {
  features: { properties: { WD25CD: string; WD25NM: string; LONG: number; LAT: number }; geometry: GeoJsonGeometry }[];
};
const committed = JSON.parse(committedText) as { type: string; features: WardFeature[] };

function rings(geometry: GeoJsonGeometry): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}
function shoelace(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}
/** Undirected edges of a ward, as sorted "lon,lat|lon,lat" keys. */
function edges(geometry: GeoJsonGeometry): Set<string> {
  const out = new Set<string>();
  for (const ring of rings(geometry)) {
    for (let i = 0; i + 1 < ring.length; i++) out.add([String(ring[i]), String(ring[i + 1])].sort().join("|"));
  }
  return out;
}

test("the committed file is exactly what the script produces, and the script is deterministic", () => {
  const first = prepareBoundaries(rawText).text;
  const second = prepareBoundaries(rawText).text;
  assert.equal(first, second);
  assert.equal(committedText, first, "re-run: npx tsx scripts/data/prepare-boundaries.ts");
});

test("22 wards with only code, name and the ONS label point, matching the raw file", () => {
  assert.equal(committed.type, "FeatureCollection");
  assert.equal(committed.features.length, 22);
  const rawByCode = new Map(raw.features.map((f) => [f.properties.WD25CD, f.properties]));
  for (const f of committed.features) {
    assert.deepEqual(Object.keys(f.properties).sort(), ["code", "labelLat", "labelLon", "name"]);
    const source = rawByCode.get(f.properties.code);
    assert.ok(source, `unknown code ${f.properties.code}`);
    assert.equal(f.properties.name, source.WD25NM);
    assert.equal(f.properties.labelLon, source.LONG);
    assert.equal(f.properties.labelLat, source.LAT);
  }
  assert.equal(new Set(committed.features.map((f) => f.properties.code)).size, 22);
});

test("every ring is closed, valid, rounded to 5 decimals, without repeated points, and wound per RFC 7946", () => {
  for (const f of committed.features) {
    const { geometry } = f;
    if (geometry.type !== "Polygon") assert.fail(`${f.properties.code} is ${geometry.type}`);
    geometry.coordinates.forEach((ring, index) => {
      const where = `${f.properties.code} ring ${index}`;
      assert.ok(ring.length >= 4, `${where}: ${ring.length} points`);
      assert.deepEqual(ring[0], ring[ring.length - 1], `${where} not closed`);
      for (let i = 1; i < ring.length; i++) assert.notDeepEqual(ring[i], ring[i - 1], `${where}: repeated point ${i}`);
      for (const [lon, lat] of ring) {
        assert.equal(Math.round(lon * 1e5) / 1e5, lon);
        assert.equal(Math.round(lat * 1e5) / 1e5, lat);
      }
      const area = shoelace(ring);
      assert.notEqual(area, 0, `${where}: zero area`);
      assert.equal(area > 0, index === 0, `${where}: exterior rings counter-clockwise, holes clockwise`);
    });
  }
});

test("small enough for the web: under 30 kB raw and 8 kB gzipped, with fewer points than the source", () => {
  assert.ok(Buffer.byteLength(committedText) < 30_000, `${Buffer.byteLength(committedText)} bytes`);
  assert.ok(zlib.gzipSync(committedText).length <= 8_000, `${zlib.gzipSync(committedText).length} bytes gzipped`);
  const count = (fs: { geometry: GeoJsonGeometry }[]) => fs.reduce((n, f) => n + rings(f.geometry).flat().length, 0);
  assert.ok(count(committed.features) < count(raw.features) * 0.8);
});

test("shapes are kept: each ward's area is within 3% of the original, and the total within 0.5%", () => {
  const areaOf = (g: GeoJsonGeometry) => rings(g).reduce((sum, ring) => sum + Math.abs(shoelace(ring)), 0);
  const rawByCode = new Map(raw.features.map((f) => [f.properties.WD25CD, areaOf(f.geometry)]));
  let totalBefore = 0;
  let totalAfter = 0;
  for (const f of committed.features) {
    const before = rawByCode.get(f.properties.code)!;
    const after = areaOf(f.geometry);
    totalBefore += before;
    totalAfter += after;
    assert.ok(Math.abs(after / before - 1) < 0.03, `${f.properties.code}: area ratio ${after / before}`);
  }
  assert.ok(Math.abs(totalAfter / totalBefore - 1) < 0.005, `total ratio ${totalAfter / totalBefore}`);
});

test("topology is preserved: neighbours stay neighbours, borders are shared edge for edge, nothing crosses", () => {
  const adjacent = (features: { geometry: GeoJsonGeometry }[], codes: string[]) => {
    const pairs = new Set<string>();
    const sets = features.map((f) => edges(f.geometry));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if ([...sets[i]!].some((e) => sets[j]!.has(e))) pairs.add([codes[i], codes[j]].sort().join("-"));
      }
    }
    return pairs;
  };
  const before = adjacent(
    raw.features,
    raw.features.map((f) => f.properties.WD25CD),
  );
  const after = adjacent(
    committed.features,
    committed.features.map((f) => f.properties.code),
  );
  assert.ok(before.size >= 30, `only ${before.size} neighbour pairs in the raw file?`);
  assert.deepEqual([...after].sort(), [...before].sort());

  // An edge is either on Peterborough's outer boundary (one ward) or shared by exactly two.
  const uses = new Map<string, number>();
  for (const f of committed.features) for (const e of edges(f.geometry)) uses.set(e, (uses.get(e) ?? 0) + 1);
  assert.ok([...uses.values()].every((n) => n === 1 || n === 2));
  assert.equal(findCrossingSegments(committed.features), null);
});

test("findCrossingSegments catches two wards whose borders cross", () => {
  const ward = (code: string, ring: Position[]): WardFeature => ({
    type: "Feature",
    properties: { code, name: code, labelLon: 0, labelLat: 0 },
    geometry: { type: "Polygon", coordinates: [ring] },
  });
  const a = ward("A", [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
    [0, 0],
  ]);
  const touching = ward("B", [
    [2, 0],
    [4, 0],
    [4, 2],
    [2, 2],
    [2, 0],
  ]);
  const overlapping = ward("C", [
    [1, 1],
    [3, 1],
    [3, 3],
    [1, 3],
    [1, 1],
  ]);
  assert.equal(findCrossingSegments([a, touching]), null);
  assert.notEqual(findCrossingSegments([a, overlapping]), null);
});

test("triangle weights are in square metres at Peterborough's latitude", () => {
  // Right triangle with legs of 0.01° of longitude and 0.01° of latitude at 52.59° N.
  const east = 0.01 * 111_320 * Math.cos((52.59 * Math.PI) / 180);
  const north = 0.01 * 111_320;
  const area = triangleAreaSquareMetres([
    [-0.25, 52.59],
    [-0.24, 52.59],
    [-0.25, 52.6],
  ]);
  assert.ok(Math.abs(area - (east * north) / 2) < 1, `${area} vs ${(east * north) / 2}`);
  assert.ok(area > 370_000 && area < 380_000);
});

test("cleanRing rounds, drops repeats, closes and winds rings", () => {
  const clockwise: Position[] = [
    [0, 0],
    [0, 1.000001],
    [0, 1],
    [1, 1],
    [1, 0],
  ];
  const exterior = cleanRing(clockwise, true);
  assert.deepEqual(exterior, [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ]);
  const hole = cleanRing(exterior, false);
  assert.deepEqual(hole, [
    [0, 0],
    [0, 1],
    [1, 1],
    [1, 0],
    [0, 0],
  ]);
});
