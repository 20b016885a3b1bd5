import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import {
  distanceToBoundaryMetres,
  geometryArea,
  geometryBounds,
  pointInPolygon,
  pointOnSurface,
  polygonCentroid,
  ringArea,
} from "@/lib/geography/geometry";

function square(x0: number, y0: number, x1: number, y1: number): Position[] {
  // Counter-clockwise, closed.
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}
const polygon = (...rings: Position[][]): GeoJsonGeometry => ({ type: "Polygon", coordinates: rings });

// A 10 × 10 square with a 2 × 2 hole in the middle.
const withHole = polygon(square(0, 0, 10, 10), square(4, 4, 6, 6).reverse());

test("a point inside the outer ring but inside the hole is outside the polygon", () => {
  assert.equal(pointInPolygon([2, 2], withHole), true);
  assert.equal(pointInPolygon([8, 5], withHole), true);
  assert.equal(pointInPolygon([5, 5], withHole), false);
  assert.equal(pointInPolygon([11, 5], withHole), false);
  assert.equal(pointInPolygon([-1, 5], withHole), false);
  assert.equal(pointInPolygon([5, -0.1], withHole), false);
});

test("winding does not matter (even-odd rule)", () => {
  const reversed = polygon(square(0, 0, 10, 10).reverse(), square(4, 4, 6, 6));
  for (const p of [
    [2, 2],
    [5, 5],
    [11, 5],
    [4.5, 9],
  ] as Position[]) {
    assert.equal(pointInPolygon(p, reversed), pointInPolygon(p, withHole), `point ${p}`);
  }
});

test("a MultiPolygon contains a point when any of its parts does", () => {
  const two: GeoJsonGeometry = { type: "MultiPolygon", coordinates: [[square(0, 0, 1, 1)], [square(3, 0, 4, 1)]] };
  assert.equal(pointInPolygon([0.5, 0.5], two), true);
  assert.equal(pointInPolygon([3.5, 0.5], two), true);
  assert.equal(pointInPolygon([2, 0.5], two), false);
});

test("a point on a shared edge or corner belongs to exactly one of the adjacent squares", () => {
  // 2 × 2 grid of unit squares sharing edges x = 1 and y = 1 and the corner (1, 1).
  const cells = [square(0, 0, 1, 1), square(1, 0, 2, 1), square(0, 1, 1, 2), square(1, 1, 2, 2)].map((r) => polygon(r));
  for (const p of [
    [1, 0.5],
    [1, 1.5],
    [0.5, 1],
    [1.5, 1],
    [1, 1],
  ] as Position[]) {
    const containing = cells.filter((cell) => pointInPolygon(p, cell)).length;
    assert.equal(containing, 1, `point ${p} is in ${containing} cells`);
  }
});

test("documented edge choice: left and bottom edges are inside a square, right and top edges outside", () => {
  const unit = polygon(square(0, 0, 1, 1));
  assert.equal(pointInPolygon([0, 0.5], unit), true);
  assert.equal(pointInPolygon([0.5, 0], unit), true);
  assert.equal(pointInPolygon([1, 0.5], unit), false);
  assert.equal(pointInPolygon([0.5, 1], unit), false);
});

test("bounds of one geometry and of several", () => {
  assert.deepEqual(geometryBounds(withHole), [0, 0, 10, 10]);
  assert.deepEqual(geometryBounds([polygon(square(-2, 1, 0, 3)), polygon(square(5, -1, 6, 0))]), [-2, -1, 6, 3]);
  assert.throws(() => geometryBounds([]));
});

test("ring area is signed by winding and the same for open and closed rings", () => {
  assert.equal(ringArea(square(0, 0, 1, 1)), 1);
  assert.equal(ringArea(square(0, 0, 1, 1).reverse()), -1);
  assert.equal(
    ringArea([
      [0, 0],
      [4, 0],
      [0, 3],
    ]),
    6,
  );
  assert.equal(
    ringArea([
      [0, 0],
      [4, 0],
      [0, 3],
      [0, 0],
    ]),
    6,
  );
});

test("geometry area subtracts holes whatever their winding, and adds MultiPolygon parts", () => {
  assert.equal(geometryArea(withHole), 100 - 4);
  assert.equal(geometryArea(polygon(square(0, 0, 10, 10), square(4, 4, 6, 6))), 96);
  const two: GeoJsonGeometry = { type: "MultiPolygon", coordinates: [[square(0, 0, 1, 1)], [square(3, 0, 5, 2)]] };
  assert.equal(geometryArea(two), 1 + 4);
});

function assertClose(actual: Position, expected: Position, tolerance = 1e-9) {
  assert.ok(
    Math.abs(actual[0] - expected[0]) < tolerance && Math.abs(actual[1] - expected[1]) < tolerance,
    `expected ${expected}, got ${actual}`,
  );
}

