// Lon/lat → SVG coordinates for the server-rendered choropleth (the no-JavaScript and print
// version of the Leaflet map). Equirectangular with the longitude squeezed by cos(latitude): at
// ward scale this is indistinguishable from Web Mercator, and it needs no projection library.
import type { GeoJsonGeometry, Position } from "@/lib/domain/types";
import { geometryPolygons, type Bounds } from "@/lib/geography/geometry";

/** Maps [lon, lat] to [x, y] in SVG user units (y grows downwards). */
export type Projection = (position: Position) => [x: number, y: number];

const DEGREES = Math.PI / 180;

/**
 * Fits the bounds into a width × height box, leaving `padding` on every side, keeping the aspect
 * ratio (one degree of latitude is as long on screen as 1/cos(latitude) degrees of longitude, taken
 * at the middle latitude of the bounds) and centring the shape in whichever direction has room left.
 */
export function createProjection(bounds: Bounds, width: number, height: number, padding = 0): Projection {
  const [minLon, minLat, maxLon, maxLat] = bounds;
  if (!(maxLon >= minLon && maxLat >= minLat)) throw new RangeError("createProjection: bounds are inverted");
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  if (!(innerWidth > 0 && innerHeight > 0)) throw new RangeError("createProjection: padding leaves no room");

  const xFactor = Math.cos(((minLat + maxLat) / 2) * DEGREES);
  const spanX = (maxLon - minLon) * xFactor;
  const spanY = maxLat - minLat;
  // A zero span (a single point or a straight line) must not divide by zero: the other axis decides.
  const scale = Math.min(spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity);
  const k = Number.isFinite(scale) ? scale : 1;
  const offsetX = padding + (innerWidth - spanX * k) / 2;
  const offsetY = padding + (innerHeight - spanY * k) / 2;

  return ([lon, lat]) => [offsetX + (lon - minLon) * xFactor * k, offsetY + (maxLat - lat) * k];
}

/** The height at which `createProjection(bounds, width, height, padding)` leaves no empty margin. */
export function fittedHeight(bounds: Bounds, width: number, padding = 0): number {
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const spanX = (maxLon - minLon) * Math.cos(((minLat + maxLat) / 2) * DEGREES);
  const spanY = maxLat - minLat;
  if (spanX <= 0) throw new RangeError("fittedHeight: bounds have no width");
  return (spanY / spanX) * (width - 2 * padding) + 2 * padding;
}

/**
 * An SVG path "d" for a geometry: "M x,y L x,y … Z" for every ring, numbers rounded to `decimals`.
 * Points that round onto the previous one are dropped, as is the closing point (Z closes the ring),
 * and rings left with fewer than three points are skipped. Holes are separate subpaths, so draw
 * with fill-rule="evenodd" (or rely on the default nonzero with holes wound opposite to the outer ring).
 */
export function geometryToSvgPath(geometry: GeoJsonGeometry, project: Projection, decimals = 1): string {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const format = (value: number) => String(Object.is(value, -0) ? 0 : value);

  const parts: string[] = [];
  for (const polygon of geometryPolygons(geometry)) {
    for (const ring of polygon) {
      const points: [number, number][] = [];
      for (const position of ring) {
        const [x, y] = project(position);
        const point: [number, number] = [round(x), round(y)];
        const last = points[points.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
      }
      const first = points[0];
      const last = points[points.length - 1];
      if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
      if (points.length < 3) continue;
      parts.push(points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${format(x)},${format(y)}`).join("") + "Z");
    }
  }
  return parts.join("");
}
