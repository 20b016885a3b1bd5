// Validity checks for imported boundaries: every ring closed, at least four positions, non-zero
// area, and no edges crossing (within a polygon before simplification; between any areas after).
// Crossing tests use a uniform grid so that a detailed boundary of 100,000 edges is checked in
// well under a second rather than comparing every pair.
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import { ringArea } from "@/lib/geography/geometry";

export interface Segment {
  a: Position;
  b: Position;
  /** Who owns the segment, for messages, e.g. "E05010805 ring 1". */
  owner: string;
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

/** True when the segments cross at a single point interior to both (touching does not count). */
export function segmentsCross(s: Segment, t: Segment): boolean {
  const o1 = orientation(s.a, s.b, t.a);
  const o2 = orientation(s.a, s.b, t.b);
  const o3 = orientation(t.a, t.b, s.a);
  const o4 = orientation(t.a, t.b, s.b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** The first pair of segments that cross, found through a uniform grid; null when none do. */
export function findCrossing(segments: readonly Segment[]): [Segment, Segment] | null {
  if (segments.length < 2) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { a, b } of segments) {
    minX = Math.min(minX, a[0], b[0]);
    maxX = Math.max(maxX, a[0], b[0]);
    minY = Math.min(minY, a[1], b[1]);
    maxY = Math.max(maxY, a[1], b[1]);
  }
  const cells = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(segments.length))));
  const width = (maxX - minX) / cells || 1;
  const height = (maxY - minY) / cells || 1;
  const cellOf = (value: number, min: number, size: number) => Math.min(cells - 1, Math.floor((value - min) / size));
  const grid = new Map<number, number[]>();
  segments.forEach((segment, index) => {
    const x0 = cellOf(Math.min(segment.a[0], segment.b[0]), minX, width);
    const x1 = cellOf(Math.max(segment.a[0], segment.b[0]), minX, width);
    const y0 = cellOf(Math.min(segment.a[1], segment.b[1]), minY, height);
    const y1 = cellOf(Math.max(segment.a[1], segment.b[1]), minY, height);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = x * cells + y;
        const list = grid.get(key);
        if (list) list.push(index);
        else grid.set(key, [index]);
      }
    }
  });
  for (const list of grid.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const s = segments[list[i]!]!;
        const t = segments[list[j]!]!;
        if (segmentsCross(s, t)) return [s, t];
      }
    }
  }
  return null;
}

/** The segments of every ring of a geometry, labelled "<owner> polygon P ring R". */
export function geometrySegments(geometry: GeoJsonGeometry, owner: string): Segment[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const segments: Segment[] = [];
  polygons.forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        segments.push({ a: ring[i]!, b: ring[i + 1]!, owner: `${owner}polygon ${p + 1} ring ${r + 1}` });
      }
    });
  });
  return segments;
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === "number" &&
    typeof value[1] === "number" &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

/**
 * Reasons a GeoJSON geometry is not a valid Polygon or MultiPolygon (empty when it is). Checks
 * the shape of the coordinates, closed rings, ring length, area, and crossing edges.
 */
export function geometryProblems(geometry: unknown): string[] {
  if (geometry === null || geometry === undefined) return ["The feature has no geometry."];
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return [`The geometry is a ${String(type)}; only Polygon and MultiPolygon areas can be imported.`];
  }
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return ["The geometry has no coordinates."];
  const problems: string[] = [];
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push(`${type === "MultiPolygon" ? `Polygon ${p + 1}` : "The polygon"} has no rings.`);
      return;
    }
    polygon.forEach((ring: unknown, r) => {
      const ringName = type === "MultiPolygon" ? `Polygon ${p + 1}, ring` : "Ring";
      const where = `${ringName} ${r + 1}${r === 0 ? " (outer)" : " (hole)"}`;
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        problems.push(`${where}: coordinates should be [x, y] pairs of numbers.`);
        return;
      }
      const positions = ring as Position[];
      if (positions.length < 4) {
        problems.push(
          `${where} has ${positions.length} positions; a ring needs at least 4 (the first repeated at the end).`,
        );
        return;
      }
      const first = positions[0]!;
      const last = positions[positions.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`${where} is not closed: its last position should repeat its first.`);
        return;
      }
      if (ringArea(positions) === 0) problems.push(`${where} has no area (all its points are on one line).`);
    });
  });
  if (problems.length > 0) return problems;
  const crossing = findCrossing(geometrySegments({ type, coordinates } as GeoJsonGeometry, ""));
  if (crossing) {
    const [s, t] = crossing;
    problems.push(
      `Edges cross each other (in ${s.owner} and ${t.owner}, near ${s.a[0]}, ${s.a[1]}): the boundary intersects itself.`,
    );
  }
  return problems;
}
