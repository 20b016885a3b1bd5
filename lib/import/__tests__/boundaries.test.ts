// Boundaries: the British National Grid conversion against published points, coordinate system
// detection, the crossing finder against brute force, and a real import of the Peterborough
// wards converted to grid metres, compared with the demo's own boundaries.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import { geometryArea, pointInPolygon } from "@/lib/geography/geometry";
import { bngToWgs84, gridToOsgb36, osgb36ToGrid, wgs84ToBng } from "@/lib/import/british-national-grid";
import { detectCrs, parseCrs } from "@/lib/import/boundaries";
import { findCrossing, segmentsCross, type Segment } from "@/lib/import/geometry-checks";
import { runImport } from "@/lib/import/run-import";
import { createRandom } from "@/lib/stats/random";
import { query, seededTemplate, sha256OfFile, writeFile, type TestDatabases } from "./helpers";

/** Ground distance in metres between two lon/lat points (equirectangular: fine over metres). */
function metresBetween([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const dy = (lat2 - lat1) * 111_320;
  const dx = (lon2 - lon1) * 111_320 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

test("grid → OSGB36 latitude/longitude matches the worked example of the OS guide to a millimetre", () => {
  // "A guide to coordinate systems in Great Britain", worked example: E 651409.903, N 313177.270
  // is 52°39′27.2531″N, 1°43′4.5177″E on OSGB36.
  const { lat, lon } = gridToOsgb36(651409.903, 313177.27);
  const expected: Position = [1 + 43 / 60 + 4.5177 / 3600, 52 + 39 / 60 + 27.2531 / 3600];
  assert.ok(metresBetween([lon, lat], expected) < 0.005, `off by ${metresBetween([lon, lat], expected)} m`);
  const back = osgb36ToGrid(expected[1], expected[0]);
  assert.ok(Math.hypot(back.easting - 651409.903, back.northing - 313177.27) < 0.005);
});

test("grid → WGS84 is within 5 m of OSTN15 at published points across England", () => {
  // WGS84/ETRS89 positions with their OSTN15 grid references, as published in the documentation
  // of Toby Thurston's OSTN15 implementation (python `osgb`, ll_to_grid examples).
  const points: [lat: number, lon: number, easting: number, northing: number][] = [
    [51.5, -2.1, 393154.813, 177900.607],
    [51 + 25 / 60, -(5 / 60 + 2 / 3600), 533338.156, 170369.238],
    [52, -2, 400096.274, 233505.403],
    [51.3, 0, 539524.836, 157551.913],
  ];
  for (const [lat, lon, easting, northing] of points) {
    const error = metresBetween(bngToWgs84(easting, northing), [lon, lat]);
    assert.ok(error < 5, `${easting}, ${northing}: ${error.toFixed(2)} m from OSTN15`);
    const [e, n] = wgs84ToBng(lon, lat);
    assert.ok(Math.hypot(e - easting, n - northing) < 5);
  }
});

test("WGS84 → grid → WGS84 comes back to within a centimetre", () => {
  const random = createRandom("bng-round-trip");
  for (let i = 0; i < 200; i++) {
    const point: Position = [-5 + 6.5 * random.next(), 50 + 5 * random.next()];
    const [e, n] = wgs84ToBng(point[0], point[1]);
    assert.ok(metresBetween(bngToWgs84(e, n), point) < 0.01);
  }
});

test("coordinate systems: named in the file or on the command line, or judged from the numbers", () => {
  assert.equal(parseCrs("urn:ogc:def:crs:EPSG::27700"), "EPSG:27700");
  assert.equal(parseCrs("EPSG:27700"), "EPSG:27700");
  assert.equal(parseCrs("27700"), "EPSG:27700");
  assert.equal(parseCrs("urn:ogc:def:crs:OGC:1.3:CRS84"), "EPSG:4326");
  assert.equal(parseCrs("epsg:4326"), "EPSG:4326");
  assert.equal(parseCrs("EPSG:3857"), null);
  assert.equal(parseCrs("EPSG:127700"), null);
  assert.equal(detectCrs({ minX: -0.5, maxX: -0.1, minY: 52.5, maxY: 52.7 }), "EPSG:4326");
  assert.equal(detectCrs({ minX: 505000, maxX: 530000, minY: 290000, maxY: 310000 }), "EPSG:27700");
  assert.equal(detectCrs({ minX: -60000, maxX: -30000, minY: 6900000, maxY: 6910000 }), null);
});

test("the grid crossing finder agrees with comparing every pair", () => {
  const random = createRandom("crossings");
  for (let round = 0; round < 40; round++) {
    const segments: Segment[] = [];
    const count = 5 + random.int(0, 60);
    for (let i = 0; i < count; i++) {
      const a: Position = [random.next() * 100, random.next() * 100];
      const b: Position = [a[0] + (random.next() - 0.5) * (round % 2 ? 8 : 60), a[1] + (random.next() - 0.5) * 8];
      segments.push({ a, b, owner: `s${i}` });
    }
    let brute = false;
    for (let i = 0; i < segments.length && !brute; i++) {
      for (let j = i + 1; j < segments.length; j++) if (segmentsCross(segments[i]!, segments[j]!)) brute = true;
    }
    const found = findCrossing(segments);
    assert.equal(found !== null, brute, `round ${round}`);
    if (found) assert.ok(segmentsCross(found[0], found[1]));
  }
});

let dbs: TestDatabases;
before(async () => {
  dbs = await seededTemplate();
});
after(() => dbs?.cleanup());

interface RawWard {
  properties: { WD25CD: string; WD25NM: string };
  geometry: GeoJsonGeometry;
}

/** The ONS ward file with every position moved to grid metres (to the centimetre) and new codes. */
function wardsInGridMetres(keep = (_index: number) => true): { text: string; codes: Map<string, string> } {
  const raw = JSON.parse(fs.readFileSync("prisma/data/raw/drkane-geo-lookups/ward_E06000031.geojson", "utf8")) as {
    features: RawWard[];
  };
  const toGrid = (value: unknown): unknown =>
    typeof (value as number[])[0] === "number"
      ? wgs84ToBng((value as number[])[0]!, (value as number[])[1]!).map((v) => Math.round(v * 100) / 100)
      : (value as unknown[]).map(toGrid);
  const codes = new Map<string, string>();
  const features = raw.features
    .map((f, index) => {
      const code = `E0599${String(index).padStart(4, "0")}`;
      codes.set(code, f.properties.WD25CD);
      return {
        type: "Feature",
        properties: { ward_code: code, ward_name: `Grid ${f.properties.WD25NM}` },
        geometry: { type: f.geometry.type, coordinates: toGrid(f.geometry.coordinates) },
      };
    })
    .filter((_, index) => keep(index));
  for (const code of [...codes.keys()]) if (!features.some((f) => f.properties.ward_code === code)) codes.delete(code);
  return { text: JSON.stringify({ type: "FeatureCollection", features }), codes };
}

test("wards in British National Grid import as WGS84 boundaries matching the demo wards", async () => {
  const databaseFile = dbs.copy();
  const { text, codes } = wardsInGridMetres();
  const file = writeFile(dbs.dir, "grid-wards.geojson", text);
  const outcome = await runImport({
    kind: "boundaries",
    file,
    databaseFile,
    parentCode: "E06000031",
    codeField: "ward_code",
    nameField: "ward_name",
  });
  assert.equal(outcome.status, "imported", JSON.stringify(outcome.status === "invalid" && outcome.problems.items));
  const imported = query<{
    code: string;
    parentCode: string;
    type: string;
    geometry: string;
    centroidLon: number;
    centroidLat: number;
  }>(
    databaseFile,
    "SELECT code, parentCode, type, geometry, centroidLon, centroidLat FROM Area WHERE sourceId = 'import-boundaries-grid-wards'",
  );
  assert.equal(imported.length, 22);
  const demo = new Map(
    query<{ code: string; geometry: string }>(
      databaseFile,
      "SELECT code, geometry FROM Area WHERE type = 'ward' AND sourceId = 'ons-ward-boundaries-2025'",
    ).map((row) => [row.code, JSON.parse(row.geometry) as GeoJsonGeometry]),
  );
  for (const area of imported) {
    assert.equal(area.parentCode, "E06000031");
    assert.equal(area.type, "ward");
    const geometry = JSON.parse(area.geometry) as GeoJsonGeometry;
    const twin = demo.get(codes.get(area.code)!)!;
    // Same ward, through a round trip to grid metres and its own simplification: areas agree
    // within 3 %, and the label point lies inside the demo's boundary of that ward.
    const ratio = geometryArea(geometry) / geometryArea(twin);
    assert.ok(Math.abs(ratio - 1) < 0.03, `${area.code}: area ratio ${ratio}`);
    assert.ok(pointInPolygon([area.centroidLon, area.centroidLat], twin), `${area.code}: label point outside`);
  }
});

test("a corrected boundary file removes areas it leaves out, unless something refers to them", async () => {
  const databaseFile = dbs.copy();
  const all = wardsInGridMetres();
  const file = writeFile(dbs.dir, "council-wards.geojson", all.text);
  const request = {
    kind: "boundaries" as const,
    file,
    databaseFile,
    parentCode: "E06000031",
    codeField: "ward_code",
    nameField: "ward_name",
  };
  assert.equal((await runImport(request)).status, "imported");

  // A figure from another import refers to the first new ward: it cannot be dropped.
  const figures = writeFile(
    dbs.dir,
    "grid-figures.csv",
    "area_code,indicator,period,value\nE05990000,unpaid-carers,2027,9.5\n",
  );
  assert.equal((await runImport({ kind: "indicators", file: figures, databaseFile })).status, "imported");
  fs.writeFileSync(file, wardsInGridMetres((index) => index >= 2).text);
  const before = sha256OfFile(databaseFile);
  const refused = await runImport(request);
  assert.equal(refused.status, "invalid");
  if (refused.status === "invalid") {
    assert.match(
      refused.problems.items[0]!.message,
      /E05990000 .* is not in this file, but 1 figures, 0 assets and 0 other areas refer to it/,
    );
  }
  assert.equal(sha256OfFile(databaseFile), before);

  // Keep that ward, drop the second: now it goes through and the second ward is gone.
  fs.writeFileSync(file, wardsInGridMetres((index) => index !== 1).text);
  const replaced = await runImport(request);
  assert.equal(replaced.status, "replaced");
  const codes = query<{ code: string }>(
    databaseFile,
    "SELECT code FROM Area WHERE sourceId = 'import-boundaries-council-wards' ORDER BY code",
  ).map((r) => r.code);
  assert.equal(codes.length, 21);
  assert.ok(codes.includes("E05990000") && !codes.includes("E05990001"));
});

test("simplifying too hard is refused rather than stored broken", async () => {
  const databaseFile = dbs.copy();
  const file = writeFile(dbs.dir, "coarse.geojson", wardsInGridMetres().text);
  const outcome = await runImport({
    kind: "boundaries",
    file,
    databaseFile,
    parentCode: "E06000031",
    codeField: "ward_code",
    nameField: "ward_name",
    minArea: 50_000_000,
  });
  assert.equal(outcome.status, "invalid");
  if (outcome.status === "invalid") assert.match(outcome.problems.items[0]!.message, /give a smaller --min-area/i);
});
