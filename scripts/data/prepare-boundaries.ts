// Turns the ONS ward boundaries (generalised 20 m, 78 kB) into the web-ready file the app ships:
// simplified with topology preserved, so neighbouring wards keep exactly the same border and no
// gaps or slivers appear, coordinates rounded to 5 decimals (about 1 m), only the properties the
// app uses. Deterministic: the same input gives a byte-identical output.
//
//   npx tsx scripts/data/prepare-boundaries.ts
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { FeatureCollection, Geometry } from "geojson";
import { topology } from "topojson-server";
import { presimplify, simplify, type Triangle } from "topojson-simplify";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import { geometryPolygons, pointInPolygon, ringArea } from "@/lib/geography/geometry";
import { cleanRing } from "@/lib/geography/rings";

export { cleanRing };

export const INPUT_FILE = "prisma/data/raw/drkane-geo-lookups/ward_E06000031.geojson";
export const OUTPUT_FILE = "prisma/data/boundaries/wards-E06000031.geojson";

/**
 * Visvalingam threshold: a vertex is dropped when the triangle it forms with its neighbours is
 * smaller than this many square metres. 8,000 m² (e.g. a 100 m × 160 m triangle) removes the
 * wiggles of field boundaries and streets that are invisible at the 1:50,000-ish scale of a
 * 22-ward map, while keeping every ward recognisable. Chosen by eye and by the checks below.
 */
export const MIN_TRIANGLE_AREA_M2 = 8_000;
export const DECIMALS = 5;
const EXPECTED_WARDS = 22;

/** Metres per degree at Peterborough's latitude (equirectangular; ample for weighing triangles). */
const REFERENCE_LATITUDE = 52.59;
const METRES_PER_DEGREE_LAT = 111_320;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos((REFERENCE_LATITUDE * Math.PI) / 180);

export interface WardProperties {
  code: string;
  name: string;
  labelLon: number;
  labelLat: number;
}

export interface WardFeature {
  type: "Feature";
  properties: WardProperties;
  geometry: GeoJsonGeometry;
}

// A type alias, not an interface, so that it satisfies topojson's index-signature Properties type.
type RawWardProperties = {
  WD25CD: string;
  WD25NM: string;
  LONG: number;
  LAT: number;
};

type WardTopology = Topology<{ wards: GeometryCollection<RawWardProperties> }>;

/**
 * Triangle area in square metres. topojson-simplify's default planarTriangleArea works in
 * degrees², where a degree of longitude counts as much as a degree of latitude; here it is
 * only 0.61 as long, so we scale first and the threshold means the same thing in every direction.
 */
export function triangleAreaSquareMetres(triangle: Triangle): number {
  const [a, b, c] = triangle;
  const ax = a[0] * METRES_PER_DEGREE_LON;
  const ay = a[1] * METRES_PER_DEGREE_LAT;
  const bx = b[0] * METRES_PER_DEGREE_LON;
  const by = b[1] * METRES_PER_DEGREE_LAT;
  const cx = c[0] * METRES_PER_DEGREE_LON;
  const cy = c[1] * METRES_PER_DEGREE_LAT;
  return Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
}

function cleanGeometry(geometry: Geometry, code: string): GeoJsonGeometry {
  const cleanPolygon = (polygon: Position[][]) =>
    polygon.map((ring, index) => {
      const cleaned = cleanRing(ring, index === 0);
      if (cleaned.length < 4 || ringArea(cleaned) === 0) {
        throw new Error(`Ward ${code}: a ring collapsed to ${cleaned.length} points; lower MIN_TRIANGLE_AREA_M2.`);
      }
      return cleaned;
    });
  if (geometry.type === "Polygon")
    return { type: "Polygon", coordinates: cleanPolygon(geometry.coordinates as Position[][]) };
  if (geometry.type === "MultiPolygon") {
    return { type: "MultiPolygon", coordinates: (geometry.coordinates as Position[][][]).map(cleanPolygon) };
  }
  throw new Error(`Ward ${code}: unexpected geometry type ${geometry.type}`);
}

