import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import { geometryBounds, type Bounds } from "@/lib/geography/geometry";
import { createProjection, fittedHeight, geometryToSvgPath, type Projection } from "@/lib/geography/projection";

function near(actual: number, expected: number, tolerance = 1e-6) {
  assert.ok(Math.abs(actual - expected) < tolerance, `expected ${expected}, got ${actual}`);
}

// Around latitude 60°, cos = 0.5: 2° of longitude are as long as 1° of latitude, so these bounds are square.
const SQUARE_AT_60: Bounds = [0, 59.5, 2, 60.5];

test("aspect is preserved: a square area in a wide box is a centred square, y pointing down", () => {
  const project = createProjection(SQUARE_AT_60, 300, 100);
  const cosMid = Math.cos((60 * Math.PI) / 180);
  // Bounds span 2·cos(60°) "equator degrees" wide and 1 degree high: scale = 100 px per degree.
  const scale = 100;
  const usedWidth = 2 * cosMid * scale;
  const [x0, y0] = project([0, 60.5]); // north-west corner
  const [x1, y1] = project([2, 59.5]); // south-east corner
  near(x0, (300 - usedWidth) / 2);
  near(y0, 0);
  near(x1, (300 + usedWidth) / 2);
  near(y1, 100);
  assert.ok(project([1, 60.2])[1] < project([1, 59.8])[1], "north is up");
});

test("equal ground distances east and north are equal on screen at the middle latitude", () => {
  const project = createProjection(SQUARE_AT_60, 500, 500, 20);
  const centre = project([1, 60]);
  const east = project([1 + 0.2, 60]); // 0.2° of longitude at 60° ≈ 0.1° of latitude
  const north = project([1, 60.1]);
  near(east[0] - centre[0], centre[1] - north[1], 1e-6);
});

test("padding keeps the shape off the edges", () => {
  const project = createProjection(SQUARE_AT_60, 120, 120, 10);
  const [x0, y0] = project([0, 60.5]);
  const [x1, y1] = project([2, 59.5]);
  near(x0, 10);
  near(y0, 10);
  near(x1, 110);
  near(y1, 110);
  assert.throws(() => createProjection(SQUARE_AT_60, 20, 20, 10));
});

test("fittedHeight gives a box the projection fills exactly", () => {
  near(fittedHeight(SQUARE_AT_60, 300), 300, 1e-6);
  const bounds: Bounds = [-0.5, 52.5, 0, 52.7];
  const width = 600;
  const height = fittedHeight(bounds, width, 12);
  const project = createProjection(bounds, width, height, 12);
  near(project([-0.5, 52.7])[0], 12);
  near(project([-0.5, 52.7])[1], 12);
  near(project([0, 52.5])[0], width - 12);
  near(project([0, 52.5])[1], height - 12);
});

const identity: Projection = ([x, y]) => [x, y];
const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

test("one subpath per ring, closed with Z and without repeating the first point", () => {
  const geometry: GeoJsonGeometry = { type: "Polygon", coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
  assert.equal(geometryToSvgPath(geometry, identity), "M0,0L10,0L10,10L0,10ZM4,4L6,4L6,6L4,6Z");
  const multi: GeoJsonGeometry = { type: "MultiPolygon", coordinates: [[square(0, 0, 1, 1)], [square(2, 0, 3, 1)]] };
  assert.equal(geometryToSvgPath(multi, identity), "M0,0L1,0L1,1L0,1ZM2,0L3,0L3,1L2,1Z");
});

test("numbers are rounded to the requested decimals, points that round together are merged", () => {
  const ring: Position[] = [
    [0.04, -0.04],
    [1.26, 0],
    [1.2601, 0.01],
    [1.26, 2.349],
    [0, 2],
    [0.04, -0.04],
  ];
  const geometry: GeoJsonGeometry = { type: "Polygon", coordinates: [ring] };
  // [1.26, 0] and [1.2601, 0.01] both round to (1.3, 0); -0.04 rounds to -0, written as 0.
  assert.equal(geometryToSvgPath(geometry, identity), "M0,0L1.3,0L1.3,2.3L0,2Z");
  assert.equal(geometryToSvgPath(geometry, identity, 2), "M0.04,-0.04L1.26,0L1.26,0.01L1.26,2.35L0,2Z");
  assert.equal(geometryToSvgPath(geometry, identity, 0), "M0,0L1,0L1,2L0,2Z");
});

test("rings that collapse below three points are left out", () => {
  const tiny: GeoJsonGeometry = { type: "Polygon", coordinates: [square(0, 0, 0.01, 0.01)] };
  assert.equal(geometryToSvgPath(tiny, identity), "");
});

test("the real wards project inside the SVG box", () => {
  const file = path.join(process.cwd(), "prisma/data/boundaries/wards-E06000031.geojson");
  const wards = JSON.parse(fs.readFileSync(file, "utf8")).features as { geometry: GeoJsonGeometry }[];
  const bounds = geometryBounds(wards.map((w) => w.geometry));
  const project = createProjection(bounds, 800, 500, 8);
  for (const { geometry } of wards) {
    const d = geometryToSvgPath(geometry, project);
    assert.match(d, /^M[\d.,L]+Z$/);
    for (const [, x, y] of d.matchAll(/[ML]([\d.]+),([\d.]+)/g)) {
      assert.ok(Number(x) >= 8 - 0.05 && Number(x) <= 792 + 0.05, `x ${x}`);
      assert.ok(Number(y) >= 8 - 0.05 && Number(y) <= 492 + 0.05, `y ${y}`);
    }
  }
});
