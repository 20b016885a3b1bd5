// Pure planar geometry on GeoJSON Polygon / MultiPolygon geometries in lon/lat degrees.
// Planar is fine at ward scale (a few km): these functions place demo points inside wards, find
// bounds for the SVG map and sanity-check simplified boundaries; none of them measure real areas.
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";

/** [minLon, minLat, maxLon, maxLat], the GeoJSON bbox order. */
export type Bounds = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** The polygons of a geometry, each as [outer ring, ...holes], whatever its type. */
export function geometryPolygons(geometry: GeoJsonGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Even-odd ray casting over every ring, so holes need no special case: a point inside a hole
 * crosses the outer ring and the hole ring, an even number of times, and is outside.
 * A MultiPolygon contains the point if any of its polygons does.
 *
 * Points exactly on an edge: we use the usual half-open rule (an edge counts when one end is
 * strictly above the point and the other is not, and the crossing is strictly to the right), and
 * give edges no special treatment. The consequence we rely on: a point on a border shared by two
 * adjacent polygons is inside exactly one of them, so nothing on a ward border is counted twice
 * or lost. Which side wins depends on the edge direction (for a square, points on the left and
 * bottom edges are inside, points on the right and top edges are outside).
 */
export function pointInPolygon(point: Position, geometry: GeoJsonGeometry): boolean {
  return geometryPolygons(geometry).some((polygon) => {
    let inside = false;
    for (const ring of polygon) if (crossesRing(point, ring)) inside = !inside;
    return inside;
  });
}

/** True when a ray from the point towards +x crosses the ring an odd number of times. */
function crossesRing([x, y]: Position, ring: Position[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** Bounding box of one geometry or several. Throws when there are no coordinates at all. */
export function geometryBounds(input: GeoJsonGeometry | readonly GeoJsonGeometry[]): Bounds {
  const geometries = Array.isArray(input) ? input : [input as GeoJsonGeometry];
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const geometry of geometries) {
    for (const polygon of geometryPolygons(geometry)) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  if (!Number.isFinite(minLon)) throw new RangeError("geometryBounds: no coordinates");
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * Signed shoelace area of a ring in degrees²: positive when counter-clockwise (x east, y north),
 * negative when clockwise. Works for closed rings (last point = first) and open ones alike.
 */
export function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    twice += xj * yi - xi * yj;
  }
  return twice / 2;
}

/** Planar area in degrees²: outer rings minus holes, whatever the winding. For sanity checks only. */
export function geometryArea(geometry: GeoJsonGeometry): number {
  let area = 0;
  for (const [outer, ...holes] of geometryPolygons(geometry)) {
    if (!outer) continue;
    area += Math.abs(ringArea(outer));
    for (const hole of holes) area -= Math.abs(ringArea(hole));
  }
  return area;
}

/**
 * Area-weighted centroid (holes subtract). It can fall outside a concave shape: use
 * pointOnSurface when the point must be inside. Degenerate (zero-area) geometries get the
 * mean of their vertices.
 */
export function polygonCentroid(geometry: GeoJsonGeometry): Position {
  let sumArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (const [outer, ...holes] of geometryPolygons(geometry)) {
    if (!outer) continue;
    const rings = [outer, ...holes];
    for (let r = 0; r < rings.length; r++) {
      const [area, cx, cy] = ringCentroid(rings[r]!);
      // Normalise the winding so outer rings add and holes subtract, however the file is wound.
      const weight = (r === 0 ? 1 : -1) * Math.abs(area);
      sumArea += weight;
      sumX += weight * cx;
      sumY += weight * cy;
    }
  }
  if (sumArea === 0) return vertexMean(geometry);
  return [sumX / sumArea, sumY / sumArea];
}

function ringCentroid(ring: readonly Position[]): [area: number, x: number, y: number] {
  let twice = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    const cross = xj * yi - xi * yj;
    twice += cross;
    x += (xj + xi) * cross;
    y += (yj + yi) * cross;
  }
  if (twice === 0) return [0, 0, 0];
  return [twice / 2, x / (3 * twice), y / (3 * twice)];
}

function vertexMean(geometry: GeoJsonGeometry): Position {
  let n = 0;
  let x = 0;
  let y = 0;
  for (const polygon of geometryPolygons(geometry)) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        x += lon;
        y += lat;
        n++;
      }
    }
  }
  if (n === 0) throw new RangeError("polygonCentroid: no coordinates");
  return [x / n, y / n];
}

/**
 * A point guaranteed to be inside the geometry (unlike the centroid of a concave shape): cut the
 * shape with a horizontal line through the middle of its largest polygon, and return the middle
 * of the widest stretch of that line that lies inside. Returns null for degenerate geometries.
 */
export function pointOnSurface(geometry: GeoJsonGeometry): Position | null {
  const polygons = geometryPolygons(geometry)
    .filter((polygon) => polygon[0] !== undefined)
    .sort((a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)));
  for (const polygon of polygons) {
    const [, minLat, , maxLat] = geometryBounds({ type: "Polygon", coordinates: polygon });
    // Try a few scan lines: the exact middle could run along a horizontal edge or through a vertex.
    for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const y = minLat + (maxLat - minLat) * fraction;
      const crossings: number[] = [];
      for (const ring of polygon) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
        }
      }
      crossings.sort((a, b) => a - b);
      // Even-odd: the stretches between crossings 0–1, 2–3, ... are inside.
      let best: Position | null = null;
      let bestWidth = 0;
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const width = crossings[k + 1]! - crossings[k]!;
        if (width > bestWidth) {
          bestWidth = width;
          best = [(crossings[k]! + crossings[k + 1]!) / 2, y];
        }
      }
      if (best && pointInPolygon(best, geometry)) return best;
    }
  }
  return null;
}

/**
 * Roughly how far a point lies from the nearest edge of a geometry, in metres (equirectangular at the
 * point's latitude: within a fraction of a per cent over the few kilometres it is used for).
 */
export function distanceToBoundaryMetres(point: Position, geometry: GeoJsonGeometry): number {
  const metresPerLat = 111_320;
  const metresPerLon = metresPerLat * Math.cos((point[1] * Math.PI) / 180);
  const toLocal = ([lon, lat]: Position): [number, number] => [
    (lon - point[0]) * metresPerLon,
    (lat - point[1]) * metresPerLat,
  ];
  let nearest = Infinity;
  for (const polygon of geometryPolygons(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = toLocal(ring[i - 1]!);
        const [bx, by] = toLocal(ring[i]!);
        const dx = bx - ax;
        const dy = by - ay;
        const length2 = dx * dx + dy * dy;
        // The closest point of the segment to the origin (the point itself).
        const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
        nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return nearest;
}