/** The whole transformation, input text → output text. Pure, so tests can run it twice. */
export function prepareBoundaries(
  inputText: string,
  minTriangleArea = MIN_TRIANGLE_AREA_M2,
): {
  features: WardFeature[];
  text: string;
} {
  const input = JSON.parse(inputText) as FeatureCollection<Geometry, RawWardProperties>;
  if (input.features.length !== EXPECTED_WARDS) {
    throw new Error(`Expected ${EXPECTED_WARDS} ward features, found ${input.features.length}`);
  }
  // No quantisation: the ONS file already shares identical vertices along common borders, so
  // topojson finds the shared arcs exactly, and we round only once, at the end.
  // topology() is typed loosely (any objects); we know it holds our one collection of wards.
  const topo = topology({ wards: input }) as unknown as WardTopology;
  const simplified = simplify(presimplify(topo, triangleAreaSquareMetres), minTriangleArea);
  const output = feature(simplified, simplified.objects.wards);

  const features: WardFeature[] = output.features
    .map((f): WardFeature => {
      const { WD25CD: code, WD25NM: name, LONG: labelLon, LAT: labelLat } = f.properties;
      return {
        type: "Feature",
        properties: { code, name, labelLon, labelLat },
        geometry: cleanGeometry(f.geometry, code),
      };
    })
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code));

  assertValid(features);
  // One feature per line: small, and a change to one ward shows as a one-line diff.
  const text =
    '{"type":"FeatureCollection","features":[\n' + features.map((f) => JSON.stringify(f)).join(",\n") + "\n]}\n";
  return { features, text };
}

/** Fails loudly if simplification broke a ward: label point lost, or borders crossing. */
function assertValid(features: WardFeature[]): void {
  for (const f of features) {
    const label: Position = [f.properties.labelLon, f.properties.labelLat];
    const containing = features.filter((other) => pointInPolygon(label, other.geometry)).map((o) => o.properties.code);
    if (containing.length !== 1 || containing[0] !== f.properties.code) {
      throw new Error(`Label point of ${f.properties.code} falls in [${containing.join(", ")}] after simplification.`);
    }
  }
  const crossing = findCrossingSegments(features);
  if (crossing) throw new Error(`Simplified borders cross: ${crossing}`);
}

type Segment = { a: Position; b: Position; where: string };

/** First pair of segments (in any rings of any wards) that cross at a point interior to both. */
export function findCrossingSegments(features: WardFeature[]): string | null {
  const segments: Segment[] = [];
  for (const f of features) {
    for (const polygon of geometryPolygons(f.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          segments.push({ a: ring[i]!, b: ring[i + 1]!, where: `${f.properties.code}#${i}` });
        }
      }
    }
  }
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (properlyCross(segments[i]!, segments[j]!)) return `${segments[i]!.where} × ${segments[j]!.where}`;
    }
  }
  return null;
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

function properlyCross(s: Segment, t: Segment): boolean {
  const o1 = orientation(s.a, s.b, t.a);
  const o2 = orientation(s.a, s.b, t.b);
  const o3 = orientation(t.a, t.b, s.a);
  const o4 = orientation(t.a, t.b, s.b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

export function countPoints(geometries: readonly (Geometry | GeoJsonGeometry)[]): number {
  let n = 0;
  for (const geometry of geometries) {
    if (geometry.type === "Polygon") for (const ring of geometry.coordinates) n += ring.length;
    else if (geometry.type === "MultiPolygon")
      for (const p of geometry.coordinates) for (const ring of p) n += ring.length;
  }
  return n;
}

function describeSize(bytes: Buffer | string): string {
  const raw = Buffer.byteLength(bytes);
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  return `${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip`;
}

function main() {
  const root = process.cwd();
  const inputText = fs.readFileSync(path.join(root, INPUT_FILE), "utf8");
  const input = JSON.parse(inputText) as FeatureCollection<Geometry, RawWardProperties>;
  const { features, text } = prepareBoundaries(inputText);

  const outputPath = path.join(root, OUTPUT_FILE);
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, text);

  console.log(
    `Input  ${INPUT_FILE}: ${describeSize(inputText)}, ${countPoints(input.features.map((f) => f.geometry))} points`,
  );
  console.log(`Output ${OUTPUT_FILE}: ${describeSize(text)}, ${countPoints(features.map((f) => f.geometry))} points`);
  console.log(
    `Threshold: triangles under ${MIN_TRIANGLE_AREA_M2.toLocaleString("en-GB")} m² removed; ${DECIMALS} decimals.`,
  );
  const before = new Map(input.features.map((f) => [f.properties.WD25CD, countPoints([f.geometry])]));
  for (const f of features) {
    const { code, name } = f.properties;
    console.log(
      `  ${code} ${name.padEnd(28)} ${String(before.get(code)).padStart(4)} → ${String(countPoints([f.geometry])).padStart(3)} points`,
    );
  }
}

if (require.main === module) {
  main();
}