test("centroid of a square, an L shape and a square with an off-centre hole", () => {
  assertClose(polygonCentroid(polygon(square(2, 4, 6, 8))), [4, 6]);
  // L = a 2 × 1 block (centroid 1, 0.5) plus a 1 × 1 block on top of its left half (centroid 0.5, 1.5).
  const l = polygon([
    [0, 0],
    [2, 0],
    [2, 1],
    [1, 1],
    [1, 2],
    [0, 2],
    [0, 0],
  ]);
  assertClose(polygonCentroid(l), [(2 * 1 + 1 * 0.5) / 3, (2 * 0.5 + 1 * 1.5) / 3]);
  // 4 × 4 square (area 16, centroid 2, 2) minus a unit hole centred on (1, 1).
  const holed = polygon(square(0, 0, 4, 4), square(0.5, 0.5, 1.5, 1.5));
  assertClose(polygonCentroid(holed), [(16 * 2 - 1) / 15, (16 * 2 - 1) / 15]);
});

test("pointOnSurface is inside a U shape whose centroid is not", () => {
  // Bottom bar 3 × 1 plus two arms 1 × 2: centroid (1.5, 9.5 / 7) lies in the notch.
  const u = polygon([
    [0, 0],
    [3, 0],
    [3, 3],
    [2, 3],
    [2, 1],
    [1, 1],
    [1, 3],
    [0, 3],
    [0, 0],
  ]);
  const centroid = polygonCentroid(u);
  assertClose(centroid, [1.5, 9.5 / 7]);
  assert.equal(pointInPolygon(centroid, u), false);
  const surface = pointOnSurface(u);
  assert.ok(surface && pointInPolygon(surface, u));
  assert.ok(pointOnSurface(withHole) && pointInPolygon(pointOnSurface(withHole)!, withHole));
});

// The real simplified boundaries: each ward's ONS label point is in its own polygon and no other.
const BOUNDARIES = path.join(process.cwd(), "prisma/data/boundaries/wards-E06000031.geojson");
const RAW = path.join(process.cwd(), "prisma/data/raw/drkane-geo-lookups/ward_E06000031.geojson");

test("every ward's ONS label point falls inside its own simplified polygon and in no other", () => {
  const wards = JSON.parse(fs.readFileSync(BOUNDARIES, "utf8")).features as {
    properties: { code: string; labelLon: number; labelLat: number };
    geometry: GeoJsonGeometry;
  }[];
  // Label points taken from the raw ONS file, not from the simplified one, so the check is independent.
  const raw = JSON.parse(fs.readFileSync(RAW, "utf8")).features as {
    properties: { WD25CD: string; LONG: number; LAT: number };
  }[];
  assert.equal(wards.length, 22);
  assert.equal(raw.length, 22);
  for (const { properties } of raw) {
    const label: Position = [properties.LONG, properties.LAT];
    const containing = wards.filter((w) => pointInPolygon(label, w.geometry)).map((w) => w.properties.code);
    assert.deepEqual(containing, [properties.WD25CD]);
  }
});

test("the wards' bounds match the extent documented for the raw files", () => {
  const wards = JSON.parse(fs.readFileSync(BOUNDARIES, "utf8")).features as { geometry: GeoJsonGeometry }[];
  const [minLon, minLat, maxLon, maxLat] = geometryBounds(wards.map((w) => w.geometry));
  // SOURCES.md: lon -0.498 … -0.013, lat 52.506 … 52.675 (simplification keeps extreme points within ~1 m here).
  assert.ok(Math.abs(minLon - -0.498) < 0.002 && Math.abs(maxLon - -0.013) < 0.002, `lon ${minLon} … ${maxLon}`);
  assert.ok(Math.abs(minLat - 52.506) < 0.002 && Math.abs(maxLat - 52.675) < 0.002, `lat ${minLat} … ${maxLat}`);
});

test("distance to a boundary: to the nearest edge, inside or out, in metres at the point's latitude", () => {
  // A 0.01° square at 52°N: its edges lie 1,113 m apart north-south and 685 m east-west.
  const cell = polygon(square(0, 52, 0.01, 52.01));
  const metresPerLat = 111_320;
  const metresPerLon = metresPerLat * Math.cos((52 * Math.PI) / 180);
  // 10 m east of the east edge, level with the middle: the edge is the nearest thing.
  const east: Position = [0.01 + 10 / metresPerLon, 52.005];
  assert.ok(Math.abs(distanceToBoundaryMetres(east, cell) - 10) < 0.01);
  // Inside, 100 m below the north edge and far from the others.
  const inside: Position = [0.005, 52.01 - 100 / metresPerLat];
  assert.ok(Math.abs(distanceToBoundaryMetres(inside, cell) - 100) < 0.01);
  // Beyond a corner: the distance is to the corner, not to the edges' lines.
  const corner: Position = [0.01 + 30 / metresPerLon, 52.01 + 40 / metresPerLat];
  assert.ok(Math.abs(distanceToBoundaryMetres(corner, cell) - 50) < 0.01);
});
