// Ring hygiene for boundaries the app stores: shared by the demo boundary script and the importer.
import type { Position } from "@/lib/domain/types";
import { ringArea } from "@/lib/geography/geometry";

/**
 * Rounds (5 decimals of a degree is about 1 m, finer than any boundary the app draws), drops
 * consecutive duplicates, closes the ring and winds it as RFC 7946 asks.
 */
export function cleanRing(ring: readonly Position[], exterior: boolean, decimals = 5): Position[] {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const point: Position = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  // RFC 7946: exterior rings counter-clockwise, holes clockwise (Leaflet ignores winding either way).
  const counterClockwise = ringArea(out) > 0;
  if (counterClockwise !== exterior) out.reverse();
  return out;
}
